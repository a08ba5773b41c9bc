import type { MethodName } from '../../../shared/contract/channels';
import type { Out, ParsedIn } from '../../../shared/contract/contract';

/** One function per contract method; inputs arrive already validated by `dispatch`. */
export type Handlers = { [M in MethodName]: (input: ParsedIn<M>) => Out<M> | Promise<Out<M>> };
