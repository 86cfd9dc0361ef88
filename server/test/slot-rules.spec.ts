import type { SlotRuleView, SlotView } from '@creneau/contracts';
import { SlotRulesService } from '../src/agenda/slot-rules.service';
import { ApiClient } from './support/api-client';
import { demoCentreIds, DemoCentreKey } from './support/agenda-fixtures';
import { DEMO_TEST_PASSWORD, startTestApp, TestApp } from './support/test-app';

interface RuleChange {
  rule: SlotRuleView;
  slots: { created: number; updated: number; withdrawn: number };
}

const localDate = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('recurring rules', () => {
  let server: TestApp;
  let hospitalStaff: ApiClient;
  let centres: Record<DemoCentreKey, string>;

  const slotsOf = async (ruleId: string, status = 'open') =>
    (await server.dataSource.query(
      `SELECT id, starts_at, booked_count, status FROM slot WHERE rule_id = $1 AND status = $2 ORDER BY starts_at`,
      [ruleId, status],
    )) as { id: string; starts_at: Date; booked_count: number; status: string }[];

  beforeAll(async () => {
    server = await startTestApp({ seedDemo: true });
    hospitalStaff = await server.client().login('imagerie.hopital@creneau.test', DEMO_TEST_PASSWORD);
    centres = await demoCentreIds(server.dataSource);
  });

  afterAll(() => server.close());

  const schedule = (startLocal: string) => {
    const { centreId: _centre, modality: _modality, ...rest } = dailyRule(startLocal);
    return rest;
  };
  const dailyRule = (startLocal: string) => ({
    centreId: centres.hospital,
    modality: 'ct',
    rrule: 'FREQ=DAILY',
    startLocal,
    durationMinutes: 30,
    validFrom: localDate(1),
    validUntil: localDate(60),
    exceptions: [localDate(3)],
    reason: 'créneaux semi-urgents du scanner',
  });

  it('publishes a rule’s slots over the next 21 days, in local time, skipping its exceptions, idempotently', async () => {
    const created = await hospitalStaff.post<RuleChange>('/api/slot-rules', dailyRule('11:00'));
    expect(created.status).toBe(201);
    const slots = await slotsOf(created.body.rule.id);
    expect(created.body.slots).toEqual({ created: slots.length, updated: 0, withdrawn: 0 });
    expect(slots.length).toBeGreaterThanOrEqual(18);
    expect(slots.length).toBeLessThanOrEqual(20);
    for (const slot of slots) {
      expect(slot.starts_at.toLocaleTimeString('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' })).toBe(
        '11:00',
      );
    }
    const days = slots.map((slot) => slot.starts_at.toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' }));
    expect(days).not.toContain(localDate(3));

    expect(await server.app.get(SlotRulesService).materialiseAll()).toEqual({ created: 0, updated: 0, withdrawn: 0 });
    expect(await slotsOf(created.body.rule.id)).toHaveLength(slots.length);
  });

  it('moves the future free slots when the rule changes, and never a booked one', async () => {
    const created = await hospitalStaff.post<RuleChange>('/api/slot-rules', dailyRule('14:00'));
    const [booked, ...free] = await slotsOf(created.body.rule.id);
    await server.dataSource.query(`UPDATE slot SET booked_count = 1 WHERE id = $1`, [booked.id]);

    const edited = await hospitalStaff.patch<RuleChange>(`/api/slot-rules/${created.body.rule.id}`, {
      ...schedule('15:30'),
      reason: 'le scanner ouvre plus tard',
    });
    expect(edited.status).toBe(200);
    expect(edited.body.rule).toMatchObject({ startLocal: '15:30', version: 2 });
    expect(edited.body.slots.withdrawn).toBe(free.length);

    const open = await slotsOf(created.body.rule.id);
    const stillBooked = open.find((slot) => slot.id === booked.id);
    expect(stillBooked?.starts_at).toEqual(booked.starts_at);
    const times = open
      .filter((slot) => slot.id !== booked.id)
      .map((slot) =>
        slot.starts_at.toLocaleTimeString('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }),
      );
    expect(new Set(times)).toEqual(new Set(['15:30']));

    // Back to 14:00: the slots the change withdrew open again, rather than piling up.
    const back = await hospitalStaff.patch<RuleChange>(`/api/slot-rules/${created.body.rule.id}`, {
      ...schedule('14:00'),
      reason: 'retour',
    });
    expect(back.body).toMatchObject({ slots: { updated: free.length } });
  });

  it('stops a rule: its future free slots are withdrawn, its booked ones stay', async () => {
    const created = await hospitalStaff.post<RuleChange>('/api/slot-rules', dailyRule('09:00'));
    const [booked] = await slotsOf(created.body.rule.id);
    await server.dataSource.query(`UPDATE slot SET booked_count = 1 WHERE id = $1`, [booked.id]);
    const stopped = await hospitalStaff.post<RuleChange>(`/api/slot-rules/${created.body.rule.id}/stop`, {
      reason: 'fin de l’expérimentation',
    });
    expect(stopped.status).toBe(201);
    expect(stopped.body.rule.stopped).toBe(true);
    expect((await slotsOf(created.body.rule.id)).map((slot) => slot.id)).toEqual([booked.id]);
    expect(await server.app.get(SlotRulesService).materialiseAll()).toMatchObject({ created: 0 });
  });

  it('keeps 11:00 at 11:00 across the spring DST change', async () => {
    const created = await hospitalStaff.post<RuleChange>('/api/slot-rules', {
      ...dailyRule('11:00'),
      rrule: 'FREQ=WEEKLY;BYDAY=SA,MO',
      validFrom: '2027-03-01',
      validUntil: '2027-04-30',
      exceptions: [],
    });
    await server.app.get(SlotRulesService).materialiseAll(new Date('2027-03-22T00:00:00Z'));
    const starts = (await slotsOf(created.body.rule.id)).map((slot) => slot.starts_at.toISOString());
    expect(starts).toEqual(expect.arrayContaining(['2027-03-27T10:00:00.000Z', '2027-03-29T09:00:00.000Z']));
  });

  it('answers a bad rule with the fields at fault, and previews without saving', async () => {
    const bad = await hospitalStaff.post<{ fields: Record<string, string[]> }>('/api/slot-rules', {
      ...dailyRule('11:00'),
      rrule: 'FREQ=SOMETIMES',
      startLocal: '25:00',
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['startLocal']);
    const badRule = await hospitalStaff.post<{ fields: Record<string, string[]> }>('/api/slot-rules', {
      ...dailyRule('11:00'),
      rrule: 'FREQ=SOMETIMES',
    });
    expect(badRule.status).toBe(400);
    expect(badRule.body.fields).toHaveProperty('rrule');
    expect(
      (await hospitalStaff.post('/api/slot-rules', { ...dailyRule('11:00'), modality: 'mri', indications: ['renal-colic'] }))
        .status,
    ).toBe(422);

    const before = await server.dataSource.query(`SELECT count(*)::int AS n FROM slot`);
    const preview = await hospitalStaff.post<{ start: string }[]>(`/api/centres/${centres.hospital}/slot-rules/preview`, {
      rrule: 'FREQ=WEEKLY;BYDAY=TU',
      startLocal: '08:15',
      durationMinutes: 20,
      validFrom: localDate(0),
    });
    expect(preview.status).toBe(201);
    expect(preview.body.length).toBeGreaterThanOrEqual(2);
    expect(await server.dataSource.query(`SELECT count(*)::int AS n FROM slot`)).toEqual(before);

    const rules = await hospitalStaff.get<SlotRuleView[]>(`/api/centres/${centres.hospital}/slot-rules`);
    expect(rules.body.length).toBeGreaterThanOrEqual(4);
    const other = await server.client().login('radiologie.essarts@creneau.test', DEMO_TEST_PASSWORD);
    expect((await other.get<SlotView[]>(`/api/centres/${centres.hospital}/slot-rules`)).status).toBe(403);
    expect((await other.post(`/api/slot-rules/${rules.body[0].id}/stop`, { reason: 'pas le mien' })).status).toBe(403);
  });
});
