import { describe, expect, it } from 'vitest';
import { spokenForms } from './spokenForms';

const knowing =
  (...words: string[]) =>
  (w: string) =>
    words.includes(w);

describe('spoken forms of written words', () => {
  it('joins a verb–object word split by a marker, a size word or a pronoun', () => {
    const isWord = knowing('打药', '下雨', '租地');
    expect(spokenForms('打完药俩钟头下大雨了', isWord)).toEqual([
      { source: '打完药', word: '打药' },
      { source: '下大雨', word: '下雨' },
    ]);
    expect(spokenForms('租俺地挖鱼塘行不', isWord)).toEqual([{ source: '租俺地', word: '租地' }]);
  });

  it('joins only words it knows, split only as speech splits them, and not a word typed whole', () => {
    expect(spokenForms('打完药', knowing())).toEqual([]);
    expect(spokenForms('地的在地里', knowing('的地', '的在'))).toEqual([]);
    expect(spokenForms('猪瘟有疫苗', knowing('瘟疫'))).toEqual([]);
    expect(spokenForms('打完药又打药', knowing('打药'))).toEqual([]);
  });

  it('reads a change of state told with 了 as the written 发/变 word', () => {
    expect(spokenForms('苗黄了', knowing('发黄'))).toEqual([{ source: '黄了', word: '发黄' }]);
    expect(spokenForms('果子软了', knowing('发软', '变软'))).toEqual([
      { source: '软了', word: '发软' },
      { source: '软了', word: '变软' },
    ]);
    expect(spokenForms('都了', knowing('发都'))).toEqual([]);
  });
});
