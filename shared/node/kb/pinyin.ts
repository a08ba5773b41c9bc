import { pinyin } from 'pinyin-pro';

/**
 * Pinyin keys for homophone typos (稻温病 → 稻瘟病, 化费 → 化肥) and initials typed instead of
 * characters (dl补贴, 非洲zw). Tones are dropped: operators' typos come from pinyin input methods,
 * which pick the wrong character of the right sound.
 */
export function pinyinKey(word: string): string {
  return pinyin(word, { toneType: 'none', type: 'array', v: true }).join('');
}

export function initialsKey(word: string): string {
  return pinyin(word, { pattern: 'first', toneType: 'none', type: 'array' }).join('');
}

/**
 * Whether `term` fits a mixed query like `dl补贴`: each Latin letter is the initial of the term's
 * character at that place, each Han character is that character.
 */
export function fitsMixed(pattern: readonly string[], term: string, termInitials: string): boolean {
  const chars = Array.from(term);
  if (chars.length !== pattern.length || termInitials.length !== pattern.length) return false;
  return pattern.every((p, i) => (/[a-z]/.test(p) ? termInitials[i] === p : chars[i] === p));
}
