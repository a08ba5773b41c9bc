import type { Marked } from '../../domain/kb';
import { normalizeText } from './text';

/**
 * Highlights as plain/matched pieces of the original text (the UI never renders HTML). Matching runs
 * on normalised text, mapped back to the characters the author wrote.
 */
const SNIPPET_CHARS = 80;
const LEAD_CHARS = 20;

/** Which code points of `text` are covered by an occurrence of one of `words`. */
function hitMask(chars: readonly string[], words: readonly string[]): boolean[] {
  // For each UTF-16 unit of the normalised text: the original code point it came from.
  let joined = '';
  const owner: number[] = [];
  chars.forEach((ch, i) => {
    const n = normalizeText(ch);
    joined += n;
    for (let k = 0; k < n.length; k++) owner.push(i);
  });
  const mask = chars.map(() => false);
  for (const w of words) {
    if (!w) continue;
    let from = 0;
    for (;;) {
      const at = joined.indexOf(w, from);
      if (at < 0) break;
      for (let u = at; u < at + w.length; u++) mask[owner[u]!] = true;
      from = at + w.length;
    }
  }
  return mask;
}

function toMarked(chars: readonly string[], mask: readonly boolean[], from: number, to: number): Marked {
  const out: Marked = [];
  for (let i = from; i < to; i++) {
    const hit = mask[i]!;
    const last = out[out.length - 1];
    if (last && last.hit === hit) last.text += chars[i]!;
    else out.push({ text: chars[i]!, hit });
  }
  return out;
}

export function markText(text: string, words: readonly string[]): Marked {
  const chars = Array.from(text);
  return toMarked(chars, hitMask(chars, words), 0, chars.length);
}

/** About SNIPPET_CHARS characters of `text` around its densest run of matches, with … where cut. */
export function snippet(text: string, words: readonly string[]): Marked {
  const chars = Array.from(text);
  const mask = hitMask(chars, words);
  if (chars.length <= SNIPPET_CHARS) return toMarked(chars, mask, 0, chars.length);
  let bestStart = 0;
  let bestCount = -1;
  for (let i = 0; i < chars.length; i++) {
    if (!mask[i] || (i > 0 && mask[i - 1])) continue;
    const start = Math.max(0, Math.min(i - LEAD_CHARS, chars.length - SNIPPET_CHARS));
    let count = 0;
    for (let k = start; k < start + SNIPPET_CHARS; k++) if (mask[k]) count++;
    if (count > bestCount) {
      bestCount = count;
      bestStart = start;
    }
  }
  const end = Math.min(chars.length, bestStart + SNIPPET_CHARS);
  const body = toMarked(chars, mask, bestStart, end);
  if (bestStart > 0) body.unshift({ text: '…', hit: false });
  if (end < chars.length) body.push({ text: '…', hit: false });
  return body;
}
