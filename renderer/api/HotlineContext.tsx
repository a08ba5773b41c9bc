import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { HotlineApi } from '../../shared/contract/api';
import type { Client } from './client';
import type { ConnectionState } from './connection';

const HotlineContext = createContext<Client | null>(null);

export function HotlineProvider({ client, children }: { client: Client; children: ReactNode }) {
  return <HotlineContext.Provider value={client}>{children}</HotlineContext.Provider>;
}

function useClient(): Client {
  const client = useContext(HotlineContext);
  if (!client) throw new Error('HotlineProvider is missing above this component');
  return client;
}

export function useHotline(): HotlineApi {
  return useClient().api;
}

export function useConnectionState(): ConnectionState {
  const { connection } = useClient();
  return useSyncExternalStore(connection.onState, connection.state);
}
