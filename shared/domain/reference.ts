import { z } from 'zod';

export const Department = z.object({
  id: z.string(),
  name: z.string(),
  /** What the department answers for, so an operator can pick the right one (分类转办). */
  duties: z.string(),
});
export type Department = z.infer<typeof Department>;

export const EXPERT_LEVELS = ['provincial', 'city', 'county'] as const;
export const Expert = z.object({
  id: z.string(),
  name: z.string(),
  specialty: z.string(),
  level: z.enum(EXPERT_LEVELS),
  organization: z.string(),
  phone: z.string(),
});
export type Expert = z.infer<typeof Expert>;

export const ReferenceLists = z.object({
  departments: z.array(Department),
  experts: z.array(Expert),
  subjects: z.array(z.string()),
});
export type ReferenceLists = z.infer<typeof ReferenceLists>;
