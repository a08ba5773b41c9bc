import { z } from 'zod';
import { RegionCode } from './region';

/** Knowledge-base articles and search (DESIGN.md §7), shared by the seat, the server and the CLI. */

export const KB_SEASONS = ['春', '夏', '秋', '冬', '全年'] as const;
export const KbSeason = z.enum(KB_SEASONS, { message: '季节须为 春/夏/秋/冬/全年 之一' });
export type KbSeason = z.infer<typeof KbSeason>;

export const KB_STATUSES = ['draft', 'in_review', 'published', 'retired'] as const;
export const KbStatus = z.enum(KB_STATUSES);
export type KbStatus = z.infer<typeof KbStatus>;

export const KbArticleId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, '知识编号只能含小写字母、数字和连字符');

const words = (label: string) => z.array(z.string().trim().min(1).max(40, `${label}每项不超过 40 个字`)).max(30);

/** One line of an articles file (`data/kb/kb.jsonl`): the content, without lifecycle. */
export const KbArticleContent = z.strictObject({
  id: KbArticleId,
  title: z.string().trim().min(1, '标题不能为空').max(200, '标题不能超过 200 个字'),
  answer: z.string().trim().min(1, '答案不能为空').max(8000, '答案不能超过 8000 个字'),
  category: z.string().trim().min(1, '分类不能为空').max(50),
  tags: words('标签').default([]),
  subjects: words('对象').default([]),
  season: KbSeason.default('全年'),
  regions: z.array(RegionCode).max(50).default([]),
});
export type KbArticleContent = z.output<typeof KbArticleContent>;
export type KbArticleContentInput = z.input<typeof KbArticleContent>;

/** What a seat keeps and shows: the published content plus the facts an operator needs to trust it. */
export const KbArticle = KbArticleContent.extend({
  version: z.number().int().min(1),
  status: KbStatus,
  /** ISO date after which the article must be reviewed; null = no fixed date. */
  validUntil: z.iso.date().nullable(),
  reviewEachSeason: z.boolean(),
  updatedAt: z.iso.datetime({ offset: true }),
  usageCount: z.number().int().min(0),
});
export type KbArticle = z.output<typeof KbArticle>;

/** An article taken in as published version 1 (an import, the bundled demo KB, a benchmark corpus). */
export function firstPublished(content: KbArticleContent, updatedAt: string): KbArticle {
  return {
    ...content,
    version: 1,
    status: 'published',
    validUntil: null,
    reviewEachSeason: false,
    updatedAt,
    usageCount: 0,
  };
}

export const KbFilters = z
  .strictObject({
    category: z.string().trim().min(1).max(50).optional(),
    subject: z.string().trim().min(1).max(40).optional(),
    season: KbSeason.optional(),
    region: RegionCode.optional(),
  })
  .default({});
export type KbFilters = z.output<typeof KbFilters>;

/** Whatever the operator typed: any text up to 5,000 characters is valid input and never an error. */
export const KbSearchQuery = z.strictObject({
  q: z.string().max(5000, '检索内容不能超过 5000 个字'),
  limit: z.number().int().min(1).max(100).default(5),
  filters: KbFilters,
});
export type KbSearchQuery = z.input<typeof KbSearchQuery>;
export type KbSearchQueryParsed = z.output<typeof KbSearchQuery>;

/** Text cut into plain and matched pieces, so the UI highlights without ever rendering HTML. */
export const Marked = z.array(z.strictObject({ text: z.string(), hit: z.boolean() }));
export type Marked = z.infer<typeof Marked>;

export const KbHit = z.object({
  id: KbArticleId,
  title: z.string(),
  score: z.number(),
  titleMarked: Marked,
  snippet: Marked,
  category: z.string(),
  subjects: z.array(z.string()),
  season: KbSeason,
  /** The article's validity date, so a list can mark an expired article before anyone opens it. */
  validUntil: z.iso.date().nullable(),
});
export type KbHit = z.infer<typeof KbHit>;

export const KbSearchResult = z.object({
  hits: z.array(KbHit),
  /** Words the query was understood as (after synonyms), shown so the operator sees why things matched. */
  terms: z.array(z.string()),
  tookMs: z.number(),
});
export type KbSearchResult = z.infer<typeof KbSearchResult>;
