#!/usr/bin/env node
// Benchmark of the live updates: see docs/benchmarks.md, "Live updates".
//
//   npm run bench:live                                                   # builds the server, then the defaults
//   node bench/live/run.mjs --consoles 100 --bookings 200 --outage 10    # a quicker run (server built)
//
// Two instances of the built server on one database (DATABASE_URL's server, or an embedded PostgreSQL), consoles
// as real socket.io clients, bookings through the HTTP API, everything on 127.0.0.1. Measures the delay from each
// event's commit to its arrival at each console, then drops some consoles for a while, books meanwhile, brings
// them back through the other instance and checks that every console got every event of its audience once, in order.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { findFreePort, openBenchDatabase, withClient } from '../lib/database.mjs';
import { signIn, startServer, stopServer } from '../lib/server.mjs';
import { describeMachine } from '../lib/stats.mjs';
import { allCaughtUp, BenchConsole } from './consoles.mjs';
import { bookingPlan, post } from './workload.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const PASSWORD = 'bench-live-password';
const { values: args } = parseArgs({
  options: {
    consoles: { type: 'string', default: '500' },
    bookings: { type: 'string', default: '1000' },
    /** Bookings started per second: a territory makes about a hundred a day. */
    rate: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '8' },
    dropped: { type: 'string', default: '100' },
    /** Seconds the dropped consoles stay away. */
    outage: { type: 'string', default: '60' },
    'outage-bookings': { type: 'string', default: '200' },
    /** Overall limit in seconds: the run is abandoned (and cleaned up) past it. */
    timeout: { type: 'string', default: '1200' },
  },
});
const N = Object.fromEntries(Object.entries(args).map(([key, value]) => [key, Number(value)]));
const startedAt = Date.now();
const log = (message) => process.stdout.write(`[${((Date.now() - startedAt) / 1000).toFixed(1).padStart(6)} s] ${message}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const database = await openBenchDatabase(log);
  const instances = [];
  const consoles = [];
  const cleanup = async () => {
    for (const console of consoles) console.socket?.disconnect();
    await Promise.all(instances.map((instance) => stopServer(instance)));
    await database.close();
  };
  const abandon = setTimeout(() => {
    log(`over ${N.timeout} s: abandoned`);
    void cleanup().then(() => process.exit(2));
  }, N.timeout * 1000);
  try {
    execFileSync(process.execPath, [join(ROOT, 'dist/server/cli.js'), 'seed:demo'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: database.url, DEMO_PASSWORD: PASSWORD, LOG_LEVEL: 'warn' },
    });
    for (let instance = 0; instance < 2; instance++) {
      instances.push(
        await startServer(ROOT, { port: await findFreePort(), databaseUrl: database.url, env: { LOGIN_RATE_LIMIT: '100000' } }),
      );
    }
    log(`two instances on one database: ${instances.map((instance) => instance.baseUrl).join(', ')}`);
    const results = await measure(database.url, instances, consoles);
    report(results, await machine(database.url, database.embedded));
  } finally {
    clearTimeout(abandon);
    await cleanup();
  }
}

async function measure(databaseUrl, instances, consoles) {
  const urls = instances.map((instance) => instance.baseUrl);
  const db = (sql, params) => withClient(databaseUrl, (client) => client.query(sql, params)).then((result) => result.rows);
  const secretariat = await signIn(urls[0], 'secretariat@creneau.test', PASSWORD);
  const centres = await db(
    `SELECT a.email, c.id, c.name FROM account a JOIN account_centre ac ON ac.account_id = a.id JOIN centre c ON c.id = ac.centre_id
      WHERE a.role = 'centre' ORDER BY c.name`,
  );
  const centreCookies = new Map();
  for (const centre of centres) centreCookies.set(centre.id, (await signIn(urls[1], centre.email, PASSWORD)).cookie);

  const total = N.bookings + N['outage-bookings'];
  log(`setting up ${total} requests (API) and slots (SQL)`);
  const plan = await bookingPlan(db, secretariat, urls, total);

  // 70 % of the consoles are the secretariat's (the whole territory), the rest spread over the centres' staff.
  for (let index = 0; index < N.consoles; index++) {
    const centre = index % 10 < 7 ? null : centres[index % centres.length];
    const audience = centre?.id ?? 'territory';
    consoles.push(new BenchConsole(`console-${index}`, audience, centre ? centreCookies.get(centre.id) : secretariat.cookie));
  }
  for (let index = 0; index < consoles.length; index += 50) {
    await Promise.all(consoles.slice(index, index + 50).map((console, offset) => console.connect(urls[(index + offset) % 2])));
  }
  const [{ head }] = await db(`SELECT coalesce(max(id), 0)::int AS head FROM live_event`);
  log(
    `${consoles.length} consoles connected (${consoles.filter((c) => c.audience === 'territory').length} secretariat), head ${head}`,
  );

  // Phase 1: latency while every console is connected.
  const probe = await startProbe(urls[1], secretariat.cookie);
  for (const console of consoles) console.measuring = true;
  probe.postMessage('start');
  const phase1 = await book(plan.slice(0, N.bookings), N.rate, urls, secretariat);
  const expected1 = await expectations(db, head);
  const behind1 = await allCaughtUp(consoles, expected1, 60_000);
  for (const console of consoles) console.measuring = false;
  const probeLatencies = await stopProbe(probe);
  const latencies = Float64Array.from(consoles.flatMap((console) => console.latencies)).sort();
  log(
    `phase 1: ${phase1.ok} bookings in ${phase1.seconds.toFixed(1)} s, ${latencies.length} deliveries, ${behind1} consoles behind`,
  );

  // Phase 2: some consoles drop for a while, bookings go on, they come back through the other instance.
  // Spread over both instances and both audiences (index % 10 < 7 is the secretariat).
  const step = Math.max(1, Math.floor(consoles.length / N.dropped));
  const dropped = consoles.filter((_, index) => index % step === Math.min(3, step - 1)).slice(0, N.dropped);
  for (const console of dropped) console.disconnect();
  const droppedAt = Date.now();
  log(`phase 2: ${dropped.length} consoles dropped for ${N.outage} s`);
  const outageRate = N['outage-bookings'] / Math.max(1, N.outage * 0.6);
  const phase2 = await book(plan.slice(N.bookings), outageRate, urls, secretariat);
  await sleep(Math.max(0, droppedAt + N.outage * 1000 - Date.now()));
  await Promise.all(dropped.map((console) => console.connect(urls[(consoles.indexOf(console) + 1) % 2])));
  const expected2 = await expectations(db, head);
  const behind2 = await allCaughtUp(consoles, expected2, 60_000);
  const checks = consoles.map((console) => ({ console, ...console.check(expected2(console)) }));
  const sum = (list, key) => list.reduce((total, check) => total + check[key], 0);
  const droppedChecks = checks.filter((check) => dropped.includes(check.console));
  const replayed = dropped.map((console) => console.answers.at(-1));
  log(`phase 2: ${phase2.ok} bookings; back after ${((Date.now() - droppedAt) / 1000).toFixed(0)} s, ${behind2} consoles behind`);

  return {
    consoles: consoles.length,
    secretariatConsoles: consoles.filter((console) => console.audience === 'territory').length,
    bookings: { phase1, phase2 },
    latencyMs: stats(latencies),
    probeLatencyMs: stats(Float64Array.from(probeLatencies).sort()),
    deliveries: latencies.length,
    events: { phase1: expected1({ audience: 'territory' }).length, total: expected2({ audience: 'territory' }).length },
    outage: {
      consoles: dropped.length,
      seconds: N.outage,
      resync: replayed.filter((answer) => answer.status === 'resync').length,
      replayed: stats(Float64Array.from(replayed.map((answer) => answer.replayed ?? 0)).sort()),
      missing: sum(droppedChecks, 'missing'),
      duplicated: sum(droppedChecks, 'duplicated'),
      outOfOrder: sum(droppedChecks, 'outOfOrder'),
    },
    allConsoles: {
      missing: sum(checks, 'missing'),
      duplicated: sum(checks, 'duplicated'),
      outOfOrder: sum(checks, 'outOfOrder'),
      unexpected: sum(checks, 'unexpected'),
    },
    parameters: N,
  };
}

/** Books the plan at `rate` a second, at most `concurrency` at once, alternating the instances. */
async function book(plan, rate, urls, secretariat) {
  const began = Date.now();
  const durations = [];
  const statuses = {};
  let inFlight = 0;
  const running = [];
  for (const [index, item] of plan.entries()) {
    await sleep(Math.max(0, began + (index * 1000) / rate - Date.now()));
    while (inFlight >= N.concurrency) await Promise.race(running);
    inFlight++;
    const started = Date.now();
    const call = post(urls[index % 2], secretariat, '/api/appointments', item, { 'idempotency-key': `bench-${item.slotId}` })
      .then(({ status }) => {
        durations.push(Date.now() - started);
        statuses[status] = (statuses[status] ?? 0) + 1;
      })
      .finally(() => {
        inFlight--;
        running.splice(running.indexOf(call), 1);
      });
    running.push(call);
  }
  await Promise.all(running);
  return {
    ok: statuses[201] ?? 0,
    statuses,
    seconds: (Date.now() - began) / 1000,
    httpMs: stats(Float64Array.from(durations).sort()),
  };
}

/** The ids each audience should receive after `head`, from the table itself. */
async function expectations(db, head) {
  const rows = await db(`SELECT id::int, centre_ids FROM live_event WHERE id > $1 ORDER BY id`, [head]);
  const all = rows.map((row) => row.id);
  const byCentre = new Map();
  for (const row of rows) for (const centre of row.centre_ids) byCentre.set(centre, [...(byCentre.get(centre) ?? []), row.id]);
  return (console) => (console.audience === 'territory' ? all : (byCentre.get(console.audience) ?? []));
}

/** The probe console, in a worker thread (probe.mjs). */
async function startProbe(url, cookie) {
  const worker = new Worker(new URL('./probe.mjs', import.meta.url), { workerData: { url, cookie } });
  await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return worker;
}

async function stopProbe(worker) {
  const latencies = new Promise((resolve) => worker.once('message', resolve));
  worker.postMessage('stop');
  const result = await latencies;
  await worker.terminate();
  return result;
}

function stats(sorted) {
  const at = (share) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] : null);
  return {
    count: sorted.length,
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    max: sorted.length ? sorted[sorted.length - 1] : null,
  };
}

async function machine(databaseUrl, embedded) {
  const [{ server_version: version }] = await withClient(databaseUrl, (client) => client.query('SHOW server_version')).then(
    (result) => result.rows,
  );
  return {
    ...describeMachine(),
    nproc: Number(execFileSync('nproc').toString().trim()),
    postgres: `PostgreSQL ${version}${embedded ? ' (embedded)' : ''}`,
    loadAverage: loadavg()
      .map((load) => load.toFixed(2))
      .join(' '),
  };
}

function report(results, host) {
  const directory = join(ROOT, 'bench/results');
  mkdirSync(directory, { recursive: true });
  const file = join(directory, `live-${new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19)}.json`);
  writeFileSync(file, `${JSON.stringify({ host, ...results }, null, 2)}\n`);
  const { latencyMs: l, outage: o, allConsoles: a } = results;
  process.stdout.write(
    [
      '',
      `machine: ${host.nproc} CPUs (${host.cpuModel}), ${host.memory}, Node ${host.node}, ${host.postgres}, load ${host.loadAverage}`,
      `commit → console, ${results.deliveries} deliveries: p50 ${l.p50} ms, p90 ${l.p90} ms, p99 ${l.p99} ms, max ${l.max} ms`,
      `commit → probe console (a thread of its own), ${results.probeLatencyMs.count} events: p50 ${results.probeLatencyMs.p50} ms, p99 ${results.probeLatencyMs.p99} ms, max ${results.probeLatencyMs.max} ms`,
      `bookings: ${JSON.stringify(results.bookings.phase1.statuses)} in ${results.bookings.phase1.seconds.toFixed(1)} s, HTTP p50 ${results.bookings.phase1.httpMs.p50} ms, p99 ${results.bookings.phase1.httpMs.p99} ms`,
      `outage: ${o.consoles} consoles for ${o.seconds} s, ${results.bookings.phase2.ok} bookings meanwhile; resync ${o.resync}, replayed p50 ${o.replayed.p50}, max ${o.replayed.max}; missing ${o.missing}, duplicated ${o.duplicated}, out of order ${o.outOfOrder}`,
      `every console: missing ${a.missing}, duplicated ${a.duplicated}, out of order ${a.outOfOrder}, unexpected ${a.unexpected}`,
      `results: ${file}`,
      '',
    ].join('\n'),
  );
  if (o.missing + o.duplicated + o.outOfOrder + a.missing + a.duplicated + a.outOfOrder + a.unexpected > 0) process.exitCode = 1;
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
