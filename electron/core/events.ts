import { EventEmitter } from 'node:events';
import type { EventName } from '../../shared/contract/channels';
import { events as eventSchemas, type EventPayload } from '../../shared/contract/contract';

/** Seat → renderer notifications; each binding forwards them to its windows or sockets. */
export type SeatEvents = {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
};

export function createSeatEvents(): SeatEvents {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(50);
  return {
    on(event, listener) {
      emitter.on(event, listener);
      return () => emitter.off(event, listener);
    },
    emit(event, payload) {
      // Outgoing payloads are checked too, so a core bug cannot push malformed data to the UI.
      emitter.emit(event, eventSchemas[event].parse(payload));
    },
  };
}
