import { type Scope, type User } from '../../shared/sync/auth';
import { type Actor } from '../../shared/sync/reducer';
import { type Device } from '../store/devicesRepo';

/**
 * What a seat may see and change: everything for users whose scope is 'all', otherwise the cases of
 * the seat the device was registered for.
 */
export function deviceScope(device: Device, user: User): Scope {
  return user.scope.kind === 'all' ? user.scope : { kind: 'seats', seatCodes: [device.seatCode] };
}

export function deviceActor(device: Device, user: User): Actor {
  return { userId: user.id, role: user.role, scope: deviceScope(device, user) };
}
