import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHODS, type MethodName } from '../../shared/contract/channels';
import { silentLogger } from '../../electron/core/log/logger';
import { sourceResourcesDir } from '../../electron/core/paths';
import { openSeat, type Seat } from '../../electron/core/seat';
import { openConfBackend } from '../../electron/core/settings/confBackend';

const GOOD_INQUIRY = { callerPhone: '13812345678', channel: 'phone', category: '畜牧兽医', question: '猪不吃食' };
const UUID = '01900000-0000-7000-8000-000000000000';

/** Malformed for every method: wrong types, and an object with a field no method accepts. */
const ANY_METHOD = [null, 'x', 42, true, [], { bogus: 1 }];

/** Inputs that look nearly right for one method but must still be refused. Keyed by every method. */
const NEARLY_RIGHT: Record<MethodName, unknown[]> = {
  'app:info': [{}, 0],
  'settings:get': [{}, ''],
  'settings:update': [
    { seatCode: 's01' },
    { seatCode: 'S' },
    { operatorName: '   ' },
    { operatorName: '话'.repeat(21) },
    { serverUrl: 'http://example.com' },
    { serverUrl: 'ftp://x' },
    { ui: { locale: 'fr' } },
    { ui: { fontSize: 'huge' } },
    { ui: { confirmLeave: 'yes' } },
    { ui: { extra: true } },
  ],
  'inquiry:create': [
    {},
    { ...GOOD_INQUIRY, callerPhone: '123' },
    { ...GOOD_INQUIRY, callerPhone: '' },
    { ...GOOD_INQUIRY, callerPhone: '1'.repeat(5000) },
    { ...GOOD_INQUIRY, question: '   ' },
    { ...GOOD_INQUIRY, question: '问'.repeat(4001) },
    { ...GOOD_INQUIRY, category: '天文' },
    { ...GOOD_INQUIRY, channel: 'fax' },
    { ...GOOD_INQUIRY, regionCode: '2201x' },
    { ...GOOD_INQUIRY, status: 'archived' },
    { ...GOOD_INQUIRY, status: 'answered' },
    { ...GOOD_INQUIRY, status: 'to_department' },
    { ...GOOD_INQUIRY, status: 'closed' },
    { ...GOOD_INQUIRY, callDurationSec: -5 },
    { ...GOOD_INQUIRY, callStartedAt: 'now' },
    { ...GOOD_INQUIRY, id: UUID },
    { ...GOOD_INQUIRY, caseNo: 'S01-261128-0001' },
  ],
  'inquiry:update': [
    { id: UUID },
    { id: 'not-a-uuid', expectedVersion: 1, changes: { subject: '猪' } },
    { id: UUID, expectedVersion: 0, changes: { subject: '猪' } },
    { id: UUID, expectedVersion: 1, changes: {} },
    { id: UUID, expectedVersion: 1, changes: { status: 'lost' } },
    { id: UUID, expectedVersion: 1, changes: { question: '' } },
    { id: UUID, expectedVersion: 1, changes: { caseNo: 'X' } },
  ],
  'inquiry:get': [{}, { id: 'S01-261128-0001' }, { id: UUID, extra: 1 }],
  'inquiry:list': [
    { text: '玉'.repeat(101) },
    { text: 'x'.repeat(5000) },
    { limit: 0 },
    { limit: 501 },
    { offset: -1 },
    { statuses: ['nope'] },
    { categories: ['天文'] },
    { regionCode: '123' },
    { from: '2026-13-45' },
    { operator: 7 },
  ],
  'caller:history': [{}, { phone: '12345' }, { phone: '13812345678', limit: 0 }, { phone: '13812345678', limit: 101 }],
  'draft:get': [{}, { key: '' }, { key: '../etc/passwd' }, { key: 'A' }],
  'draft:save': [
    { key: 'intake' },
    { key: 'intake', data: 'text' },
    { key: 'intake', data: { big: 'x'.repeat(70 * 1024) } },
    { key: 'bad key', data: {} },
  ],
  'draft:clear': [{}, { key: 'x'.repeat(65) }],
  'region:children': [{}, { parentCode: '2' }, { parentCode: 22 }],
  'region:search': [{}, { q: '' }, { q: '   ' }, { q: '长'.repeat(51) }, { q: '长春', limit: 0 }],
  'region:path': [{}, { code: '' }, { code: '2201x' }],
  'ref:lists': [{}, 'all'],
  'sync:status': [{}, 'now'],
  'sync:now': [{}, 'force'],
  'sync:issues': [
    { includeResolved: 'yes' },
    { includeResolved: 1 },
    { includeResolved: true, extra: 1 },
    { all: true },
  ],
  'sync:resolveIssue': [
    {},
    { id: UUID },
    { action: 'dismiss' },
    { id: '', action: 'dismiss' },
    { id: 'x'.repeat(65), action: 'dismiss' },
    { id: UUID, action: 'keep' },
    { id: UUID, action: 'merge', merged: { callerName: '张三' } },
    { id: UUID, action: 'merge', merged: { answer: '答'.repeat(8001) } },
    { id: UUID, action: 'mine', reason: '我的更对' },
  ],
  'auth:session': [{}, 'me'],
  'auth:login': [
    {},
    { username: 'op1' },
    { password: 'secret-12316' },
    { username: '', password: 'secret-12316' },
    { username: '   ', password: 'secret-12316' },
    { username: 'op1', password: '' },
    { username: '账'.repeat(41), password: 'secret-12316' },
    { username: 'op1', password: 'x'.repeat(201) },
    { username: 42, password: 'secret-12316' },
    { username: 'op1', password: 'secret-12316', remember: true },
  ],
  'auth:logout': [{}, 'everywhere'],
  'kb:search': [
    {},
    { q: 42 },
    { q: '玉'.repeat(5001) },
    { q: '玉米', limit: 0 },
    { q: '玉米', limit: 101 },
    { q: '玉米', filters: { season: '雨季' } },
    { q: '玉米', filters: { category: '' } },
    { q: '玉米', context: { category: '天文' } },
    { q: '玉米', extra: 1 },
  ],
  'kb:get': [{}, { id: '' }, { id: 'KB-0001' }, { id: '../kb' }, { id: 'kb-0001', extra: 1 }],
  'kb:status': [{}, 'now'],
  'kb:syncNow': [{}, 'force'],
  'kb:history': [{}, { id: 'kb 1' }, { id: 'x'.repeat(65) }],
  'kb:feedback': [
    { id: 'kb-0001' },
    { helpful: true },
    { id: 'kb-0001', helpful: 'yes' },
    { id: 'kb-0001', helpful: 1 },
  ],
  'cases:searchServer': [
    {},
    { q: '' },
    { q: '   ' },
    { q: '玉'.repeat(201) },
    { q: '玉米', cursor: 'abc' },
    { q: '玉米', cursor: 12 },
    { q: '玉米', limit: 20 },
  ],
  'kbEdit:list': [{ status: 'open' }, { mine: 'true' }, { q: '话'.repeat(101) }, { cursor: 7 }],
  'kbEdit:get': [{}, { id: 'KB-1' }],
  'kbEdit:create': [{}, { draft: {} }, { draft: { title: '玉米', answer: '', category: '农机' } }],
  'kbEdit:fromCase': [{}, { inquiryId: 'not-a-uuid' }, { inquiryId: UUID, extra: 1 }],
  'kbEdit:save': [
    { id: 'kb-0001', draft: { title: '玉米', answer: '答', category: '农机' } },
    { id: 'kb-0001', expectedRevision: 0, draft: { title: '玉米', answer: '答', category: '农机' } },
    { id: 'kb-0001', expectedRevision: 1, draft: { title: ' ', answer: '答', category: '农机' } },
  ],
  'kbEdit:act': [
    { id: 'kb-0001', action: 'delete', expectedRevision: 1 },
    { id: 'kb-0001', action: 'publish' },
    { id: 'kb-0001', action: 'sendBack', expectedRevision: 1 },
    { id: 'kb-0001', action: 'sendBack', expectedRevision: 1, note: '  ' },
    { id: 'kb-0001', action: 'rollback', expectedRevision: 1 },
    { id: 'kb-0001', action: 'submit', expectedRevision: 1, note: '话'.repeat(501) },
  ],
  'kbEdit:reviewDue': [{}, 'all'],
  'kbEdit:diff': [{ id: 'kb-0001' }, { id: 'kb-0001', from: 0, to: 1 }, { id: 'kb-0001', from: '1', to: '2' }],
};

let dataDir: string;
let seat: Seat;

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seat-contract-'));
  seat = openSeat({
    dataDir,
    resourcesDir: sourceResourcesDir(),
    mode: 'browser',
    appVersion: 'test',
    settingsBackend: openConfBackend(dataDir),
    log: silentLogger(),
    checkOutput: true,
  });
});

afterAll(async () => {
  await seat.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Row counts of every table, and the settings file's bytes: what "nothing was written" means. */
function snapshot(): { rows: Record<string, number>; settings: string | null } {
  const db = new Database(seat.paths.db, { readonly: true });
  try {
    const tables = db
      .prepare<[], string>(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`)
      .pluck()
      .all();
    const rows = Object.fromEntries(
      tables.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]),
    );
    const file = seat.paths.settingsFile;
    const settings = fs.existsSync(file)
      ? crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')
      : null;
    return { rows, settings };
  } finally {
    db.close();
  }
}

describe('the contract refuses malformed input', () => {
  it('has refusal cases for every method', () => {
    expect(Object.keys(NEARLY_RIGHT).sort()).toEqual([...METHODS].sort());
  });

  it.each(METHODS.map((m) => [m] as const))('%s answers INVALID_INPUT and writes nothing', async (method) => {
    const before = snapshot();
    for (const input of [...ANY_METHOD, ...NEARLY_RIGHT[method]]) {
      const result = await seat.call(method, input);
      expect(result, `${method} ${JSON.stringify(input)?.slice(0, 80)}`).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
      if (!result.ok) expect(result.error.message).not.toBe('');
    }
    expect(snapshot()).toEqual(before);
  });

  it.each([['inquiry:delete'], [''], [null], [42], ['__proto__'], ['constructor'], ['toString'], ['INQUIRY:CREATE']])(
    'answers INVALID_INPUT for the unknown method %j',
    async (method) => {
      expect(await seat.call(method, GOOD_INQUIRY)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    },
  );

  it('still accepts a well-formed call after all that', async () => {
    const result = await seat.call('inquiry:create', GOOD_INQUIRY);
    expect(result).toMatchObject({ ok: true, value: { caseNo: expect.stringMatching(/^S01-\d{6}-0001$/) } });
  });
});
