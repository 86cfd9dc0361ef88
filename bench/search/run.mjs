#!/usr/bin/env node
// Benchmark of the pooled slot search (GET /api/slots/search): see docs/benchmarks.md, "Pooled slot search".
//
//   npm run bench:search                       # builds the server, then runs this with the defaults
//   node bench/search/run.mjs --duration 10 --connections 32 --slots 200000   # a quicker run (server built)
//
// DATABASE_URL set: a fresh database is created (and dropped) on that server; unset: an embedded PostgreSQL is
// started in a temporary directory (and removed). Everything listens on 127.0.0.1 only.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { cpuSnapshot, postgresSecondsBetween } from '../lib/cpu.mjs';
import { findFreePort, openBenchDatabase, withClient } from '../lib/database.mjs';
import { signIn, startServer, stopServer } from '../lib/server.mjs';
import {
  EXPLAIN_CASES,
  centreTraits,
  chooseStrategy,
  queryPool,
  runSearchSql,
  searchPath,
  searchSql,
  sqlParameters,
  searchWindows,
} from './queries.mjs';
import { BENCH_EMAIL, seed } from './seed.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: {
    centres: { type: 'string', default: process.env.BENCH_CENTRES ?? '500' },
    slots: { type: 'string', default: process.env.BENCH_SLOTS ?? '2000000' },
    connections: { type: 'string', default: process.env.BENCH_CONNECTIONS ?? '1,10,32,64' },
    duration: { type: 'string', default: process.env.BENCH_DURATION ?? '30' },
    warmup: { type: 'string', default: process.env.BENCH_WARMUP ?? '5' },
    pool: { type: 'string', default: '1000' },
    'sql-samples': { type: 'string', default: '1000' },
    /** Also load GET /api/health (no session, one trivial query): the framework's ceiling on this machine. */
    baseline: { type: 'boolean', default: false },
    /** Also load the same searches on bare node:http + pg (bare-server.mjs): the floor of this machine. */
    floor: { type: 'boolean', default: false },
    /** Print the EXPLAIN (ANALYZE, BUFFERS) output of the named cases. */
    explain: { type: 'boolean', default: false },
    /** Overall limit: the run is abandoned (and cleaned up) past it. */
    timeout: { type: 'string', default: '1800' },
    label: { type: 'string', default: process.env.BENCH_LABEL ?? '' },
    /** The built server to run (main.js and cli.js), to compare two builds. */
    server: { type: 'string', default: process.env.BENCH_SERVER_DIST ?? 'dist/server' },
  },
});
const SERVER_DIST = resolve(ROOT, args.server);
const connectionLevels = args.connections.split(',').map(Number);
const durationSeconds = Number(args.duration);
const warmupSeconds = Number(args.warmup);
const log = (message) => process.stdout.write(`[bench] ${message}\n`);

let database;
let server;
let cleaningUp;

async function cleanup() {
  cleaningUp ??= (async () => {
    if (server) await stopServer(server).catch((error) => log(`stopping the server: ${error.message}`));
    if (database) await database.close();
  })();
  return cleaningUp;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    log(`${signal}: stopping what the bench started…`);
    void cleanup().finally(() => process.exit(130));
  });
}

async function main() {
  if (!existsSync(join(SERVER_DIST, 'main.js'))) throw new Error(`${SERVER_DIST} is missing: run \`npx nx build server\` first.`);
  const deadline = setTimeout(
    () => {
      log(`over the ${args.timeout} s limit: abandoning`);
      void cleanup().finally(() => process.exit(2));
    },
    Number(args.timeout) * 1000,
  );
  deadline.unref();

  const machine = describeMachine();
  log(`${machine.cpuModel}, ${machine.cpus} cores, ${machine.memory}, Node ${process.version}`);

  database = await openBenchDatabase(log);
  await runCli(['migrate'], { DATABASE_URL: database.url });
  const seedStartedAt = Date.now();
  const data = await withClient(database.url, (client) =>
    seed(client, { centres: Number(args.centres), slots: Number(args.slots), log }),
  );
  const postgresVersion = await withClient(database.url, async (client) => {
    const { rows } = await client.query(`SELECT version(), current_setting('shared_buffers') AS shared_buffers,
                                                current_setting('work_mem') AS work_mem, current_setting('jit') AS jit`);
    return rows[0];
  });
  log(`seeded in ${((Date.now() - seedStartedAt) / 1000).toFixed(0)} s; ${postgresVersion.version.split(',')[0]}`);

  const statements = await withClient(database.url, (client) =>
    client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements').then(
      () => true,
      () => false, // not preloaded on DATABASE_URL's server: no per-statement split
    ),
  );
  const port = await findFreePort();
  server = await startServer(ROOT, { port, databaseUrl: database.url, dist: SERVER_DIST });
  log(`server ${server.child.pid} listening on 127.0.0.1:${port}`);
  const baseUrl = server.baseUrl;
  const { cookie } = await signIn(baseUrl, BENCH_EMAIL, process.env.BENCH_PASSWORD ?? 'bench-password');

  const pool = queryPool(Number(args.pool));
  const paths = pool.map(searchPath);
  const answers = await checkAnswers(baseUrl, cookie, paths);
  log(
    `pool of ${paths.length} searches: ${answers.full} full pages (50 hits), ${answers.partial} partial, ` +
      `${answers.empty} empty windows (look-ahead), ${answers.failed} failed`,
  );
  if (answers.failed > 0) throw new Error(`some searches failed: ${JSON.stringify(answers.failures.slice(0, 3))}`);

  // The SQL of the build under test: the sources beside its dist/ (this workspace by default).
  const sql = searchSql(resolve(SERVER_DIST, '../..'));
  const sqlOnly = await withClient(database.url, (client) => timeSql(client, sql, pool.slice(0, Number(args['sql-samples']))));
  log(
    `SQL only (one connection, serial, ${sqlOnly.samples} searches): p50 ${sqlOnly.p50} ms, p90 ${sqlOnly.p90} ms, ` +
      `p99 ${sqlOnly.p99} ms, max ${sqlOnly.max} ms; session lookup p50 ${sqlOnly.session.p50} ms`,
  );
  const explain = await withClient(database.url, (client) => explainCases(client, sql));
  for (const [name, result] of Object.entries(explain)) {
    log(
      `EXPLAIN ${name} (${result.strategy}): ${result.rows} rows; ${result.plans.generic} generic and ${result.plans.custom} custom plans so far; ` +
        `planning ${result.withoutNodeTiming.planningMs} ms, ` +
        `execution ${result.withoutNodeTiming.executionMs} ms (${result.executionMs} ms with per-node timing)`,
    );
  }

  const runs = [];
  if (args.baseline) {
    runs.push(await load({ baseUrl, cookie, paths: ['/api/health'], connections: 32, name: 'health (baseline)', statements }));
  }
  for (const connections of connectionLevels) {
    runs.push(await load({ baseUrl, cookie, paths, connections, name: 'search', statements }));
  }
  if (args.floor) {
    const bare = await startBareServer();
    try {
      for (const connections of connectionLevels) {
        runs.push(
          await load({ baseUrl: bare.baseUrl, cookie, paths, connections, name: 'search, bare', statements, pid: bare.pid }),
        );
      }
    } finally {
      bare.stop();
    }
  }

  const results = {
    label: args.label || undefined,
    date: new Date().toISOString(),
    git: gitDescribe(),
    machine: { ...machine, postgres: postgresVersion, database: database.embedded ? 'embedded' : 'DATABASE_URL' },
    options: { ...args, connections: connectionLevels },
    data,
    pool: { size: paths.length, ...answers, failures: undefined },
    sqlOnly,
    explain,
    runs,
  };
  const file = writeResults(results);
  printSummary(results);
  if (args.explain) for (const [name, result] of Object.entries(explain)) log(`EXPLAIN ${name}\n${result.plan}\n`);
  log(`results: ${file}`);
}

function describeMachine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  return {
    cpuModel: /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model,
    cpus: cpus().length,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB total, ${(freemem() / 2 ** 30).toFixed(1)} GiB free`,
    node: process.version,
    kernel: readFileSync('/proc/sys/kernel/osrelease', 'utf8').trim(),
  };
}

function gitDescribe() {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'server', 'migrations'], { cwd: ROOT, encoding: 'utf8' });
    return dirty.trim() ? `${commit} (server or migrations modified)` : commit;
  } catch {
    return undefined;
  }
}

function runCli(cliArgs, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(SERVER_DIST, 'cli.js'), ...cliArgs], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`cli ${cliArgs.join(' ')} failed:\n${output}`))));
  });
}

async function checkAnswers(baseUrl, cookie, paths) {
  const tally = { full: 0, partial: 0, empty: 0, failed: 0, failures: [] };
  for (const path of paths) {
    const response = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
    if (response.status !== 200) {
      tally.failed++;
      tally.failures.push({ path, status: response.status, body: await response.text() });
      continue;
    }
    const body = await response.json();
    if (body.slots.length === 0) tally.empty++;
    else if (body.slots.length === 50) tally.full++;
    else tally.partial++;
  }
  return tally;
}

/** The database alone: each search as the service runs it, serially on one connection; and the session lookup. */
async function timeSql(client, sql, queries) {
  const centres = await centreTraits(client);
  for (const query of queries.slice(0, 50)) await runSearchSql(client, sql, query, chooseStrategy(centres, query)); // warm the cache
  const durations = [];
  let slowest;
  for (const query of queries) {
    const start = process.hrtime.bigint();
    const outcome = await runSearchSql(client, sql, query, chooseStrategy(centres, query));
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    durations.push(ms);
    if (!slowest || ms > slowest.ms) slowest = { ms: round(ms), query, ...outcome };
  }
  const sessionDurations = [];
  const { rows } = await client.query(`SELECT id FROM session LIMIT 1`);
  for (let i = 0; i < 500; i++) {
    const start = process.hrtime.bigint();
    await client.query({
      name: 'bench-session-resolve', // prepared, as the server runs it (session.service.ts)
      text: `SELECT s.id AS session_id, a.id AS account_id, a.role, a.display_name, a.rpps,
              array(SELECT centre_id FROM account_centre WHERE account_id = a.id ORDER BY centre_id) AS centre_ids,
              s.last_seen_at < now() - make_interval(secs => $3) AS stale
         FROM session s JOIN account a ON a.id = s.account_id
        WHERE s.id = $1 AND a.disabled_at IS NULL AND s.expires_at > now()
          AND s.last_seen_at > now() - make_interval(mins => $2)`,
      values: [rows[0].id, 30, 60],
    });
    sessionDurations.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { samples: durations.length, ...percentiles(durations), slowest, session: percentiles(sessionDurations) };
}

/**
 * Each case as the server runs it: a prepared statement, executed as many times as PostgreSQL takes before it settles
 * on a generic plan or not, then explained; which kind of plan it kept comes from pg_prepared_statements.
 */
async function explainCases(client, sql) {
  const explained = {};
  const centres = await centreTraits(client);
  await client.query(`PREPARE bench_explain AS ${sql}`);
  // EXECUTE takes no bind parameters: the values go in as literals, typed by the prepared statement.
  const literal = (value) =>
    value === null ? 'NULL' : client.escapeLiteral(value instanceof Date ? value.toISOString() : String(value));
  for (const [name, { what, query: template }] of Object.entries(EXPLAIN_CASES)) {
    const { window72h, ...query } = template;
    const now = new Date();
    if (window72h) {
      query.from = now.toISOString();
      query.to = new Date(now.getTime() + 72 * 3_600_000).toISOString();
    }
    const { window } = searchWindows(query, now);
    const strategy = chooseStrategy(centres, query);
    const parameters = sqlParameters(query, window.from, window.to, window.limit, strategy);
    const execute = `EXECUTE bench_explain (${parameters.map(literal).join(', ')})`;
    for (let i = 0; i < 6; i++) await client.query(execute); // past the 5 custom plans; the same warm cache as under load
    const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${execute}`);
    const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
    // Timing every plan node costs a lot on this VM's clock: the times without it, median of 7.
    const planning = [];
    const execution = [];
    for (let i = 0; i < 7; i++) {
      const quiet = (await client.query(`EXPLAIN (ANALYZE, TIMING OFF, SUMMARY ON) ${execute}`)).rows;
      const text = quiet.map((row) => row['QUERY PLAN']).join('\n');
      planning.push(Number(/Planning Time: ([\d.]+)/.exec(text)?.[1]));
      execution.push(Number(/Execution Time: ([\d.]+)/.exec(text)?.[1]));
    }
    const hits = (await client.query(execute)).rows.length;
    const [plans] = (
      await client.query(`SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = 'bench_explain'`)
    ).rows;
    explained[name] = {
      what,
      query: searchPath(query),
      strategy,
      parameters,
      rows: hits,
      plans: { generic: Number(plans.generic_plans), custom: Number(plans.custom_plans) },
      executionMs: Number(/Execution Time: ([\d.]+)/.exec(plan)?.[1]),
      withoutNodeTiming: { planningMs: percentiles(planning).p50, executionMs: percentiles(execution).p50 },
      plan,
    };
  }
  await client.query('DEALLOCATE bench_explain');
  return explained;
}

/** pg_stat_statements over the measured run: planning and execution time by kind of statement, per HTTP request. */
async function statementTimes(requests) {
  const { rows } = await withClient(database.url, (client) =>
    client.query(
      `SELECT CASE WHEN query LIKE '%FROM slot s%' THEN 'search'
                   WHEN query LIKE '%FROM session s%' THEN 'session'
                   ELSE 'other' END AS kind,
              sum(calls)::int AS calls, sum(total_plan_time) AS plan_ms, sum(total_exec_time) AS exec_ms
         FROM pg_stat_statements
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        GROUP BY 1 ORDER BY 1`,
    ),
  );
  return Object.fromEntries(
    rows.map((row) => [
      row.kind,
      {
        callsPerRequest: round(row.calls / requests, 2),
        planMsPerCall: round(row.plan_ms / row.calls, 3),
        execMsPerCall: round(row.exec_ms / row.calls, 3),
        msPerRequest: round((row.plan_ms + row.exec_ms) / requests, 3),
      },
    ]),
  );
}

/** bare-server.mjs on the bench database, on a port of its own. */
async function startBareServer() {
  const port = await findFreePort();
  const child = spawn(process.execPath, [join(ROOT, 'bench/search/bare-server.mjs')], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: database.url, PORT: String(port), WORKSPACE_ROOT: resolve(SERVER_DIST, '../..') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    child.stdout.once('data', resolve);
    child.once('exit', (code) => reject(new Error(`bare-server.mjs stopped (${code})`)));
  });
  return { baseUrl: `http://127.0.0.1:${port}`, pid: child.pid, stop: () => child.kill() };
}

async function load({ baseUrl, cookie, paths, connections, name, statements, pid = server.child.pid }) {
  let next = connections * 7919; // each level starts elsewhere in the pool
  const options = {
    url: baseUrl,
    connections,
    headers: { cookie, accept: 'application/json' },
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }],
    timeout: 10,
  };
  log(`${name}, ${connections} connections: warm-up ${warmupSeconds} s`);
  await autocannon({ ...options, duration: warmupSeconds });
  log(`${name}, ${connections} connections: measuring ${durationSeconds} s`);
  if (statements) await withClient(database.url, (client) => client.query('SELECT pg_stat_statements_reset()'));
  const before = await cpuSnapshot(database, [pid]);
  const result = await autocannon({ ...options, duration: durationSeconds });
  const after = await cpuSnapshot(database, [pid]);
  if (server.child.exitCode !== null || server.child.signalCode !== null) {
    const how = server.child.signalCode ?? `code ${server.child.exitCode}`;
    throw new Error(`the server stopped during the run (${how}); its last words:\n${server.output().slice(-4000)}`);
  }
  const databaseTime = statements ? await statementTimes(result.requests.total) : undefined;
  const seconds = result.duration;
  const busy = (snapshot) => snapshot.machine.total - snapshot.machine.idle;
  after.postgres = postgresSecondsBetween(before, after);
  before.postgres = 0;
  const cores = (key) => round((after[key] - before[key]) / seconds, 2);
  const requests = result.requests.total;
  const run = {
    name,
    connections,
    durationSeconds: round(seconds, 1),
    requests,
    requestsPerSecond: round(requests / seconds, 0),
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: round(result.latency.average, 2),
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    bytesPerRequest: requests > 0 ? Math.round(result.throughput.total / requests) : 0,
    // Cores used on average during the measured run, by who; `machine` is every process of the machine.
    cpuCores: {
      loadGenerator: cores('loadGenerator'),
      server: cores('server'),
      postgres: cores('postgres'),
      machine: round((busy(after) - busy(before)) / seconds, 2),
    },
    /** Run-queue length when the run started: above the 2 cores means other work was waiting too. */
    loadAverageAtStart: before.loadAverage,
    cpuMsPerRequest: {
      loadGenerator: round(((after.loadGenerator - before.loadGenerator) * 1000) / requests, 3),
      server: round(((after.server - before.server) * 1000) / requests, 3),
      postgres: round(((after.postgres - before.postgres) * 1000) / requests, 3),
    },
    postgresBackends: after.backends.length,
    databaseTime,
  };
  // Everything else the machine ran meanwhile (other users' builds and tests, the kernel…).
  const ours = run.cpuCores.loadGenerator + run.cpuCores.server + run.cpuCores.postgres;
  run.cpuCores.others = round(Math.max(0, run.cpuCores.machine - ours), 2);
  log(
    `${name}, ${connections} connections: ${run.requestsPerSecond} req/s, p50 ${run.latencyMs.p50} ms, ` +
      `p99 ${run.latencyMs.p99} ms, ${run.errors} errors, ${run.non2xx} non-2xx`,
  );
  return run;
}

function percentiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))], 2);
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: round(sorted[sorted.length - 1], 2) };
}

function round(value, digits = 2) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function writeResults(results) {
  const directory = join(ROOT, 'bench/results');
  mkdirSync(directory, { recursive: true });
  const stamp = results.date.replace(/[:.]/g, '-').slice(0, 19);
  const file = join(directory, `search-${stamp}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}

function printSummary({ runs, sqlOnly }) {
  const lines = [
    '',
    '| load | connections | req/s | p50 ms | p90 ms | p99 ms | errors | non-2xx | CPU cores: load gen / server / PostgreSQL / others | load avg |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |',
    ...runs.map(
      (run) =>
        `| ${run.name} | ${run.connections} | ${run.requestsPerSecond} | ${run.latencyMs.p50} | ${run.latencyMs.p90} | ` +
        `${run.latencyMs.p99} | ${run.errors + run.timeouts} | ${run.non2xx} | ` +
        `${run.cpuCores.loadGenerator} / ${run.cpuCores.server} / ${run.cpuCores.postgres} / ${run.cpuCores.others} | ` +
        `${run.loadAverageAtStart} |`,
    ),
    '',
    ...runs
      .filter((run) => run.databaseTime)
      .map(
        (run) =>
          `${run.name} at ${run.connections}: CPU ms per request: server ${run.cpuMsPerRequest.server}, PostgreSQL ` +
          `${run.cpuMsPerRequest.postgres}, load generator ${run.cpuMsPerRequest.loadGenerator}; database ms per request ` +
          Object.entries(run.databaseTime)
            .map(([kind, time]) => `${kind} ${time.msPerRequest} (plan ${time.planMsPerCall} + exec ${time.execMsPerCall})`)
            .join(', '),
      ),
    '',
    `SQL only, serial: p50 ${sqlOnly.p50} ms, p90 ${sqlOnly.p90} ms, p99 ${sqlOnly.p99} ms, max ${sqlOnly.max} ms ` +
      `(slowest: ${JSON.stringify(sqlOnly.slowest.query)})`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main()
  .then(
    () => cleanup().then(() => 0),
    async (error) => {
      process.stderr.write(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      await cleanup();
      return 1;
    },
  )
  .then((code) => process.exit(code));
