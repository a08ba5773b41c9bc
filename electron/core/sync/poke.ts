import type { Logger } from '../log/logger';
import { backoff } from './backoff';
import type { FetchFn } from './httpClient';

export type PokeListenerOptions = {
  serverUrl: () => string | null;
  deviceToken: () => string | null;
  /** A change in this seat's scope was committed at the server: pull now. Also called after a reconnect. */
  onPoke: () => void;
  log: Logger;
  fetch?: FetchFn;
  /** Reconnect delays (default 1 s doubling to 60 s, with jitter). */
  retry?: { baseMs: number; capMs: number };
  /** Silence after which the connection counts as dead (default 50 s: the server beats every 20 s). */
  silenceMs?: number;
  /** How often to look again while no server or device token is configured (default 10 s). */
  idleMs?: number;
};

export type PokeListener = { start(): void; stop(): Promise<void> };

/**
 * Holds GET /sync/events open (Server-Sent Events) and calls `onPoke` for every `event: poke`, so a
 * change at another seat shows here within a second when both are online (issue 3 §4). Reconnects
 * with capped back-off; a stream that goes silent (half-open link at a rural point) is dropped and
 * reopened. Never throws: without pokes the engine's timer still pulls.
 */
export function createPokeListener(options: PokeListenerOptions): PokeListener {
  const fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  const silenceMs = options.silenceMs ?? 50_000;
  const idleMs = options.idleMs ?? 10_000;
  const retry = backoff({
    baseMs: options.retry?.baseMs ?? 1000,
    capMs: options.retry?.capMs ?? 60_000,
    random: Math.random,
  });
  const log = options.log;
  let running = false;
  let loop: Promise<void> = Promise.resolve();
  let controller: AbortController | null = null;
  let wake: (() => void) | null = null;

  const poke = () => {
    try {
      options.onPoke();
    } catch (err) {
      log.error({ err }, 'poke handler failed');
    }
  };

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  /** One connection, until it ends; true when the server accepted it (even if it dropped later). */
  async function listenOnce(url: string, token: string, opened: () => void): Promise<boolean> {
    const abort = new AbortController();
    controller = abort;
    let silence: NodeJS.Timeout | null = null;
    let accepted = false;
    const heard = () => {
      if (silence) clearTimeout(silence);
      silence = setTimeout(() => abort.abort(), silenceMs);
      silence.unref();
    };
    try {
      heard();
      const response = await fetchFn(`${url.replace(/\/+$/, '')}/sync/events`, {
        method: 'GET',
        headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
        signal: abort.signal,
      });
      if (response.status !== 200 || !response.body) {
        log.warn({ status: response.status }, 'poke stream refused');
        await response.body?.cancel();
        return false;
      }
      accepted = true;
      retry.reset();
      opened();
      const parser = sseParser((event) => {
        if (event === 'poke') poke();
      });
      const decoder = new TextDecoder();
      for await (const chunk of response.body) {
        heard();
        parser.push(decoder.decode(chunk, { stream: true }));
      }
    } catch (err) {
      // Refused connections and dropped streams are the normal life of a rural link: retried below.
      if (running) log.debug({ err: err instanceof Error ? err.message : String(err) }, 'poke stream dropped');
    } finally {
      if (silence) clearTimeout(silence);
      controller = null;
    }
    return accepted;
  }

  async function run(): Promise<void> {
    let connectedBefore = false;
    while (running) {
      const url = options.serverUrl();
      const token = options.deviceToken();
      if (!url || !token) {
        await pause(idleMs);
        continue;
      }
      const accepted = await listenOnce(url, token, () => {
        // Changes committed while the stream was down announced nothing here.
        if (connectedBefore) poke();
      });
      if (!running) return;
      connectedBefore ||= accepted;
      await pause(retry.fail());
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      loop = run().catch((err: unknown) => log.error({ err }, 'poke listener stopped unexpectedly'));
    },
    async stop() {
      running = false;
      controller?.abort();
      wake?.();
      await loop;
    },
  };
}

/** Server-Sent Events framing (WHATWG HTML §9.2): `event:` lines name the event a blank line dispatches; `:` lines are comments. */
export function sseParser(onEvent: (event: string, data: string) => void) {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  return {
    push(text: string): void {
      buffer += text;
      // A lone \r at the end may be half of a \r\n split across chunks: wait for the next chunk.
      const lines = buffer.split(/\r\n|\n|\r(?!$)/);
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === '') {
          if (event !== '' || data.length > 0) onEvent(event || 'message', data.join('\n'));
          event = '';
          data = [];
        } else if (!line.startsWith(':')) {
          const colon = line.indexOf(':');
          const field = colon === -1 ? line : line.slice(0, colon);
          const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'event') event = value;
          else if (field === 'data') data.push(value);
        }
      }
    },
  };
}
