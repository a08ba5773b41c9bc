/** Whether the UI can reach the seat right now (browser mode can lose its socket; Electron cannot). */
export type ConnectionState = 'connecting' | 'online' | 'offline' | 'no-token';

export type Connection = {
  state(): ConnectionState;
  onState(listener: (state: ConnectionState) => void): () => void;
};

export const ALWAYS_ONLINE: Connection = {
  state: () => 'online',
  onState: () => () => undefined,
};

export const NO_TOKEN: Connection = {
  state: () => 'no-token',
  onState: () => () => undefined,
};
