/** The hotline's categories: one list shared by intake and the knowledge base (data/kb uses the first eleven). */
export const CATEGORIES = [
  '种植业-粮食作物',
  '种植业-经济作物与园艺',
  '植物保护-病虫害',
  '畜牧兽医',
  '水产渔业',
  '农机',
  '农资质量与维权',
  '惠农政策',
  '土地与法律',
  '市场与价格',
  '气象与灾害',
  '农产品质量安全',
  '其他',
] as const;
export type Category = (typeof CATEGORIES)[number];

export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}
