import { Alert, App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { LoginInput, SessionState } from '../../shared/domain/account';
import type { ContractError, Result } from '../../shared/contract/result';
import { errorLine } from '../api/errorText';
import { useT } from '../i18n/I18nProvider';

type Fields = { username: string; password: string };

/**
 * 登录: account and password, Enter submits. After an offline login (the seat could not reach the
 * server and checked the verifier it kept) the operator is told so, because sync waits until the
 * server is back and may still refuse a revoked account then.
 */
export function LoginDialog({
  open,
  onClose,
  login,
}: {
  open: boolean;
  onClose: () => void;
  login: (input: LoginInput) => Promise<Result<SessionState>>;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (fields: Fields) => {
    setBusy(true);
    setError(null);
    const result = await login(fields);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      form.setFieldValue('password', '');
      return;
    }
    form.resetFields();
    const user = result.value.user;
    if (user) void message.success(t('login.welcome', { name: user.displayName, role: t(`role.${user.role}`) }));
    if (result.value.offline) void message.warning(t('login.offline'));
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t('login.title')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) setError(null);
      }}
    >
      <Form form={form} layout="vertical" onFinish={(fields) => void submit(fields)} data-testid="login-form">
        <Typography.Paragraph type="secondary">{t('login.hint')}</Typography.Paragraph>
        {error && (
          <Alert
            type="error"
            showIcon
            className="login-error"
            data-testid="login-error"
            title={t('login.failed')}
            description={errorLine(t, error)}
          />
        )}
        <Form.Item
          name="username"
          label={t('login.username')}
          rules={[{ required: true, whitespace: true, message: t('login.required.username') }]}
        >
          <Input autoFocus autoComplete="username" data-testid="login-username" maxLength={40} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('login.password')}
          rules={[{ required: true, message: t('login.required.password') }]}
        >
          <Input.Password autoComplete="current-password" data-testid="login-password" maxLength={200} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block data-testid="login-submit">
          {t('login.submit')}
        </Button>
      </Form>
    </Modal>
  );
}
