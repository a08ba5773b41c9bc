import { z } from 'zod';
import { SEAT_CODE } from '../domain/caseNumber';

export const ROLES = ['operator', 'expert', 'supervisor', 'department_liaison', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Which cases a user may see and change; computed by the server, never taken from the client. */
export const Scope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('seats'), seatCodes: z.array(z.string()) }),
  z.object({ kind: z.literal('expert'), expertId: z.string() }),
  z.object({ kind: z.literal('department'), departmentId: z.string() }),
]);
export type Scope = z.infer<typeof Scope>;

export const User = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  scope: Scope,
  disabled: z.boolean(),
});
export type User = z.infer<typeof User>;

export const LoginRequest = z.strictObject({
  username: z.string().trim().min(1).max(40),
  password: z.string().min(1).max(200),
});
export const LoginResponse = z.object({ token: z.string(), expiresAt: z.string(), user: User });
export type LoginResponse = z.infer<typeof LoginResponse>;

/** A seat registers its client_id once; pushes for that client_id are accepted only from it. */
export const RegisterDeviceRequest = z.strictObject({
  clientId: z.string().uuid(),
  installNonce: z.string().min(8).max(64),
  seatCode: z.string().regex(SEAT_CODE),
});
export const RegisterDeviceResponse = z.object({ deviceToken: z.string(), epoch: z.string() });
