import { ConfigProvider } from 'antd';
import zhCNAntd from 'antd/locale/zh_CN';
import type { Client } from '../api/client';
import { HotlineProvider } from '../api/HotlineContext';
import { SettingsProvider } from '../settings/SettingsContext';
import { AppFrame } from './AppFrame';

/** The whole console for one client; tests mount it with a fake client. */
export function Root({ client }: { client: Client }) {
  return (
    <HotlineProvider client={client}>
      <ConfigProvider locale={zhCNAntd}>
        <SettingsProvider>
          <AppFrame />
        </SettingsProvider>
      </ConfigProvider>
    </HotlineProvider>
  );
}
