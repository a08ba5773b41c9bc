import { z } from 'zod';
import { User } from '../sync/auth';

/**
 * Who is working at this seat. `offline` is true when the login was checked against the verifier
 * kept from an earlier online login (the seat could not reach the server).
 */
export const SessionState = z.object({
  user: User.nullable(),
  offline: z.boolean(),
  /** When the session ends and the operator must log in again (ISO time), null when logged out. */
  expiresAt: z.string().nullable(),
});
export type SessionState = z.infer<typeof SessionState>;

export const LoginInput = z.strictObject({
  username: z.string().trim().min(1, '请输入账号').max(40),
  password: z.string().min(1, '请输入密码').max(200),
});
export type LoginInput = z.input<typeof LoginInput>;
