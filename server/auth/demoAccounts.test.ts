import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from './demoAccounts';

const reference = (file: string) =>
  JSON.parse(fs.readFileSync(new URL(`../../data/reference/${file}`, import.meta.url), 'utf8')) as { id: string }[];

describe('demo accounts', () => {
  it('make the demo expert and liaison people a seat can hand a case to', () => {
    const experts = new Set(reference('experts.json').map((e) => e.id));
    const departments = new Set(reference('departments.json').map((d) => d.id));
    for (const { username, scope } of DEMO_ACCOUNTS) {
      if (scope.kind === 'expert') expect(experts, username).toContain(scope.expertId);
      if (scope.kind === 'department') expect(departments, username).toContain(scope.departmentId);
    }
    expect(DEMO_ACCOUNTS.map((a) => a.scope.kind)).toEqual(expect.arrayContaining(['expert', 'department']));
  });
});
