import { type Mutation } from '../../shared/sync/protocol';
import { type Scope, type User } from '../../shared/sync/auth';
import { type Actor } from '../../shared/sync/reducer';
import { type Device } from '../store/devicesRepo';

/**
 * What a seat may see and change: everything for users whose scope is 'all'; an expert's or a
 * department liaison's desk sees the cases handed to that expert or department; otherwise the cases
 * of the seat the device was registered for.
 */
export function deviceScope(device: Device, user: User): Scope {
  return user.scope.kind === 'seats' ? { kind: 'seats', seatCodes: [device.seatCode] } : user.scope;
}

export function deviceActor(device: Device, user: User): Actor {
  return { userId: user.id, role: user.role, scope: deviceScope(device, user) };
}

/** Who a mutation runs as, or why it is refused: the operator it names must still be an active account. */
export type MutationActor = { ok: true; actor: Actor } | { ok: false; message: string };

export const OPERATOR_UNKNOWN =
  '提交这条修改的操作员账号在服务器上不存在，修改未被接受；请由当前操作员核实后重新录入。';
export const OPERATOR_DISABLED = (name: string) =>
  `操作员「${name}」的账号已被停用，这条在离线时做的修改未被接受；请由其他操作员核实后重新录入。`;

/**
 * Re-authorises every operator named in a push at the time it is applied (issue 3 §2): a change made
 * offline by an account disabled since then is refused, not applied under the device's registration.
 * Mutations without an operator run as the user who registered the device.
 */
export async function mutationActors(
  lookup: (userId: string) => Promise<User | undefined>,
  device: Device,
  registeredBy: User,
  mutations: readonly Mutation[],
): Promise<(m: Mutation) => MutationActor> {
  const byOperator = new Map<string, MutationActor>();
  for (const id of new Set(mutations.map((m) => m.operatorId).filter((id): id is string => id !== null))) {
    const user = await lookup(id);
    byOperator.set(
      id,
      !user
        ? { ok: false, message: OPERATOR_UNKNOWN }
        : user.disabled
          ? { ok: false, message: OPERATOR_DISABLED(user.displayName) }
          : { ok: true, actor: deviceActor(device, user) },
    );
  }
  const fallback: MutationActor = { ok: true, actor: deviceActor(device, registeredBy) };
  return (m) => (m.operatorId === null ? fallback : (byOperator.get(m.operatorId) ?? fallback));
}
