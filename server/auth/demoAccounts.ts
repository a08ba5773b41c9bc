import { randomBytes } from 'node:crypto';
import { type Role, type Scope } from '../../shared/sync/auth';
import { type UsersRepo } from '../store/usersRepo';
import { hashPassword } from './password';

/**
 * One account per role; the expert and the liaison are people of the shipped roster
 * (data/reference/experts.json, departments.json), so cases a seat hands to them are theirs.
 */
export const DEMO_ACCOUNTS: readonly { username: string; displayName: string; role: Role; scope: Scope }[] = [
  { username: 'op-s01', displayName: '坐席一号', role: 'operator', scope: { kind: 'seats', seatCodes: ['S01'] } },
  { username: 'op-s02', displayName: '坐席二号', role: 'operator', scope: { kind: 'seats', seatCodes: ['S02'] } },
  { username: 'expert', displayName: '王晓东', role: 'expert', scope: { kind: 'expert', expertId: 'demo-e001' } },
  { username: 'supervisor', displayName: '值班班长', role: 'supervisor', scope: { kind: 'all' } },
  {
    username: 'liaison',
    displayName: '种植业处联络员',
    role: 'department_liaison',
    scope: { kind: 'department', departmentId: 'nyt-zzy' },
  },
  { username: 'admin', displayName: '系统管理员', role: 'admin', scope: { kind: 'all' } },
];

export interface DemoAccount {
  username: string;
  role: Role;
  password: string;
}

/**
 * On an empty user table, creates one account per role with a random password and returns the
 * passwords; they are shown once and never stored in clear, so a demo server is not an open door.
 */
export async function seedDemoAccounts(users: UsersRepo): Promise<DemoAccount[]> {
  if ((await users.count()) > 0) return [];
  const created: DemoAccount[] = [];
  for (const demo of DEMO_ACCOUNTS) {
    const password = randomBytes(9).toString('base64url');
    await users.create({ ...demo, passwordHash: await hashPassword(password) });
    created.push({ username: demo.username, role: demo.role, password });
  }
  return created;
}
