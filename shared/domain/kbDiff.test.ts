import { describe, expect, it } from 'vitest';
import { diffKbDrafts, diffText } from './kbDiff';
import { KbDraft } from './kbServer';

const base = KbDraft.parse({
  title: '玉米叶片发黄怎么办？',
  answer: '先看黄叶部位。缺氮时追施尿素。积水时及时排水。',
  category: '种植业-粮食作物',
  tags: ['黄叶', '缺氮'],
  subjects: ['玉米'],
  season: '夏',
});

const join = (segments: { text: string; op: string }[], keep: string[]) =>
  segments
    .filter((s) => keep.includes(s.op))
    .map((s) => s.text)
    .join('');

describe('version diff', () => {
  it('lists only the fields that changed', () => {
    const next = { ...base, tags: ['黄叶', '排水'], season: '全年' as const, validUntil: '2027-03-01' };
    const fields = diffKbDrafts(base, next);
    expect(fields.map((f) => f.field)).toEqual(['tags', 'season', 'validUntil']);
    expect(fields[0]).toEqual({ field: 'tags', kind: 'list', added: ['排水'], removed: ['缺氮'] });
    expect(fields[2]).toEqual({ field: 'validUntil', kind: 'value', from: null, to: '2027-03-01' });
    expect(diffKbDrafts(base, { ...base })).toEqual([]);
  });

  it('shows a text change as kept, removed and added pieces that rebuild both versions', () => {
    const [field] = diffKbDrafts(base, { ...base, answer: '先看黄叶部位。缺钾时追施钾肥。积水时及时排水。' });
    if (field?.kind !== 'text') throw new Error('expected a text diff');
    expect(join(field.segments, ['same', 'removed'])).toBe(base.answer);
    expect(join(field.segments, ['same', 'added'])).toBe('先看黄叶部位。缺钾时追施钾肥。积水时及时排水。');
    expect(field.segments.some((s) => s.op === 'same' && s.text.includes('积水时及时排水'))).toBe(true);
  });

  it('falls back to sentences for long texts and still rebuilds both', () => {
    const long = Array.from({ length: 400 }, (_, i) => `第${i}句话。`).join('');
    const changed = long.replace('第200句话。', '改过的一句。');
    const segments = diffText(long, changed);
    expect(join(segments, ['same', 'removed'])).toBe(long);
    expect(join(segments, ['same', 'added'])).toBe(changed);
    expect(segments.filter((s) => s.op !== 'same').map((s) => s.text)).toEqual(['第200句话。', '改过的一句。']);
  });
});
