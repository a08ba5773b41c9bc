import dayjs, { type Dayjs } from 'dayjs';
import type { KbSeason } from '../../shared/domain/kb';
import { kbDraftOn, type KbArticleDetail, type KbDraft } from '../../shared/domain/kbServer';

/** The editor form's values: dates as dayjs for the DatePicker, everything else as the draft has it. */
export type DraftValues = {
  title: string;
  answer: string;
  category: string | undefined;
  subjects: string[];
  tags: string[];
  season: KbSeason;
  regions: string[];
  validUntil: Dayjs | null;
  reviewEachSeason: boolean;
};
export type DraftField = keyof DraftValues;

export const EMPTY_VALUES: DraftValues = {
  title: '',
  answer: '',
  category: undefined,
  subjects: [],
  tags: [],
  season: '全年',
  regions: [],
  validUntil: null,
  reviewEachSeason: false,
};

export function valuesFromDraft(d: KbDraft): DraftValues {
  return { ...d, validUntil: d.validUntil ? dayjs(d.validUntil) : null };
}

/** The live version as a draft, the shape the editor and the diff compare. */
export function publishedDraft(detail: KbArticleDetail): KbDraft | null {
  if (!detail.published) return null;
  const { id: _id, version: _v, status: _s, updatedAt: _u, usageCount: _c, ...content } = detail.published;
  return content;
}

/** What the editor shows: the open draft, else the live version (editing it opens a revision). */
export function editableDraft(detail: KbArticleDetail): KbDraft | null {
  return detail.draft ?? publishedDraft(detail);
}

/** The form as plain comparable data: a cleared field reads as empty, dates as YYYY-MM-DD. */
function comparable(v: Partial<DraftValues>) {
  return JSON.stringify([
    v.title ?? '',
    v.answer ?? '',
    v.category ?? '',
    v.subjects ?? [],
    v.tags ?? [],
    v.season ?? EMPTY_VALUES.season,
    v.regions ?? [],
    v.validUntil ? v.validUntil.format('YYYY-MM-DD') : null,
    v.reviewEachSeason ?? false,
  ]);
}

/** Whether the form still holds what it was loaded with (nothing to lose on closing it). */
export function sameValues(a: Partial<DraftValues>, b: Partial<DraftValues>): boolean {
  return comparable(a) === comparable(b);
}

export type FieldErrors = { name: DraftField; errors: string[] }[];

/**
 * The form's values checked by the same schema the server uses on `today` (a validity date already
 * past is refused); its messages go to their fields.
 */
export function draftFromValues(
  v: Partial<DraftValues>,
  today: string,
): { ok: true; draft: KbDraft } | { ok: false; errors: FieldErrors } {
  // A cleared antd field reads as undefined; as '' or [] it gets the schema's own Chinese message.
  const parsed = kbDraftOn(today).safeParse({
    ...v,
    title: v.title ?? '',
    answer: v.answer ?? '',
    category: v.category ?? '',
    subjects: v.subjects ?? [],
    tags: v.tags ?? [],
    regions: v.regions ?? [],
    validUntil: v.validUntil ? v.validUntil.format('YYYY-MM-DD') : null,
  });
  if (parsed.success) return { ok: true, draft: parsed.data };
  const byField = new Map<DraftField, string[]>();
  for (const issue of parsed.error.issues) {
    const name = String(issue.path[0] ?? 'title') as DraftField;
    byField.set(name, [...(byField.get(name) ?? []), issue.message]);
  }
  return { ok: false, errors: [...byField].map(([name, errors]) => ({ name, errors })) };
}

/** The schema's messages for one field of the form as it is now; none when that field is right. */
export function fieldErrors(v: Partial<DraftValues>, field: DraftField, today: string): string[] {
  const checked = draftFromValues(v, today);
  return checked.ok ? [] : (checked.errors.find((e) => e.name === field)?.errors ?? []);
}
