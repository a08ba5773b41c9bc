import type { KbArticleContent } from '../../domain/kb';
import { hanCounts } from './hanCounts';
import { normalizeText } from './text';

/**
 * The searchable fields of an article and the three term layers each is cut into: segmented words,
 * character bigrams and single Han characters (colloquial queries share many single characters —
 * 黄, 烧, 肥 — with the answer even when their words differ).
 */
export const FIELDS = ['title', 'keys', 'answer'] as const;
export type Field = (typeof FIELDS)[number];
export type FieldNumbers = Readonly<Record<Field, number>>;
/** In this order in `kb_article.lens` and `kb_stats`: each layer's field lengths in the order of FIELDS. */
export type Layer = 'words' | 'bigrams' | 'chars';

/** The three searchable fields as raw text: title, keys (tags, subjects, category), answer. */
export function fieldTexts(a: KbArticleContent): Record<Field, string> {
  return { title: a.title, keys: [...a.tags, ...a.subjects, a.category].join(' '), answer: a.answer };
}

/** The searchable fields normalised: the text words, bigrams and characters are cut from and counted in. */
export function normalizedFields(a: KbArticleContent): Record<Field, string> {
  const raw = fieldTexts(a);
  return { title: normalizeText(raw.title), keys: normalizeText(raw.keys), answer: normalizeText(raw.answer) };
}

/** Reads a `lens` array back as per-layer field lengths. */
export function lengthsByLayer(lens: readonly number[]): Record<Layer, FieldNumbers> {
  const at = (layer: number, field: number) => lens[layer * FIELDS.length + field] ?? 0;
  return {
    words: { title: at(0, 0), keys: at(0, 1), answer: at(0, 2) },
    bigrams: { title: at(1, 0), keys: at(1, 1), answer: at(1, 2) },
    chars: { title: at(2, 0), keys: at(2, 1), answer: at(2, 2) },
  };
}

/** The distinct Han characters of an article, as one string (for the character document frequencies). */
export function distinctChars(a: KbArticleContent): string {
  const norm = normalizedFields(a);
  return hanCounts(FIELDS.map((f) => norm[f])).distinct;
}
