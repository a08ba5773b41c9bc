import { z } from 'zod';
import { CATEGORIES } from '../../shared/domain/categories';
import { CHANNELS, PRIORITIES } from '../../shared/domain/inquiry';
import { STATUSES } from '../../shared/domain/status';
import { FIELD_LABELS } from '../cases/CaseTimeline';
import type { Translate } from '../i18n/I18nProvider';

/** Fields whose conflicts are free text: shown as a difference and offered for 合并. */
export const TEXT_FIELDS = ['question', 'answer'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export function isTextField(field: string): field is TextField {
  return (TEXT_FIELDS as readonly string[]).includes(field);
}

export function fieldLabel(t: Translate, field: string): string {
  const key = FIELD_LABELS[field];
  return key ? t(key) : field;
}

/** A field's value as the operator knows it: status and list values by name, nothing as "（空）". */
export function valueText(t: Translate, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('inbox.empty.value');
  return namedValue(t, field, value) ?? (typeof value === 'string' ? value : JSON.stringify(value));
}

function namedValue(t: Translate, field: string, value: unknown): string | null {
  switch (field) {
    case 'status': {
      const r = z.enum(STATUSES).safeParse(value);
      return r.success ? t(`status.${r.data}`) : null;
    }
    case 'category': {
      const r = z.enum(CATEGORIES).safeParse(value);
      return r.success ? t(`category.${r.data}`) : null;
    }
    case 'channel': {
      const r = z.enum(CHANNELS).safeParse(value);
      return r.success ? t(`channel.${r.data}`) : null;
    }
    case 'priority': {
      const r = z.enum(PRIORITIES).safeParse(value);
      return r.success ? t(`priority.${r.data}`) : null;
    }
    default:
      return null;
  }
}
