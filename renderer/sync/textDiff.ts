export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

/** Past this many cells the middle is shown as one replacement: still correct, just less precise. */
const MAX_TABLE = 250_000;

/**
 * Character-level difference of two texts (Chinese has no word spaces, so characters are the unit):
 * the common start and end are trimmed, the rest is aligned by longest common subsequence.
 */
export function diffText(before: string, after: string): DiffPart[] {
  const a = Array.from(before);
  const b = Array.from(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end += 1;

  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  push('same', a.slice(0, start).join(''));
  const midA = a.slice(start, a.length - end);
  const midB = b.slice(start, b.length - end);
  for (const part of alignMiddle(midA, midB)) push(part.kind, part.text);
  push('same', a.slice(a.length - end).join(''));
  return parts;
}

function alignMiddle(a: string[], b: string[]): DiffPart[] {
  if (a.length * b.length > MAX_TABLE || a.length === 0 || b.length === 0) {
    return [
      { kind: 'removed', text: a.join('') },
      { kind: 'added', text: b.join('') },
    ];
  }
  // lcs[i][j] = length of the longest common subsequence of a[i..] and b[j..]
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i]! });
      i += 1;
      j += 1;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      out.push({ kind: 'removed', text: a[i]! });
      i += 1;
    } else {
      out.push({ kind: 'added', text: b[j]! });
      j += 1;
    }
  }
  out.push(...a.slice(i).map((text) => ({ kind: 'removed' as const, text })));
  out.push(...b.slice(j).map((text) => ({ kind: 'added' as const, text })));
  return out;
}
