import { ModulesContainer } from '@nestjs/core';
import { JOB_NAMES, type JobStatusView } from '@creneau/contracts';
import { ImportPollerJob } from '../src/agenda/imports/import-poller.job';
import { SlotRuleHorizonJob } from '../src/agenda/slot-rule-horizon.job';
import { JobDefinition, JobRunner } from '../src/jobs/job-runner';
import { SlotReleaseJob } from '../src/jobs/release/slot-release.job';
import { OutboxJob } from '../src/messages/outbox.job';
import { ClockedApp, startClockedApp } from './support/clocked-app';
import { FakeClock } from './support/fake-clock';

const NOW = new Date('2026-11-24T10:00:00Z');

describe('GET /api/jobs/runs: the last run of each job, for the coordinator', () => {
  const clock = new FakeClock(NOW);
  let server: ClockedApp;

  beforeAll(async () => {
    server = await startClockedApp(clock);
  });

  afterAll(() => server.close());

  it('lists every scheduled job the server runs: a job left out of JOB_NAMES would be invisible to the coordinator', () => {
    const scheduled = [...server.app.get(ModulesContainer).values()]
      .flatMap((module) => [...module.providers.values()].map((wrapper) => wrapper.instance as unknown))
      .filter(isJobDefinition)
      .map((job) => job.name);
    expect(new Set(scheduled).size).toBe(scheduled.length);
    expect([...scheduled].sort()).toEqual([...JOB_NAMES].sort());
  });

  it('lists every job, with its last run (rule horizon and import poller included) or none yet', async () => {
    expect(await server.app.get(SlotRuleHorizonJob).tick()).toEqual({
      outcome: 'ok',
      counts: { created: 0, updated: 0, withdrawn: 0 },
    });
    expect(await server.app.get(ImportPollerJob).tick()).toEqual({ outcome: 'ok', counts: { sources: 0, failed: 0 } });
    expect(await server.app.get(OutboxJob).tick()).toEqual({ outcome: 'ok', counts: { sent: 0, retrying: 0, failed: 0 } });
    await server.app.get(SlotReleaseJob).tick();
    clock.set(NOW.getTime() + 60_000);
    await server.app.get(JobRunner).run({
      name: 'slot-release',
      periodMs: 60_000,
      work: () => Promise.reject(new Error('connexion perdue')),
    });

    const { status, body } = await (await server.signedIn('coordinator')).get<JobStatusView[]>('/api/jobs/runs');
    expect(status).toBe(200);
    expect(body.map((job) => job.job)).toEqual([...JOB_NAMES]);
    const byJob = Object.fromEntries(body.map((job) => [job.job, job]));
    expect(byJob['slot-rule-horizon']).toEqual({
      job: 'slot-rule-horizon',
      lastRun: {
        job: 'slot-rule-horizon',
        instance: server.app.get(JobRunner).instance,
        tick: '2026-11-24T10:00:00.000Z',
        startedAt: expect.any(String),
        endedAt: expect.any(String),
        outcome: 'ok',
        counts: { created: 0, updated: 0, withdrawn: 0 },
        error: null,
      },
      lastSuccessAt: byJob['slot-rule-horizon'].lastRun?.endedAt,
    });
    expect(byJob['slot-release']).toMatchObject({
      lastRun: { tick: '2026-11-24T10:01:00.000Z', outcome: 'failed', counts: {}, error: 'connexion perdue' },
      lastSuccessAt: expect.any(String),
    });
    expect(byJob['outbox-send']).toMatchObject({
      lastRun: {
        job: 'outbox-send',
        tick: '2026-11-24T10:00:00.000Z',
        outcome: 'ok',
        counts: { sent: 0, retrying: 0, failed: 0 },
      },
      lastSuccessAt: expect.any(String),
    });
    expect(byJob['retention']).toEqual({ job: 'retention', lastRun: null, lastSuccessAt: null });
  });
});

/** A provider that the runner runs on a schedule: a name, a period, its work and its cron's tick. */
function isJobDefinition(instance: unknown): instance is JobDefinition {
  const job = instance as Partial<JobDefinition & { tick: unknown }> | null;
  return (
    typeof job === 'object' &&
    job !== null &&
    typeof job.name === 'string' &&
    typeof job.periodMs === 'number' &&
    typeof job.work === 'function' &&
    typeof job.tick === 'function'
  );
}
