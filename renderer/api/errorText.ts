import type { ContractError } from '../../shared/contract/result';
import type { Translate } from '../i18n/I18nProvider';

/** A title saying what went wrong (in the UI's language) and the seat's own detail, which names the field or file. */
export function describeError(t: Translate, error: ContractError): { title: string; detail: string } {
  return { title: t(`error.code.${error.code}`), detail: error.message };
}

export function errorLine(t: Translate, error: ContractError): string {
  const { title, detail } = describeError(t, error);
  return detail && detail !== title ? `${title}${t('common.colon')}${detail}` : title;
}
