import type { z } from 'zod';
import type { ParsedIn } from '../../../shared/contract/contract';
import { DEFAULT_SETTINGS, Settings, SettingsPatch, UiPreferences } from '../../../shared/domain/settings';
import { AppError } from '../../../shared/errors';
import type { Logger } from '../log/logger';
import { describeIssues } from '../rpc/dispatch';
import type { SettingsBackend } from '../seat';

export type SettingsService = {
  get(): Settings;
  update(patch: ParsedIn<'settings:update'>): Settings;
  /** The settings file, shown on the settings page. */
  path: string;
};

type Warn = (field: string, reason: string) => void;

/**
 * The seat's settings on an electron-store or `conf` backend (the same settings.json). A field
 * that is missing takes its default; one damaged by hand takes its default with a logged warning,
 * and the other fields are kept. Keys this service does not own are left in the file untouched.
 */
export function createSettingsService(backend: SettingsBackend, log: Logger): SettingsService {
  const warned = new Set<string>();
  const warn: Warn = (field, reason) => {
    // Once per field: get() runs on every call that needs the operator's name.
    if (warned.has(field)) return;
    warned.add(field);
    log.warn({ field, file: backend.path, reason }, 'stored setting is invalid; using its default');
  };

  const readRaw = (): Record<string, unknown> => {
    try {
      return backend.store;
    } catch (err) {
      // An unreadable file (e.g. broken JSON) must not stop intake: every field falls back to its default.
      warn('*', err instanceof Error ? err.message : String(err));
      return {};
    }
  };

  return {
    path: backend.path,
    get: () => recover(readRaw(), warn),
    update(patch) {
      const parsed = SettingsPatch.safeParse(patch);
      if (!parsed.success) throw new AppError('INVALID_INPUT', describeIssues(parsed.error));
      const { ui, ...top } = parsed.data;
      const raw = readRaw();
      const current = recover(raw, warn);
      const next = Settings.parse({
        seatCode: top.seatCode ?? current.seatCode,
        operatorName: top.operatorName ?? current.operatorName,
        serverUrl: top.serverUrl ?? current.serverUrl,
        ui: {
          locale: ui?.locale ?? current.ui.locale,
          fontSize: ui?.fontSize ?? current.ui.fontSize,
          confirmLeave: ui?.confirmLeave ?? current.ui.confirmLeave,
        },
      });
      backend.store = { ...raw, ...next };
      return next;
    },
  };
}

/** Each field from the stored object if valid, else its default. */
function recover(raw: Record<string, unknown>, warn: Warn): Settings {
  const rawUi = raw.ui;
  const uiSource = isRecord(rawUi) ? rawUi : {};
  if (rawUi !== undefined && !isRecord(rawUi)) warn('ui', 'not an object');
  return {
    seatCode: field(raw, 'seatCode', Settings.shape.seatCode, DEFAULT_SETTINGS.seatCode, warn),
    operatorName: field(raw, 'operatorName', Settings.shape.operatorName, DEFAULT_SETTINGS.operatorName, warn),
    serverUrl: field(raw, 'serverUrl', Settings.shape.serverUrl, DEFAULT_SETTINGS.serverUrl, warn),
    ui: {
      locale: field(uiSource, 'locale', UiPreferences.shape.locale, DEFAULT_SETTINGS.ui.locale, warn, 'ui.'),
      fontSize: field(uiSource, 'fontSize', UiPreferences.shape.fontSize, DEFAULT_SETTINGS.ui.fontSize, warn, 'ui.'),
      confirmLeave: field(
        uiSource,
        'confirmLeave',
        UiPreferences.shape.confirmLeave,
        DEFAULT_SETTINGS.ui.confirmLeave,
        warn,
        'ui.',
      ),
    },
  };
}

function field<T>(
  source: Record<string, unknown>,
  key: string,
  schema: z.ZodType<T>,
  fallback: T,
  warn: Warn,
  prefix = '',
): T {
  if (source[key] === undefined) return fallback;
  const parsed = schema.safeParse(source[key]);
  if (parsed.success) return parsed.data;
  warn(prefix + key, describeIssues(parsed.error));
  return fallback;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
