import { type LightMyRequestResponse } from 'fastify';
import { type KbDraftInput, KbArticleDetail } from '../../../../shared/domain/kbServer';
import { type Role, type Scope } from '../../../../shared/sync/auth';
import { type Mutation, type ServerInquiry } from '../../../../shared/sync/protocol';
import { createMutation, editMutation, pushBody } from '../fixtures';
import { type TestDatabase, type TestServer, startTestServer, testDatabase, type Variant } from '../harness';

export const ROLE_SCOPES: Record<Role, Scope> = {
  operator: { kind: 'seats', seatCodes: ['S01'] },
  expert: { kind: 'expert', expertId: 'E001' },
  supervisor: { kind: 'all' },
  department_liaison: { kind: 'department', departmentId: 'nyt-zzy' },
  admin: { kind: 'all' },
};

export function draftOf(overrides: Partial<KbDraftInput> = {}): KbDraftInput {
  return {
    title: '玉米叶片发黄是什么原因？',
    answer: '玉米叶片发黄多与缺氮、积水或病害有关，先看黄叶的部位和分布，再对症追肥或排水。',
    category: '种植业-粮食作物',
    tags: ['黄叶'],
    subjects: ['玉米'],
    season: '夏',
    ...overrides,
  };
}

export interface KbTestServer {
  server: TestServer;
  db: TestDatabase;
  tokens: Record<Role, string>;
  /** Users by role, for checks on ids. */
  userIds: Record<Role, string>;
  call(role: Role, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  /** Creates an expert's draft and returns it. */
  createDraft(overrides?: Partial<KbDraftInput>, role?: Role): Promise<KbArticleDetail>;
  /** Expert draft → submitted → published by the supervisor. */
  publishNew(overrides?: Partial<KbDraftInput>): Promise<KbArticleDetail>;
  /** Pushes new cases from a seat registered by the admin (scope all). */
  pushCases(cases: ServerInquiry[]): Promise<void>;
  /** Pushes one field edit of a case pushed before. */
  pushEdit(c: ServerInquiry, field: keyof ServerInquiry, to: unknown): Promise<void>;
  /** Moves the server clock (sessions last 12 hours, so everyone logs in again). */
  advance(ms: number): Promise<void>;
  close(): Promise<void>;
}

export const detailOf = (res: LightMyRequestResponse) => {
  if (res.statusCode >= 300) throw new Error(`${res.statusCode} ${res.body}`);
  return KbArticleDetail.parse(res.json());
};

/** A fresh server on `variant` with one logged-in user per role. */
export async function startKbServer(variant: Variant): Promise<KbTestServer> {
  const db = testDatabase(variant);
  const server = await startTestServer(db);
  const tokens = {} as Record<Role, string>;
  const userIds = {} as Record<Role, string>;
  for (const [role, scope] of Object.entries(ROLE_SCOPES) as [Role, Scope][]) {
    userIds[role] = (await server.createUser(role, role, scope)).id;
    tokens[role] = await server.login(role);
  }
  let mutationId = 0;
  let seat: Awaited<ReturnType<TestServer['registerSeat']>> | undefined;
  const push = async (mutations: Mutation[]) => {
    seat ??= await server.registerSeat(tokens.admin, 'S01');
    const res = await server.request({
      method: 'POST',
      url: '/sync/push',
      token: seat.deviceToken,
      payload: pushBody(seat, mutations),
    });
    if (res.statusCode !== 200) throw new Error(`push: ${res.statusCode} ${res.body}`);
    const statuses = res.json<{ results: { status: string }[] }>().results.map((r) => r.status);
    if (statuses.some((s) => s !== 'applied')) throw new Error(`push: ${statuses.join(',')}`);
  };
  const kb: KbTestServer = {
    server,
    db,
    tokens,
    userIds,
    call: (role, method, url, payload) =>
      server.request({
        method,
        url,
        token: tokens[role],
        ...(payload === undefined ? {} : { payload: payload as object }),
      }),
    async createDraft(overrides = {}, role = 'expert') {
      return detailOf(await kb.call(role, 'POST', '/kb/articles', { draft: draftOf(overrides) }));
    },
    async publishNew(overrides = {}) {
      const draft = await kb.createDraft(overrides);
      const submitted = detailOf(
        await kb.call('expert', 'POST', `/kb/articles/${draft.id}/submit`, { expectedRevision: draft.revision }),
      );
      return detailOf(
        await kb.call('supervisor', 'POST', `/kb/articles/${draft.id}/publish`, {
          expectedRevision: submitted.revision,
        }),
      );
    },
    async pushCases(cases) {
      await push(cases.map((c) => createMutation(++mutationId, c)));
    },
    async pushEdit(c, field, to) {
      await push([editMutation(++mutationId, c, field, c[field], to)]);
    },
    async advance(ms) {
      server.clock.now += ms;
      for (const role of Object.keys(ROLE_SCOPES) as Role[]) tokens[role] = await server.login(role);
    },
    async close() {
      await server.close();
      await db.cleanup();
    },
  };
  return kb;
}
