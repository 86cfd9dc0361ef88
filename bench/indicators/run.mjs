#!/usr/bin/env node
// Benchmark of the indicators (GET /api/indicators) over one year of a large territory: see docs/benchmarks.md,
// "Indicators".
//
//   npm run bench:indicators                                  # builds the server, then runs this with the defaults
//   node bench/indicators/run.mjs --requests 20000 --calls 10  # a quicker run (server built)
//
// DATABASE_URL set: a fresh database on that server; unset: an embedded PostgreSQL in a temporary directory. Both are
// dropped at the end. The server is the built one (dist/server), on 127.0.0.1 only.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findFreePort, openBenchDatabase, withClient } from '../lib/database.mjs';
import { signIn, startServer, stopServer } from '../lib/server.mjs';
import { BENCH_EMAIL, BENCH_PASSWORD, seed, YEAR } from './seed.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '200000' },
    centres: { type: 'string', default: '40' },
    calls: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '3' },
    /** Also time the year without the migration's indexes, to show what they bring. */
    'without-indexes': { type: 'boolean', default: true },
    timeout: { type: 'string', default: '1800' },
  },
});
/** The migration's indexes (migrations/1764110000000-CreateEvaluationCases.ts): what the indicators read... */
const READ_INDEXES = {
  request_evaluation_received_idx: 'ON request_evaluation (territory_id, received_day)',
  request_evaluation_refused_idx: 'ON request_evaluation (territory_id, received_day) WHERE refusals > 0',
  slot_starts_idx: 'ON slot (starts_at)',
};
/** ...and what keeps a request's evaluation row up to date at each change. */
const WRITE_INDEXES = {
  appointment_request_latest_idx: 'ON appointment (request_id, booked_at DESC, id DESC)',
  request_event_created_idx: `ON request_event (request_id) INCLUDE (to_status) WHERE action = 'create'`,
};
const log = (message) => process.stdout.write(`[bench] ${message}\n`);

let database;
let server;

async function cleanup() {
  if (server) await stopServer(server);
  await database?.close();
}

async function main() {
  if (!existsSync(join(ROOT, 'dist/server/main.js'))) throw new Error('dist/server is missing: run `npx nx build server` first.');
  setTimeout(
    () => {
      log(`over the ${args.timeout} s limit: abandoning`);
      void cleanup().finally(() => process.exit(2));
    },
    Number(args.timeout) * 1000,
  ).unref();

  const machine = describeMachine();
  log(`${machine.cpuModel}, ${machine.cpus} CPUs, ${machine.memory}, Node ${machine.node}, load average ${machine.load}`);
  database = await openBenchDatabase(log);
  runCli(['migrate'], { DATABASE_URL: database.url });
  const data = await withClient(database.url, (client) =>
    seed(client, { requests: Number(args.requests), centres: Number(args.centres), log }),
  );
  const postgres = await withClient(database.url, async (client) => {
    const { rows } = await client.query(`SELECT version(), current_setting('shared_buffers') AS shared_buffers,
       current_setting('work_mem') AS work_mem, current_setting('max_parallel_workers_per_gather') AS parallel_workers,
       pg_size_pretty(pg_database_size(current_database())) AS size`);
    return rows[0];
  });
  log(`${postgres.version.split(',')[0]}, database ${postgres.size}`);

  const port = await findFreePort();
  server = await startServer(ROOT, { port, databaseUrl: database.url });
  log(`server ${server.child.pid} listening on 127.0.0.1:${port}`);
  const baseUrl = `http://127.0.0.1:${port}`;
  const { cookie } = await signIn(baseUrl, BENCH_EMAIL, BENCH_PASSWORD);
  const [centre] = await withClient(
    database.url,
    async (client) => (await client.query(`SELECT id FROM centre ORDER BY name LIMIT 1`)).rows,
  );

  const scenarios = {
    year: YEAR,
    'year, one modality (ct)': { ...YEAR, modality: 'ct' },
    'year, one centre': { ...YEAR, centreId: centre.id },
    'one month (March)': { from: '2025-03-01', to: '2025-03-31' },
  };
  // The floor of any call here: the session's lookup and the framework, with no work behind.
  const runs = { 'baseline: GET /api/auth/me': await time(baseUrl, cookie, null) };
  for (const [name, query] of Object.entries(scenarios)) runs[name] = await time(baseUrl, cookie, query);
  const refresh = { withIndexes: await timeRefresh(database.url) };
  if (args['without-indexes']) {
    await withIndexes(database.url, READ_INDEXES, false);
    runs['year, without the read indexes'] = await time(baseUrl, cookie, YEAR);
    runs['one month, without the read indexes'] = await time(baseUrl, cookie, scenarios['one month (March)']);
    await withIndexes(database.url, READ_INDEXES, true);
    await withIndexes(database.url, WRITE_INDEXES, false);
    refresh.withoutIndexes = await timeRefresh(database.url);
    await withIndexes(database.url, WRITE_INDEXES, true);
  }
  const exportRun = await timeExport(baseUrl, cookie);
  // The machine is shared: what else ran beside the calls, before and after them.
  machine.loadAfter = loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');

  const results = {
    date: new Date().toISOString(),
    git: gitDescribe(),
    machine: { ...machine, postgres, database: database.embedded ? 'embedded' : 'DATABASE_URL' },
    options: args,
    data,
    runs,
    refresh,
    export: exportRun,
  };
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  const file = join(ROOT, `bench/results/indicators-${results.date.replaceAll(':', '-').slice(0, 19)}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  for (const [name, run] of Object.entries(runs)) {
    log(
      `${name}: median ${run.median} ms, p95 ${run.p95} ms, p99 ${run.p99} ms, min ${run.min} ms, max ${run.max} ms (${run.calls} calls)`,
    );
  }
  log(`refresh of one request's evaluation row (what each change costs): ${JSON.stringify(refresh)}`);
  log(`export of the year: ${exportRun.ms} ms, ${exportRun.lines} lines, ${exportRun.megabytes} MB`);
  log(`load average before ${machine.load}, after ${machine.loadAfter}`);
  log(`results: ${file}`);
}

/** Serial calls after a warm-up: the latency one coordinator sees, checked to be a real answer. */
async function time(baseUrl, cookie, query) {
  const path = query ? `/api/indicators?${new URLSearchParams(query)}` : '/api/auth/me';
  const durations = [];
  let received;
  for (let call = 0; call < Number(args.warmup) + Number(args.calls); call++) {
    const startedAt = performance.now();
    const response = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
    const body = await response.json();
    const elapsed = performance.now() - startedAt;
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(body)}`);
    received = body.requests?.received;
    if (call >= Number(args.warmup)) durations.push(elapsed);
  }
  durations.sort((a, b) => a - b);
  const at = (q) => round(durations[Math.min(durations.length - 1, Math.ceil(q * durations.length) - 1)]);
  return {
    path,
    received,
    calls: durations.length,
    median: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    min: round(durations[0]),
    max: round(durations.at(-1)),
  };
}

/** What a change costs the drain (the triggers until 2026-11-24): the refresh of one request's evaluation row, for random requests. */
async function timeRefresh(url) {
  return withClient(url, async (client) => {
    const { rows } = await client.query(`SELECT id FROM imaging_request ORDER BY random() LIMIT 200`);
    const durations = [];
    for (const { id } of rows) {
      const startedAt = performance.now();
      await client.query(`SELECT request_evaluation_refresh(ARRAY[$1::uuid])`, [id]);
      durations.push(performance.now() - startedAt);
    }
    durations.sort((a, b) => a - b);
    return {
      calls: durations.length,
      median: round(durations[durations.length >> 1]),
      p99: round(durations[Math.ceil(0.99 * durations.length) - 1]),
    };
  });
}

async function withIndexes(url, indexes, present) {
  await withClient(url, async (client) => {
    for (const [index, definition] of Object.entries(indexes)) {
      await client.query(present ? `CREATE INDEX ${index} ${definition}` : `DROP INDEX ${index}`);
    }
    await client.query('ANALYZE');
  });
}

async function timeExport(baseUrl, cookie) {
  const startedAt = performance.now();
  const response = await fetch(`${baseUrl}/api/indicators/export?${new URLSearchParams(YEAR)}`, { headers: { cookie } });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`export answered ${response.status}`);
  return {
    ms: round(performance.now() - startedAt),
    lines: text.split('\r\n').length - 2,
    megabytes: round(text.length / 2 ** 20),
  };
}

function describeMachine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  return {
    cpuModel: /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model,
    cpus: cpus().length,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    load: loadavg()
      .map((load) => load.toFixed(2))
      .join(' '),
  };
}

function gitDescribe() {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'server/src/indicators', 'migrations'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    return dirty.trim() ? `${commit} (indicators or migrations modified)` : commit;
  } catch {
    return undefined;
  }
}

function runCli(cliArgs, env) {
  execFileSync(process.execPath, [join(ROOT, 'dist/server/cli.js'), ...cliArgs], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

function round(value) {
  return Math.round(value * 10) / 10;
}

main()
  .catch((error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exitCode = 1;
  })
  .finally(cleanup);
