import { describe, expect, it } from 'vitest';
import {
  allowedNext,
  checkTransition,
  INITIAL_STATUSES,
  isOpen,
  STATUSES,
  STATUS_LABELS_ZH,
  TRANSITION_REFUSAL_MESSAGES,
  type Status,
  type TransitionContext,
} from './status';

/** Every fact a transition can ask for, so this table shows only what the lifecycle allows. */
const FULL: TransitionContext = { answer: '已答复', expertId: 'E001', departmentId: 'D01', note: '原因' };

type Verdict = 'ok' | 'same' | 'no' | 'terminal';
const o: Verdict = 'ok';
const s: Verdict = 'same';
const n: Verdict = 'no';
const t: Verdict = 'terminal';

/** Rows: from. Columns in STATUSES order: intake, answered, to_expert, to_department, returned, awaiting_callback, closed, archived. */
const EXPECTED: Record<Status, Verdict[]> = {
  intake: /*            */ [s, o, o, o, n, n, o, n],
  answered: /*          */ [n, s, o, o, n, o, o, n],
  to_expert: /*         */ [n, o, s, o, o, n, n, n],
  to_department: /*     */ [n, o, o, s, o, n, n, n],
  returned: /*          */ [n, o, o, o, s, n, o, n],
  awaiting_callback: /* */ [n, o, o, o, n, s, o, n],
  closed: /*            */ [o, n, n, n, n, n, s, o],
  archived: /*          */ [t, t, t, t, t, t, t, s],
};

function verdict(from: Status, to: Status, ctx: TransitionContext): Verdict | string {
  const r = checkTransition(from, to, ctx);
  if (r.ok) return 'ok';
  if (r.reason === 'same_status') return 'same';
  if (r.reason === 'not_allowed') return 'no';
  if (r.reason === 'terminal') return 'terminal';
  return r.reason;
}

describe('the status machine, every pair', () => {
  const pairs = STATUSES.flatMap((from) => STATUSES.map((to, i) => [from, to, EXPECTED[from][i]!] as const));

  it('has an expected verdict for all 64 pairs', () => {
    expect(pairs).toHaveLength(STATUSES.length * STATUSES.length);
    for (const from of STATUSES) expect(EXPECTED[from]).toHaveLength(STATUSES.length);
  });

  it.each(pairs)('%s → %s is %s', (from, to, expected) => {
    expect(verdict(from, to, FULL)).toBe(expected);
  });

  it('lists as allowed exactly the pairs the table marks ok', () => {
    for (const from of STATUSES) {
      expect([...allowedNext(from)].sort()).toEqual(STATUSES.filter((_, i) => EXPECTED[from][i] === 'ok').sort());
    }
  });
});

describe('what each transition needs', () => {
  const without = (key: keyof TransitionContext): TransitionContext => ({ ...FULL, [key]: null });
  const blank = (key: keyof TransitionContext): TransitionContext => ({ ...FULL, [key]: '   ' });

  it.each(STATUSES.filter((f) => allowedNext(f).includes('answered')))('%s → answered needs an answer', (from) => {
    expect(verdict(from, 'answered', without('answer'))).toBe('needs_answer');
    expect(verdict(from, 'answered', blank('answer'))).toBe('needs_answer');
    expect(verdict(from, 'answered', { answer: '喷施多菌灵' })).toBe('ok');
  });

  it.each(STATUSES.filter((f) => allowedNext(f).includes('to_expert')))('%s → to_expert needs an expert', (from) => {
    expect(verdict(from, 'to_expert', without('expertId'))).toBe('needs_expert');
    expect(verdict(from, 'to_expert', { expertId: 'E001' })).toBe('ok');
  });

  it.each(STATUSES.filter((f) => allowedNext(f).includes('to_department')))(
    '%s → to_department needs a department',
    (from) => {
      expect(verdict(from, 'to_department', without('departmentId'))).toBe('needs_department');
      expect(verdict(from, 'to_department', { departmentId: 'D01' })).toBe('ok');
    },
  );

  it.each(STATUSES.filter((f) => allowedNext(f).includes('returned')))(
    '%s → returned needs a note saying why',
    (from) => {
      expect(verdict(from, 'returned', without('note'))).toBe('needs_note');
      expect(verdict(from, 'returned', { note: '不属于本部门职责' })).toBe('ok');
    },
  );

  it.each(['intake', 'returned'] as const)(
    'closing from %s without an answer needs a note; an answer or a note is enough',
    (from) => {
      expect(verdict(from, 'closed', {})).toBe('needs_note');
      expect(verdict(from, 'closed', { answer: '  ', note: ' ' })).toBe('needs_note');
      expect(verdict(from, 'closed', { answer: '已答复' })).toBe('ok');
      expect(verdict(from, 'closed', { note: '打错电话' })).toBe('ok');
    },
  );

  it.each(['answered', 'awaiting_callback'] as const)('closing from %s needs nothing more', (from) => {
    expect(verdict(from, 'closed', {})).toBe('ok');
  });

  it('reopening a closed case needs a note; archiving it needs nothing', () => {
    expect(verdict('closed', 'intake', {})).toBe('needs_note');
    expect(verdict('closed', 'intake', { note: '农户反映问题未解决' })).toBe('ok');
    expect(verdict('closed', 'archived', {})).toBe('ok');
  });

  it('moving to awaiting call-back needs nothing', () => {
    expect(verdict('answered', 'awaiting_callback', {})).toBe('ok');
  });

  it('checks the lifecycle before the context: a forbidden move is refused as such even without facts', () => {
    expect(verdict('intake', 'archived', {})).toBe('no');
    expect(verdict('archived', 'intake', {})).toBe('terminal');
  });
});

describe('status facts', () => {
  it('a new inquiry can be saved as 受理 or one step from it', () => {
    expect([...INITIAL_STATUSES]).toEqual(['intake', 'answered', 'to_expert', 'to_department', 'closed']);
  });

  it('open statuses are those where the farmer still waits', () => {
    expect(STATUSES.filter(isOpen)).toEqual([
      'intake',
      'answered',
      'to_expert',
      'to_department',
      'returned',
      'awaiting_callback',
    ]);
  });

  it('every status and every refusal has Chinese text', () => {
    for (const status of STATUSES) expect(STATUS_LABELS_ZH[status]).toMatch(/\p{Script=Han}/u);
    for (const message of Object.values(TRANSITION_REFUSAL_MESSAGES)) expect(message).toMatch(/\p{Script=Han}/u);
  });
});
