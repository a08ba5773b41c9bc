import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Row,
  Segmented,
  Select,
  Skeleton,
  Switch,
  Typography,
} from 'antd';
import { useState } from 'react';
import { SettingsPatch, type Settings } from '../../shared/domain/settings';
import { errorLine } from '../api/errorText';
import { useQuery } from '../api/useQuery';
import { useReportError } from '../app/ErrorBanner';
import { useT } from '../i18n/I18nProvider';
import { useSettings } from './SettingsContext';

type FieldErrors = Partial<Record<'seatCode' | 'operatorName' | 'serverUrl', string>>;

/** 设置: who sits at this seat, where it will sync, how the UI looks, and where its files are. */
export function SettingsPage() {
  const t = useT();
  const { message } = App.useApp();
  const reportError = useReportError();
  const { settings, update } = useSettings();
  const [draft, setDraft] = useState<Settings>(settings);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const info = useQuery('app:info', (api) => api.app.info());

  const change = (patch: Partial<Settings>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const key of Object.keys(patch)) delete next[key as keyof FieldErrors];
      return next;
    });
  };

  const save = async () => {
    const parsed = SettingsPatch.safeParse(draft);
    if (!parsed.success) {
      const found: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path[0];
        if (key === 'seatCode' || key === 'operatorName' || key === 'serverUrl') found[key] ??= issue.message;
      }
      return setErrors(found);
    }
    setSaving(true);
    const result = await update(parsed.data);
    setSaving(false);
    if (!result.ok) return reportError(result.error);
    setDraft(result.value);
    message.success(t('settings.saved'));
  };

  const field = (key: keyof FieldErrors) =>
    errors[key] ? { validateStatus: 'error' as const, help: errors[key] } : {};

  return (
    <Row gutter={16}>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('settings.title')}>
          <Form layout="vertical" component="div" data-testid="settings-form">
            <Form.Item label={t('settings.seatCode')} extra={t('settings.seatCodeHint')} {...field('seatCode')}>
              <Input
                data-testid="settings-seat-code"
                value={draft.seatCode}
                onChange={(e) => change({ seatCode: e.target.value.toUpperCase() })}
              />
            </Form.Item>
            <Form.Item label={t('settings.operatorName')} {...field('operatorName')}>
              <Input
                data-testid="settings-operator"
                value={draft.operatorName}
                onChange={(e) => change({ operatorName: e.target.value })}
              />
            </Form.Item>
            <Form.Item label={t('settings.serverUrl')} extra={t('settings.serverUrlHint')} {...field('serverUrl')}>
              <Input
                data-testid="settings-server-url"
                value={draft.serverUrl}
                placeholder="https://"
                onChange={(e) => change({ serverUrl: e.target.value })}
              />
            </Form.Item>
            <Typography.Title level={5}>{t('settings.ui')}</Typography.Title>
            <Form.Item label={t('settings.locale')}>
              <Select
                value={draft.ui.locale}
                style={{ width: 200 }}
                options={[
                  { value: 'zh-CN', label: '简体中文' },
                  { value: 'en', label: 'English' },
                ]}
                onChange={(locale) => change({ ui: { ...draft.ui, locale } })}
              />
            </Form.Item>
            <Form.Item label={t('settings.fontSize')}>
              <Segmented<Settings['ui']['fontSize']>
                value={draft.ui.fontSize}
                options={[
                  { value: 'standard', label: t('settings.fontSize.standard') },
                  { value: 'large', label: t('settings.fontSize.large') },
                ]}
                onChange={(fontSize) => change({ ui: { ...draft.ui, fontSize } })}
              />
            </Form.Item>
            <Form.Item label={t('settings.confirmLeave')} extra={t('settings.confirmLeaveHint')}>
              <Switch
                checked={draft.ui.confirmLeave}
                onChange={(confirmLeave) => change({ ui: { ...draft.ui, confirmLeave } })}
              />
            </Form.Item>
            <Button data-testid="settings-save" type="primary" loading={saving} onClick={() => void save()}>
              {t('settings.save')}
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('settings.about')}>
          {info.error && <Typography.Text type="danger">{errorLine(t, info.error)}</Typography.Text>}
          {!info.data && !info.error && <Skeleton active />}
          {info.data && (
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('settings.version')}>{info.data.version}</Descriptions.Item>
              <Descriptions.Item label={t('settings.mode')}>
                {t(info.data.mode === 'electron' ? 'settings.mode.electron' : 'settings.mode.browser')}
              </Descriptions.Item>
              <Descriptions.Item label={t('settings.dataDir')}>
                <Typography.Text copyable>{info.data.dataDir}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('settings.dbPath')}>
                <Typography.Text copyable>{info.data.dbPath}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('settings.logFile')}>
                <Typography.Text copyable>{info.data.logFile}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('settings.settingsFile')}>
                <Typography.Text copyable>{info.data.settingsFile}</Typography.Text>
              </Descriptions.Item>
            </Descriptions>
          )}
        </Card>
      </Col>
    </Row>
  );
}
