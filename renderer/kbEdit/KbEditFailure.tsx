import { Alert, Button, Space } from 'antd';
import type { ContractError } from '../../shared/contract/result';
import { useSession } from '../account/SessionContext';
import { errorLine } from '../api/errorText';
import { useT } from '../i18n/I18nProvider';

/** True for the failures that only mean "no server or no online login", not a refusal. */
export const needsServer = (error: ContractError) => error.code === 'OFFLINE' || error.code === 'UNAUTHORIZED';

/**
 * A failed 知识维护 call: without the server or an online login, a plain note with retry (and login);
 * anything else with the seat's or the server's own reason.
 */
export function KbEditFailure({ error, title, onRetry }: { error: ContractError; title: string; onRetry: () => void }) {
  const t = useT();
  const { openLogin } = useSession();
  if (needsServer(error)) {
    return (
      <Alert
        data-testid="kbedit-server-needed"
        type="info"
        showIcon
        title={t('kbEdit.server.title')}
        description={error.message}
        action={
          <Space orientation="vertical">
            <Button size="small" onClick={onRetry}>
              {t('common.retry')}
            </Button>
            {error.code === 'UNAUTHORIZED' && (
              <Button size="small" type="primary" onClick={openLogin}>
                {t('kbEdit.server.login')}
              </Button>
            )}
          </Space>
        }
      />
    );
  }
  return (
    <Alert
      data-testid="kbedit-failure"
      type="error"
      showIcon
      title={title}
      description={errorLine(t, error)}
      action={
        <Button size="small" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}
