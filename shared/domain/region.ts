import { z } from 'zod';

/** GB/T 2260 / 统计用区划代码 lengths: province 2, city 4, county 6, township 9, village 12. */
export const REGION_CODE_LENGTHS = [2, 4, 6, 9, 12] as const;
export type RegionLevel = 1 | 2 | 3 | 4 | 5;

export const RegionCode = z
  .string()
  .regex(/^\d+$/, '区划代码只能是数字')
  .refine((s) => (REGION_CODE_LENGTHS as readonly number[]).includes(s.length), '区划代码应为 2、4、6、9 或 12 位');

export function regionLevel(code: string): RegionLevel {
  const index = (REGION_CODE_LENGTHS as readonly number[]).indexOf(code.length);
  if (index < 0) throw new Error(`not a region code: ${code}`);
  return (index + 1) as RegionLevel;
}

export const Region = z.object({
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
  level: z.number().int().min(1).max(5),
  hasChildren: z.boolean(),
});
export type Region = z.infer<typeof Region>;

/** A search hit with its full path, so the picker can show 吉林省 / 长春市 / 九台区 and select it. */
export const RegionHit = z.object({
  code: z.string(),
  name: z.string(),
  level: z.number().int().min(1).max(5),
  path: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type RegionHit = z.infer<typeof RegionHit>;
