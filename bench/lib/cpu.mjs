// /proc accounting, shared by the benches: CPU seconds of the load generator (this process), the servers, and the
// bench database's PostgreSQL backends, so that a run can say where its CPU went, per request.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { withClient } from './database.mjs';

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS; // utime + stime
  } catch {
    return 0; // gone
  }
}

function machineCpu() {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const idle = fields[3] + fields[4];
  const total = fields.reduce((sum, value) => sum + value, 0);
  return { idle: idle / CLOCK_TICKS, total: total / CLOCK_TICKS };
}

/** CPU seconds so far of this process, the server processes `serverPids` (summed) and the database's backends (by pid). */
export async function cpuSnapshot(database, serverPids) {
  const backends = await withClient(database.url, async (client) => {
    const { rows } = await client.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [
      database.name,
    ]);
    return rows.map((row) => row.pid);
  });
  return {
    loadGenerator: cpuSeconds(process.pid),
    server: serverPids.reduce((sum, pid) => sum + cpuSeconds(pid), 0),
    postgres: new Map(backends.map((pid) => [pid, cpuSeconds(pid)])),
    backends,
    machine: machineCpu(),
    loadAverage: Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]),
  };
}

/** PostgreSQL's CPU seconds between two snapshots; a backend that came up in between counts from zero. */
export function postgresSecondsBetween(before, after) {
  return [...after.postgres].reduce((sum, [pid, total]) => sum + total - (before.postgres.get(pid) ?? 0), 0);
}

/** Milliseconds of CPU per operation between two snapshots, by who. */
export function cpuMsPer(before, after, operations) {
  const ms = (seconds) => Math.round((seconds * 1_000_000) / operations) / 1000;
  return {
    server: ms(after.server - before.server),
    postgres: ms(postgresSecondsBetween(before, after)),
    loadGenerator: ms(after.loadGenerator - before.loadGenerator),
  };
}
