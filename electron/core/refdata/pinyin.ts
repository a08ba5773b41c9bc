import { pinyin } from 'pinyin-pro';

export type PlacePinyin = {
  /** Toneless syllables run together, ü written v: 'changchunshi', 'lvyuanqu'. */
  full: string;
  /** First letter of each syllable: 'ccs'. */
  initials: string;
};

/**
 * Place names whose reading pinyin-pro's general dictionary gets wrong. Checked against every name
 * in data/regions: 珲春 hún, 乐亭 lào, 蔚县 yù, 洪洞 tóng; 长子县 (Shanxi) is the one place where 长 is zhǎng.
 */
const WORD_READINGS: ReadonlyArray<readonly [word: string, syllables: readonly string[]]> = [
  ['珲春', ['hun', 'chun']],
  ['乐亭', ['lao', 'ting']],
  ['蔚县', ['yu', 'xian']],
  ['洪洞', ['hong', 'tong']],
  ['长子', ['zhang', 'zi']],
];

/**
 * In place names 长 reads cháng (长春, 长白山, 长岭); pinyin-pro picks zhǎng in words such as
 * 县长 (长岭县长岭…) or 长进, which would make `cc` miss 长春 -like names.
 */
const CHAR_READINGS: ReadonlyMap<string, string> = new Map([['长', 'chang']]);

export function placePinyin(name: string): PlacePinyin {
  const chars = [...name];
  const syllables = pinyin(name, { toneType: 'none', type: 'array', v: true });
  // pinyin-pro returns one entry per character; if it ever does not, the overrides cannot be aligned.
  const aligned = syllables.length === chars.length;
  if (aligned) {
    chars.forEach((ch, i) => {
      const reading = CHAR_READINGS.get(ch);
      if (reading) syllables[i] = reading;
    });
    for (const [word, readings] of WORD_READINGS) {
      for (let at = name.indexOf(word); at >= 0; at = name.indexOf(word, at + word.length)) {
        const start = [...name.slice(0, at)].length;
        readings.forEach((reading, k) => (syllables[start + k] = reading));
      }
    }
  }
  const clean = syllables.map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''));
  return {
    full: clean.join(''),
    initials: clean.map((s) => s.charAt(0)).join(''),
  };
}
