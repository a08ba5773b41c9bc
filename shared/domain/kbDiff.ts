import { z } from 'zod';
import { type KbDraft } from './kbServer';

/** A piece of text in a diff: kept, added in the newer version, or removed from the older one. */
export const DiffSegment = z.strictObject({ text: z.string(), op: z.enum(['same', 'added', 'removed']) });
export type DiffSegment = z.infer<typeof DiffSegment>;

const JsonScalar = z.union([z.string(), z.boolean(), z.null()]);

/** One changed field between two versions; unchanged fields are left out. */
export const KbFieldDiff = z.discriminatedUnion('kind', [
  z.strictObject({ field: z.enum(['title', 'answer']), kind: z.literal('text'), segments: z.array(DiffSegment) }),
  z.strictObject({
    field: z.enum(['tags', 'subjects', 'regions']),
    kind: z.literal('list'),
    added: z.array(z.string()),
    removed: z.array(z.string()),
  }),
  z.strictObject({
    field: z.enum(['category', 'season', 'validUntil', 'reviewEachSeason']),
    kind: z.literal('value'),
    from: JsonScalar,
    to: JsonScalar,
  }),
]);
export type KbFieldDiff = z.infer<typeof KbFieldDiff>;

export const KbVersionDiff = z.object({ from: z.number().int(), to: z.number().int(), fields: z.array(KbFieldDiff) });
export type KbVersionDiff = z.infer<typeof KbVersionDiff>;

/** Above this many LCS cells a text is compared sentence by sentence instead of character by character. */
const MAX_CELLS = 250_000;

/** Sentences with their closing punctuation, so a changed sentence shows as one removed and one added piece. */
function sentences(text: string): string[] {
  return text.match(/[^。！？；!?;\n]+[。！？；!?;\n]*|[。！？；!?;\n]+/g) ?? [];
}

function push(out: DiffSegment[], text: string, op: DiffSegment['op']): void {
  const last = out[out.length - 1];
  if (last && last.op === op) last.text += text;
  else if (text !== '') out.push({ text, op });
}

/** Longest-common-subsequence diff of two token lists; removals come before additions at each change. */
function diffTokens(a: readonly string[], b: readonly string[]): DiffSegment[] {
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: DiffSegment[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      push(out, a[i]!, 'same');
      i++;
      j++;
    } else if (j >= m || (i < n && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      push(out, a[i]!, 'removed');
      i++;
    } else {
      push(out, b[j]!, 'added');
      j++;
    }
  }
  return out;
}

/** A readable diff of two texts: by character when short enough, else by sentence. */
export function diffText(from: string, to: string): DiffSegment[] {
  const chars = [Array.from(from), Array.from(to)] as const;
  if ((chars[0].length + 1) * (chars[1].length + 1) <= MAX_CELLS) return diffTokens(chars[0], chars[1]);
  return diffTokens(sentences(from), sentences(to));
}

const TEXT_FIELDS = ['title', 'answer'] as const;
const LIST_FIELDS = ['tags', 'subjects', 'regions'] as const;
const VALUE_FIELDS = ['category', 'season', 'validUntil', 'reviewEachSeason'] as const;

/** What changed from one version of an article to another, field by field (issue 4 §3 history). */
export function diffKbDrafts(from: KbDraft, to: KbDraft): KbFieldDiff[] {
  const out: KbFieldDiff[] = [];
  for (const field of TEXT_FIELDS) {
    if (from[field] !== to[field]) out.push({ field, kind: 'text', segments: diffText(from[field], to[field]) });
  }
  for (const field of LIST_FIELDS) {
    const before = new Set(from[field]);
    const after = new Set(to[field]);
    const added = [...after].filter((x) => !before.has(x));
    const removed = [...before].filter((x) => !after.has(x));
    if (added.length > 0 || removed.length > 0) out.push({ field, kind: 'list', added, removed });
  }
  for (const field of VALUE_FIELDS) {
    if (from[field] !== to[field]) out.push({ field, kind: 'value', from: from[field], to: to[field] });
  }
  return out;
}
