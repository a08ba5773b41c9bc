import type { EventName, MethodName } from './channels';
import type { EventPayload, In, Out } from './contract';
import type { Result } from './result';

type AreaOf<N extends string> = N extends `${infer A}:${string}` ? A : never;
type VerbOf<N extends string, A extends string> = N extends `${A}:${infer V}` ? V : never;

type MethodFn<M extends MethodName> =
  undefined extends In<M> ? (input?: In<M>) => Promise<Result<Out<M>>> : (input: In<M>) => Promise<Result<Out<M>>>;

type EventFn<E extends EventName> = (listener: (payload: EventPayload<E>) => void) => () => void;

/**
 * `window.hotline`: one named method per contract entry (`hotline.inquiry.create(input)`),
 * and `hotline.on['sync:statusChanged'](listener)` returning an unsubscribe function.
 */
export type HotlineApi = {
  [A in AreaOf<MethodName>]: { [V in VerbOf<MethodName, A>]: MethodFn<`${A}:${V}` & MethodName> };
} & {
  on: { [E in EventName]: EventFn<E> };
};
