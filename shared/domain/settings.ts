import { z } from 'zod';
import { SEAT_CODE } from './caseNumber';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

// Plain http only to this machine (development); the hotline server is reached over https.
// A regex, not `URL`: shared/ is runtime-free and has no URL global.
const SERVER_URL = /^(https:\/\/[a-z0-9.-]+|http:\/\/(localhost|127\.0\.0\.1|\[::1\]))(:\d{1,5})?(\/[^\s]*)?$/i;

const serverUrl = z
  .string()
  .trim()
  .max(200)
  .refine((v) => v === '' || SERVER_URL.test(v), '服务器地址应以 https:// 开头（本机调试可用 http://localhost）');

export const UiPreferences = z.strictObject({
  locale: z.enum(LOCALES),
  fontSize: z.enum(['standard', 'large']),
  /** Ask before leaving the intake screen with an unsaved form. */
  confirmLeave: z.boolean(),
});
export type UiPreferences = z.infer<typeof UiPreferences>;

export const Settings = z.strictObject({
  seatCode: z.string().regex(SEAT_CODE, '坐席编号为 2–8 位大写字母或数字，以字母开头，例如 S01'),
  operatorName: z.string().trim().min(1, '请填写话务员姓名').max(20, '话务员姓名不能超过 20 个字'),
  serverUrl,
  ui: UiPreferences,
});
export type Settings = z.infer<typeof Settings>;

export const SettingsPatch = z.strictObject({
  seatCode: Settings.shape.seatCode.optional(),
  operatorName: Settings.shape.operatorName.optional(),
  serverUrl: serverUrl.optional(),
  ui: UiPreferences.partial().optional(),
});
export type SettingsPatch = z.input<typeof SettingsPatch>;

export const DEFAULT_SETTINGS: Settings = {
  seatCode: 'S01',
  operatorName: '话务员',
  serverUrl: '',
  ui: { locale: 'zh-CN', fontSize: 'standard', confirmLeave: true },
};
