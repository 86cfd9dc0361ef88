// Booking benchmark: throughput on distinct slots, and latency when 10 telesecretaries fight for one slot.
// Usage: npm run bench:booking [-- --bookings 3000 --concurrency 32 --rounds 1000]
// DATABASE_URL: its server (a fresh database is created and dropped there); unset: an embedded PostgreSQL.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { cpuMsPer, cpuSnapshot } from '../lib/cpu.mjs';
import { findFreePort, openBenchDatabase, withClient } from '../lib/database.mjs';
import { signIn, startServer, stopServer } from '../lib/server.mjs';
import { describeMachine, summary } from '../lib/stats.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const PASSWORD = 'bench-password';
const CONTENDERS = 10;
const log = (message) => process.stdout.write(`[bench:booking] ${message}\n`);

const { values: args } = parseArgs({
  options: {
    bookings: { type: 'string', default: '3000' },
    concurrency: { type: 'string', default: '32' },
    rounds: { type: 'string', default: '1000' },
    /** Server instances on the one database (as `npm run start:cluster` runs them): clients take them in turn. */
    instances: { type: 'string', default: '1' },
  },
});
const BOOKINGS = Number(args.bookings);
const CONCURRENCY = Number(args.concurrency);
const ROUNDS = Number(args.rounds);
const INSTANCES = Number(args.instances);

async function main() {
  log('building the server');
  execFileSync('npx', ['nx', 'build', 'server'], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, NX_DAEMON: 'false' } });
  const database = await openBenchDatabase(log);
  let servers = [];
  let drains;
  try {
    execFileSync(process.execPath, [join(ROOT, 'dist/server/cli.js'), 'migrate'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'warn' },
    });
    log('seeding');
    const seeded = await withClient(database.url, (client) => seed(client));
    for (let instance = 0; instance < INSTANCES; instance++) {
      servers.push(await startServer(ROOT, { port: await findFreePort(), databaseUrl: database.url }));
    }
    const baseUrls = servers.map((server) => server.baseUrl);
    const secretaries = await Promise.all(seeded.secretaries.map((email) => signIn(baseUrls[0], email, PASSWORD)));

    log(`throughput: ${BOOKINGS} bookings of distinct slots, ${CONCURRENCY} at a time, ${INSTANCES} instance(s)`);
    drains = await startEvaluationDrains(database.url);
    const statements = await withClient(database.url, (client) => resetStatements(client));
    const serverPids = servers.map((server) => server.child.pid);
    let before = await cpuSnapshot(database, serverPids);
    const throughput = await distinctSlots(baseUrls, secretaries, seeded.distinct);
    throughput.evaluationRowsRefreshed = await drains.catchUp();
    throughput.cpuMsPerBooking = cpuMsPer(before, await cpuSnapshot(database, serverPids), BOOKINGS);
    if (statements) throughput.database = await withClient(database.url, (client) => topStatements(client, BOOKINGS));
    log(`contention: ${ROUNDS} rounds of ${CONTENDERS} clients on one slot`);
    before = await cpuSnapshot(database, serverPids);
    const contention = await contendedSlots(baseUrls, secretaries, seeded.contended);
    await drains.catchUp();
    contention.cpuMsPerAttempt = cpuMsPer(before, await cpuSnapshot(database, serverPids), ROUNDS * CONTENDERS);
    const overbooked = await withClient(database.url, (client) =>
      client.query(`SELECT count(*)::int AS n FROM slot s WHERE s.booked_count > s.capacity
                      OR s.booked_count <> (SELECT count(*) FROM appointment a WHERE a.slot_id = s.id AND a.status IN ('booked','confirmed'))`),
    );

    const results = {
      date: new Date().toISOString(),
      machine: describeMachine(),
      postgres: seeded.postgres,
      embedded: database.embedded,
      throughput,
      contention,
      overbookedSlots: overbooked.rows[0].n,
    };
    mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
    const file = join(ROOT, 'bench/results', `booking-${results.date.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify(results, null, 2));
    log(JSON.stringify({ throughput, contention, overbookedSlots: results.overbookedSlots }, null, 2));
    log(`results: ${file}`);
  } finally {
    agent.destroy();
    await drains?.stop();
    await Promise.all(servers.map((server) => stopServer(server)));
    await database.close();
  }
}

/**
 * What the server's evaluation-refresh job does every minute, here every 5 s (the bench's server runs no jobs): refresh the evaluation
 * rows queued by the bookings; `catchUp` drains what is left at the end of a phase, so that the refresh of every row
 * written counts in PostgreSQL's CPU (the drainer's backend is one of the bench database's). A build from before the
 * queue (migration 1764160000000) refreshes the rows in the booking's own statement: nothing to do then.
 */
async function startEvaluationDrains(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(`SELECT to_regproc('request_evaluation_drain') IS NOT NULL AS queued`);
  const drain = async (wait) =>
    rows[0].queued ? ((await client.query(`SELECT request_evaluation_drain($1) AS n`, [wait])).rows[0].n ?? 0) : null;
  // The seeded requests, queued by their inserts: refreshed before the measure, as the triggers did while seeding.
  await drain(true);
  let refreshed = 0;
  let running = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(async () => void (refreshed += (await drain(false)) ?? 0));
  }, 5_000);
  return {
    /** The evaluation rows refreshed since the last call (null before the queue). */
    async catchUp() {
      await running;
      const last = await drain(true);
      const total = last === null ? null : refreshed + last;
      refreshed = 0;
      return total;
    },
    async stop() {
      clearInterval(timer);
      await running;
      await client.end();
    },
  };
}

/** Starts pg_stat_statements afresh; false when the server does not preload it (DATABASE_URL's may not). */
async function resetStatements(client) {
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await client.query('SELECT pg_stat_statements_reset()');
    return true;
  } catch {
    return false;
  }
}

/** Where the database's time goes per booking: the ten statements that took most of it. */
async function topStatements(client, bookings) {
  const { rows } = await client.query(
    `SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 120) AS query, calls,
            round(((total_plan_time + total_exec_time) / $1)::numeric, 3)::float8 AS ms_per_booking,
            round((total_exec_time / greatest(calls, 1))::numeric, 3)::float8 AS exec_ms_per_call
       FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
      ORDER BY total_plan_time + total_exec_time DESC LIMIT 40`,
    [bookings],
  );
  return rows;
}

/** One territory and centre, ten secretaries, bookable CT requests and slots within the next 48 h. */
async function seed(client) {
  const hash = await require('@node-rs/argon2').hash(PASSWORD);
  const postgres = (await client.query('SHOW server_version')).rows[0].server_version;
  const territory = (
    await client.query(
      `INSERT INTO territory (name, timezone, target_delay_hours, maximum_delay_hours) VALUES ('Bench', 'Europe/Paris', 48, 72) RETURNING id`,
    )
  ).rows[0].id;
  const centre = (
    await client.query(
      `INSERT INTO centre (territory_id, name, sector, organisation, street_address, postcode, city, latitude, longitude, phone, secure_email,
         modalities, wheelchair_accessible, stretcher_accessible, accepts_mr_conditional_pacemaker)
       VALUES ($1, 'Bench imaging', 'public', 'Bench', '1 rue du Banc', '85000', 'La Roche-sur-Yon', 46.67, -1.43, '+33 2 51 00 00 00', 'b@x.test',
         '{radiography,ultrasound,ct,mri}', true, true, true) RETURNING id`,
      [territory],
    )
  ).rows[0].id;
  const secretaries = Array.from({ length: CONTENDERS }, (_, index) => `bench-secretary-${index}@creneau.test`);
  for (const email of secretaries) {
    await client.query(`INSERT INTO account (email, display_name, role, password_hash) VALUES ($1, $1, 'secretariat', $2)`, [
      email,
      hash,
    ]);
  }
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
  const form = {
    doctor: { name: 'Dr Banc', rpps: '10001234567', phone: '02 51 12 34 56' },
    requestDate: today,
    patient: {
      lastName: 'Banc',
      firstName: 'Test',
      birthDate: '1960-01-01',
      address: { street: '1 rue du Banc', postalCode: '85000', city: 'La Roche-sur-Yon' },
      phone: '06 12 34 56 78',
      email: null,
      ambulatory: true,
      mobilityAid: null,
      pregnant: 'no',
      pacemaker: false,
    },
    exam: { modality: 'ct', anatomicalRegion: 'Abdomen', contrast: false },
    suspectedDiagnosis: { code: 'renal-colic', otherText: null },
    clinicalElements: 'Banc d’essai.',
    contrastWorkup: null,
    allergies: { contrastAgent: false, details: null },
    channel: 'phone',
  };
  const requests = BOOKINGS + ROUNDS * CONTENDERS;
  const requestIds = (
    await client.query(
      `INSERT INTO imaging_request (reference, territory_id, status, readiness, form, modality, suspected_diagnosis, doctor_rpps, doctor_name,
         patient_name, channel, received_at, target_at, maximum_at)
       SELECT 'BENCH-' || n, $1, 'to-book', 'bookable', $2, 'ct', 'renal-colic', '10001234567', 'Dr Banc', 'BANC Test', 'phone',
              now(), now() + interval '48 hours', now() + interval '72 hours'
         FROM generate_series(1, $3) AS n ORDER BY n RETURNING id`,
      [territory, JSON.stringify(form), requests],
    )
  ).rows.map((row) => row.id);
  // Slots spread over the next 40 hours: the distinct ones, then one per contention round.
  const slotIds = (
    await client.query(
      `INSERT INTO slot (centre_id, modality, starts_at, ends_at, release_at, origin)
       SELECT $1, 'ct', now() + interval '3 hours' + n * interval '1 second', now() + interval '3 hours 20 minutes' + n * interval '1 second',
              now() + interval '1 hour', 'manual'
         FROM generate_series(1, $2) AS n ORDER BY n RETURNING id`,
      [centre, BOOKINGS + ROUNDS],
    )
  ).rows.map((row) => row.id);
  await client.query('ANALYZE');
  return {
    postgres,
    secretaries,
    distinct: requestIds.slice(0, BOOKINGS).map((requestId, index) => ({ requestId, slotId: slotIds[index] })),
    contended: Array.from({ length: ROUNDS }, (_, round) => ({
      slotId: slotIds[BOOKINGS + round],
      requestIds: requestIds.slice(BOOKINGS + round * CONTENDERS, BOOKINGS + (round + 1) * CONTENDERS),
    })),
  };
}

/**
 * The load generator shares the machine's two cores with the server and PostgreSQL, so it must cost little: node:http
 * on kept-alive connections: about half the CPU per call of `fetch` here (1.5 → 0.85 ms per booking, 0.7 → 0.4 ms
 * per contended attempt).
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function book(baseUrl, headers, requestId, slotId) {
  const started = performance.now();
  const body = JSON.stringify({ requestId, slotId });
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${baseUrl}/api/appointments`,
      {
        method: 'POST',
        agent,
        headers: { ...headers, 'idempotency-key': randomUUID(), 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode, ms: performance.now() - started }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

async function distinctSlots(baseUrls, secretaries, pairs) {
  const latencies = [];
  const statuses = {};
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, worker) => {
      while (next < pairs.length) {
        const { requestId, slotId } = pairs[next++];
        const baseUrl = baseUrls[worker % baseUrls.length];
        const { status, ms } = await book(baseUrl, secretaries[worker % secretaries.length], requestId, slotId);
        latencies.push(ms);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    bookings: pairs.length,
    concurrency: CONCURRENCY,
    instances: baseUrls.length,
    perSecond: Math.round(pairs.length / seconds),
    latencyMs: summary(latencies),
    statuses,
  };
}

async function contendedSlots(baseUrls, secretaries, rounds) {
  const latencies = [];
  const statuses = {};
  let roundsWithOneWinner = 0;
  for (const { slotId, requestIds } of rounds) {
    const answers = await Promise.all(
      requestIds.map((requestId, index) => book(baseUrls[index % baseUrls.length], secretaries[index], requestId, slotId)),
    );
    for (const { status, ms } of answers) {
      latencies.push(ms);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
    if (answers.filter((answer) => answer.status === 201).length === 1) roundsWithOneWinner++;
  }
  return { rounds: rounds.length, clients: CONTENDERS, roundsWithOneWinner, latencyMs: summary(latencies), statuses };
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});
