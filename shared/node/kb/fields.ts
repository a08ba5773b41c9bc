import type { KbArticleContent } from '../../domain/kb';
import type { KbAnalyzer } from './analyzer';
import { bigramsOf, hanCharsOf, normalizeText } from './text';

/**
 * The searchable fields of an article and the three term layers each is cut into: segmented words,
 * character bigrams and single Han characters (colloquial queries share many single characters —
 * 黄, 烧, 肥 — with the answer even when their words differ).
 */
export const FIELDS = ['title', 'keys', 'answer'] as const;
export type Field = (typeof FIELDS)[number];
export type FieldNumbers = Readonly<Record<Field, number>>;
const LAYERS = ['words', 'bigrams', 'chars'] as const;
export type Layer = (typeof LAYERS)[number];

/** The three searchable fields as raw text: title, keys (tags, subjects, category), answer. */
export function fieldTexts(a: KbArticleContent): Record<Field, string> {
  return { title: a.title, keys: [...a.tags, ...a.subjects, a.category].join(' '), answer: a.answer };
}

export type IndexedFields = Readonly<Record<Layer, Readonly<Record<Field, readonly string[]>>>>;

/** The searchable fields normalised: the text words, bigrams and characters are cut from and counted in. */
export function normalizedFields(a: KbArticleContent): Record<Field, string> {
  const raw = fieldTexts(a);
  return { title: normalizeText(raw.title), keys: normalizeText(raw.keys), answer: normalizeText(raw.answer) };
}

export function indexFields(norm: Readonly<Record<Field, string>>, analyzer: KbAnalyzer): IndexedFields {
  const per = (cut: (s: string) => string[]) => ({
    title: cut(norm.title),
    keys: cut(norm.keys),
    answer: cut(norm.answer),
  });
  return { words: per((s) => analyzer.segment(s)), bigrams: per(bigramsOf), chars: per(hanCharsOf) };
}

/** Term counts per layer and field, in the order of `kb_article.lens` and `kb_stats`. */
export function fieldLengths(f: IndexedFields): number[] {
  return LAYERS.flatMap((layer) => FIELDS.map((field) => f[layer][field].length));
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

/** The distinct Han characters of an article (for the character document frequencies). */
export function distinctChars(a: KbArticleContent): Set<string> {
  const norm = normalizedFields(a);
  return new Set(FIELDS.flatMap((f) => hanCharsOf(norm[f])));
}
