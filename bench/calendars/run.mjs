#!/usr/bin/env node
// Benchmark of the calendar feeds: see docs/benchmarks.md, "Calendar feeds".
//
//   npm run bench:calendars                    # builds the server, then runs this with the defaults
//   node bench/calendars/run.mjs --runs 20     # quicker, the server already built
//
// 1. generation: the server's mapping and writer in this process, on 2,000 events' rows (median of --runs);
//    with --compare, the two obvious alternatives it replaced (Luxon dates; ical-generator's own toString).
// 2. http: the built server on a real PostgreSQL (DATABASE_URL's server, else an embedded one), a centre whose
//    feed holds 2,000 events, read one request at a time: 200s, then 304s with If-None-Match.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findFreePort, openBenchDatabase } from '../lib/database.mjs';
import { feedRows, loadWriter, renderFeed, renderPlainIcalGenerator, renderWithLuxonDates } from './generation.mjs';
import { seedFeed } from './seed.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '100' },
    warmup: { type: 'string', default: '10' },
    compare: { type: 'boolean', default: true },
    http: { type: 'boolean', default: true },
  },
  allowNegative: true,
});
const events = Number(args.events);
const runs = Number(args.runs);
const warmup = Number(args.warmup);
const log = (message) => process.stdout.write(`[bench] ${message}\n`);

const machine = {
  nproc: cpus().length,
  memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  cpu: cpus()[0]?.model ?? 'unknown',
  node: process.version,
  loadAverage: loadavg().map((load) => Math.round(load * 100) / 100),
};
log(`machine: ${JSON.stringify(machine)}`);

const results = { date: new Date().toISOString(), machine, events, runs, generation: {}, http: null };

// 1. In-process generation, across the October change of summer time for good measure.
const writer = loadWriter(ROOT);
const rows = feedRows(events, new Date('2026-10-20T07:00:00Z'));
const text = renderFeed(writer, rows);
const vevents = text.split('BEGIN:VEVENT').length - 1;
if (vevents !== events) throw new Error(`expected ${events} events, got ${vevents}`);
results.generation.writer = { ...time(() => renderFeed(writer, rows), runs, warmup), bytes: Buffer.byteLength(text) };
log(`writer: ${format(results.generation.writer)}, ${results.generation.writer.bytes} bytes`);
if (args.compare) {
  results.generation.luxonDates = time(() => renderWithLuxonDates(writer, rows), Math.min(runs, 30), 3);
  log(`with Luxon dates: ${format(results.generation.luxonDates)}`);
  results.generation.plainIcalGenerator = time(() => renderPlainIcalGenerator(writer, rows), 5, 1);
  log(`plain ical-generator toString(): ${format(results.generation.plainIcalGenerator)}`);
}

// 2. Through HTTP, on the built server.
if (args.http) results.http = await httpPhase();

const directory = join(ROOT, 'bench/results');
mkdirSync(directory, { recursive: true });
const file = join(directory, `calendars-${results.date.replace(/[:.]/g, '-')}.json`);
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
log(`results in ${file}`);

async function httpPhase() {
  const main = join(ROOT, 'dist/server/main.js');
  if (!existsSync(main)) throw new Error('dist/server/main.js is missing: run `npm run bench:calendars` (it builds the server).');
  const database = await openBenchDatabase(log);
  let server;
  try {
    const port = await findFreePort();
    server = spawn(process.execPath, [main], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        PORT: String(port),
        DEMO: 'false',
        JOBS_ENABLED: 'false',
        LOG_LEVEL: 'warn',
        CONSOLE_DIR: '/nonexistent',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const base = `http://127.0.0.1:${port}`;
    await waitForHealth(base, server);
    const feed = await seedFeed(database.url, events);
    log(`seeded ${feed.rows} rows; reading ${feed.path.replace(/token=.*$/, 'token=…')}`);
    const first = await fetch(base + feed.path);
    const body = await first.text();
    const count = body.split('BEGIN:VEVENT').length - 1;
    if (first.status !== 200 || count !== events) throw new Error(`feed answered ${first.status} with ${count} events`);
    const etag = first.headers.get('etag');
    const full = await timeAsync(async () => {
      const response = await fetch(base + feed.path);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`status ${response.status}`);
    });
    log(`GET 200: ${format(full)}, ${Buffer.byteLength(body)} bytes`);
    const notModified = await timeAsync(async () => {
      const response = await fetch(base + feed.path, { headers: { 'if-none-match': etag } });
      await response.arrayBuffer();
      if (response.status !== 304) throw new Error(`status ${response.status}`);
    });
    log(`GET 304: ${format(notModified)}`);
    return { events: count, bytes: Buffer.byteLength(body), ok: full, notModified };
  } finally {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
    await database.close();
  }
}

function time(work, count, warm) {
  for (let index = 0; index < warm; index++) work();
  const wall = [];
  const cpu = [];
  for (let index = 0; index < count; index++) {
    const start = process.hrtime.bigint();
    const used = process.cpuUsage();
    work();
    const spent = process.cpuUsage(used);
    wall.push(Number(process.hrtime.bigint() - start) / 1e6);
    cpu.push((spent.user + spent.system) / 1e3);
  }
  return { ...stats(wall), cpuMedianMs: stats(cpu).medianMs };
}

async function timeAsync(work) {
  for (let index = 0; index < warmup; index++) await work();
  const samples = [];
  for (let index = 0; index < runs; index++) {
    const start = process.hrtime.bigint();
    await work();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return stats(samples);
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (quantile) => sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))];
  const round = (value) => Math.round(value * 10) / 10;
  return {
    runs: sorted.length,
    medianMs: round(at(0.5)),
    p90Ms: round(at(0.9)),
    minMs: round(sorted[0]),
    maxMs: round(sorted.at(-1)),
  };
}

function format(result) {
  const cpu = result.cpuMedianMs === undefined ? '' : `, CPU median ${result.cpuMedianMs} ms`;
  return `median ${result.medianMs} ms, p90 ${result.p90Ms} ms, min ${result.minMs} ms${cpu} (${result.runs} runs)`;
}

async function waitForHealth(base, server) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    const ok = await fetch(`${base}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the server did not answer /api/health within 60 s');
}
