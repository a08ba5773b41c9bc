/**
 * Seat store benchmark (`npm run bench:store`): save latency against a bare insert, case list and
 * text search over 100,000 local cases, and reference-data first load. Writes bench/results/store.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { caseDay, formatCaseNumber } from '../shared/domain/caseNumber';
import { CATEGORIES } from '../shared/domain/categories';
import type { In } from '../shared/contract/contract';
import { InquiryListQuery } from '../shared/domain/inquiry';
import { STATUSES } from '../shared/domain/status';
import { readMigrations } from '../electron/core/db/migrate';
import { openStore } from '../electron/core/db/open';
import { createStore, type Store } from '../electron/core/db/store';
import { createSeatEvents } from '../electron/core/events';
import { createIntakeHandlers } from '../electron/core/intake/handlers';
import { silentLogger } from '../electron/core/log/logger';
import { dispatch } from '../electron/core/rpc/dispatch';
import type { Handlers } from '../electron/core/rpc/handlers';
import { migrationsDir, sourceResourcesDir } from '../electron/core/paths';
import { loadReferenceData } from '../electron/core/refdata/loader';

const SAVES = 10_000;
const TOTAL_CASES = 100_000;
const QUERY_ROUNDS = 40;

const log = silentLogger();
const resourcesDir = sourceResourcesDir();
const migrations = readMigrations(migrationsDir(resourcesDir));
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seat-bench-'));

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;
const stats = (samples: number[]) => ({
  p50_ms: round(percentile(samples, 50)),
  p99_ms: round(percentile(samples, 99)),
});

function time(fn: () => unknown): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

// A deterministic generator, so runs compare like with like.
let seed = 12316;
function random(): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const SUBJECTS = [
  '玉米',
  '水稻',
  '大豆',
  '马铃薯',
  '人参',
  '蓝莓',
  '黄瓜',
  '番茄',
  '白菜',
  '生猪',
  '肉牛',
  '蛋鸡',
  '梅花鹿',
  '鲤鱼',
];
const SYMPTOMS = [
  '叶片发黄',
  '叶子上有褐色斑点',
  '根部腐烂',
  '长势弱',
  '出苗不齐',
  '不吃食',
  '拉稀',
  '咳嗽发烧',
  '大面积倒伏',
  '果实开裂',
  '有虫眼',
  '茎秆发黑',
];
const ASKS = [
  '是什么病，怎么防治？',
  '该打什么药？',
  '还能补救吗？',
  '需要请专家来看吗？',
  '用什么肥料好？',
  '今年补贴怎么申请？',
];
const ANSWERS = [
  '建议喷施多菌灵，7天后复查。',
  '疑似玉米大斑病，注意通风，喷施代森锰锌。',
  '请隔离病畜并联系当地兽医站。',
  '已转县农技站专家上门指导。',
  '',
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '孙', '周', '吴'];
const GIVEN = ['大山', '秀英', '铁柱', '桂兰', '国华', '建军', '丽', '强', '春花', '志刚'];

function phoneOf(n: number): string {
  return `13${String(800000000 + (n % 20000) * 37).padStart(9, '0')}`;
}

function anInquiry(n: number, regionCodes: readonly string[]): In<'inquiry:create'> {
  const subject = pick(SUBJECTS);
  return {
    callerPhone: phoneOf(Math.floor(random() * 20000) + n),
    callerName: pick(SURNAMES) + pick(GIVEN),
    regionCode: pick(regionCodes),
    channel: 'phone',
    category: pick(CATEGORIES),
    subject,
    question: `我家${subject}${pick(SYMPTOMS)}，${pick(ASKS)}`,
    answer: pick(ANSWERS),
  };
}

function villageCodes(db: Database.Database): string[] {
  const codes = db
    .prepare<[], string>(`SELECT code FROM region WHERE code LIKE '22%' AND level >= 3 LIMIT 5000`)
    .pluck()
    .all();
  return codes.length > 0 ? codes : ['220113'];
}

async function benchSaves(store: Store, regionCodes: readonly string[]) {
  const handlers = createIntakeHandlers({
    store,
    events: createSeatEvents(),
    now: () => new Date(),
    log,
    actor: () => ({ seatCode: 'S01', operator: '张丽' }),
    appInfo: { version: 'bench', mode: 'browser', dataDir: workDir, dbPath: '', logFile: '', settingsFile: '' },
  }) as Handlers;

  const bareDb = new Database(path.join(workDir, 'bare.db'));
  bareDb.pragma('journal_mode = WAL');
  bareDb.pragma('synchronous = FULL');
  bareDb.pragma('foreign_keys = ON');
  bareDb.exec(`CREATE TABLE bare (id INTEGER PRIMARY KEY, question TEXT NOT NULL) STRICT`);
  const bareInsert = bareDb.prepare<[string]>(`INSERT INTO bare (question) VALUES (?)`);

  const save: number[] = [];
  const bare: number[] = [];
  // Interleaved, so disk and CPU noise from other processes hits both series alike.
  for (let n = 0; n < SAVES; n++) {
    const input = anInquiry(n, regionCodes);
    bare.push(time(() => bareInsert.run(String(input.question))));
    const started = performance.now();
    const result = await dispatch(handlers, 'inquiry:create', input, { log });
    save.push(performance.now() - started);
    if (!result.ok) throw new Error(`save failed: ${result.error.message}`);
  }
  bareDb.close();
  const saveStats = stats(save);
  const bareP99 = round(percentile(bare, 99));
  return {
    ...saveStats,
    bare_p99_ms: bareP99,
    ratio_p99: round(saveStats.p99_ms / bareP99),
    bare_p50_ms: round(percentile(bare, 50)),
  };
}

/** Fills the database up to TOTAL_CASES with cases spread over the past year, in one transaction. */
function generateCases(store: Store, regionCodes: readonly string[]): number {
  const existing = (store.db.prepare(`SELECT count(*) AS n FROM inquiry`).get() as { n: number }).n;
  const now = Date.now();
  const started = performance.now();
  store.transaction(() => {
    for (let n = existing; n < TOTAL_CASES; n++) {
      const input = anInquiry(n, regionCodes);
      const created = new Date(now - Math.floor(random() * 365 * 24 * 3600 * 1000));
      const at = created.toISOString();
      const inquiry = {
        id: `bench-${n}`,
        caseNo: formatCaseNumber('S09', caseDay(created), n + 1),
        seatCode: 'S09',
        operator: pick(['张丽', '李强', '王芳', '赵敏']),
        callerPhone: String(input.callerPhone),
        callerName: input.callerName ?? null,
        regionCode: input.regionCode ?? null,
        channel: 'phone' as const,
        category: pick(CATEGORIES),
        subject: input.subject ?? null,
        question: input.question,
        answer: input.answer ?? '',
        status: pick(STATUSES),
        priority: 'normal' as const,
        expertId: null,
        departmentId: null,
        kbArticleId: null,
        createdAt: at,
        updatedAt: at,
        callStartedAt: null,
        callDurationSec: null,
        version: 1,
      };
      store.search.put(store.inquiries.insert(inquiry), inquiry);
    }
  });
  return performance.now() - started;
}

function benchQueries(store: Store) {
  const monthAgo = new Date(Date.now() - 30 * 24 * 3600 * 1000).toISOString();
  const listQueries: In<'inquiry:list'>[] = [
    {},
    { statuses: ['intake', 'to_expert', 'to_department'] },
    { categories: ['植物保护-病虫害', '种植业-粮食作物'] },
    { regionCode: '2201' },
    { from: monthAgo },
    { from: monthAgo, statuses: ['answered'], operator: '张丽' },
  ];
  const parsedLists = listQueries.map((q) => InquiryListQuery.parse(q));
  const textQueries = [
    '玉米',
    '稻瘟病',
    '叶片发黄',
    '生猪 拉稀',
    '隔离病畜',
    '王秀英',
    '8000',
    '猪',
    '代森锰锌',
    'S09-26',
    '"玉米" AND *',
    '小麦条锈病',
  ];

  const list: number[] = [];
  const search: number[] = [];
  for (let round = 0; round < QUERY_ROUNDS; round++) {
    for (const q of parsedLists) list.push(time(() => store.queries.list(q)));
    for (const text of textQueries) search.push(time(() => store.queries.list({ text, offset: 0, limit: 100 })));
  }
  return { list: stats(list), search: stats(search) };
}

function benchRefdata(): number {
  const db = openStore(path.join(workDir, 'refdata.db'), migrations, log);
  const ms = time(() => loadReferenceData(db, resourcesDir, log));
  db.close();
  return round(ms);
}

async function main() {
  const started = performance.now();
  const refdata_load_ms = benchRefdata();
  const db = openStore(path.join(workDir, 'seat.db'), migrations, log);
  loadReferenceData(db, resourcesDir, log);
  const store = createStore(db);
  const regionCodes = villageCodes(db);

  const save = await benchSaves(store, regionCodes);
  const generateMs = generateCases(store, regionCodes);
  db.pragma('optimize');
  const { list, search } = benchQueries(store);
  db.close();
  fs.rmSync(workDir, { recursive: true, force: true });

  const results = {
    save: { p50_ms: save.p50_ms, p99_ms: save.p99_ms, bare_p99_ms: save.bare_p99_ms, ratio_p99: save.ratio_p99 },
    list,
    search,
    refdata_load_ms,
  };
  const outDir = path.join(resourcesDir, 'bench', 'results');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'store.json'), `${JSON.stringify(results, null, 2)}\n`);

  console.table({
    [`save (${SAVES} through the service)`]: { p50_ms: save.p50_ms, p99_ms: save.p99_ms },
    'bare single-row INSERT': { p50_ms: save.bare_p50_ms, p99_ms: save.bare_p99_ms },
    [`case list (${TOTAL_CASES} cases)`]: list,
    [`text search (${TOTAL_CASES} cases)`]: search,
  });
  console.log(`save p99 / bare p99 = ${save.ratio_p99}  (target ≤ 1.5, save p99 < 5 ms)`);
  console.log(`reference data first load: ${refdata_load_ms} ms`);
  console.log(
    `generated ${TOTAL_CASES - SAVES} cases in ${Math.round(generateMs)} ms; total ${Math.round((performance.now() - started) / 1000)} s`,
  );
  console.log(`wrote bench/results/store.json`);
}

await main();
