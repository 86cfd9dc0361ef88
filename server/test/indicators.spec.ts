import type { IndicatorsReport } from '@creneau/contracts';
import { ApiClient } from './support/api-client';
import { demoCentreIds, type DemoCentreKey } from './support/agenda-fixtures';
import { KNOWN_PERIOD, writeKnownHistory } from './support/known-history';
import { startTestApp, TestApp } from './support/test-app';

const share = (count: number, of: number) => ({ count, share: Math.round((count / of) * 10_000) / 10_000 });

/** Every figure below is computed by hand from support/known-history.ts, whose comments give each delay. */
describe('indicators over a known history', () => {
  let server: TestApp;
  let coordinator: ApiClient;
  let centres: Record<DemoCentreKey, string>;
  let report: IndicatorsReport;

  const indicators = async (query: Record<string, string>) => {
    const response = await coordinator.get<IndicatorsReport>(
      `/api/indicators?${new URLSearchParams({ ...KNOWN_PERIOD, ...query })}`,
    );
    expect(response.status).toBe(200);
    return response.body;
  };

  beforeAll(async () => {
    server = await startTestApp({ seedDemo: true });
    centres = await demoCentreIds(server.dataSource);
    await writeKnownHistory(server.dataSource);
    coordinator = await server.signedIn('coordinator');
    report = await indicators({});
  });

  afterAll(() => server.close());

  it('counts the requests of the period in local days: 23:30 on 28 February and 00:30 on 1 November are out', () => {
    expect(report.period).toEqual({ ...KNOWN_PERIOD, timezone: 'Europe/Paris' });
    expect(report.requests).toEqual({
      received: 9,
      imported: 0,
      byChannel: [
        { channel: 'phone', count: 6 },
        { channel: 'web', count: 2 },
        { channel: 'secure-mail', count: 1 },
      ],
      complete: 7,
      incomplete: 2,
      outsideProtocol: 1,
    });
    expect(report.booked).toEqual(share(6, 9));
  });

  it('measures the delay to the appointment in hours for the 48/72 h shares, in local calendar days for the distribution', () => {
    // 47 h (spring), 49 h (autumn), 37.5 h, 48 h, 9 h, 72 h.
    expect(report.appointmentDelay).toEqual({
      days: { count: 6, mean: 1.82, median: 1.98 },
      withinTarget: share(4, 6),
      withinMaximum: share(6, 6),
      byDay: [1, 1, 3, 1, 0, 0, 0, 0].map((count, day) => ({ day, count })),
    });
    expect(report.targetDelayHours).toBe(48);
    expect(report.maximumDelayHours).toBe(72);
  });

  it('measures the centre’s answer to the last booking, refusals with their reasons, and every outcome', () => {
    // 1 h, 2 h, 1 h, 20 min, 1 h (a refusal is an answer), 3 h; r3's hospital never answered.
    expect(report.responseDelay).toEqual({ count: 6, mean: 1.39, median: 1 });
    expect(report.refusals).toEqual({
      total: 4,
      requests: 4,
      byReason: [
        { reason: 'Machine en panne', count: 3 },
        { reason: 'hors protocole', count: 1 },
      ],
    });
    expect(report.outcomes).toEqual({
      done: 2,
      noShow: 1,
      cancelled: 1,
      pending: 0,
      notBooked: 3,
      lostToFollowUp: { total: 2, neverAnswered: 1, outcomeUnknown: 1 },
    });
    expect(report.followUpDays).toBe(3);
  });

  it('splits the booked requests between public and private centres, and counts doctors and partner centres', () => {
    expect(report.sectors).toEqual({ public: share(4, 6), private: share(2, 6) });
    expect(report.doctors).toBe(6);
    expect(report.partnerCentres).toBe(3);
  });

  it('breaks the figures down by modality, exam and suspected diagnosis', () => {
    expect(report.byModality).toEqual([
      { key: 'ct', label: 'Scanner', received: 4, booked: 3, meanDelayDays: 2.17, withinTarget: share(2, 3) },
      { key: 'radiography', label: 'Radiographie', received: 2, booked: 1, meanDelayDays: 0.38, withinTarget: share(1, 1) },
      { key: 'ultrasound', label: 'Échographie', received: 2, booked: 1, meanDelayDays: 2.04, withinTarget: share(0, 1) },
      { key: 'mri', label: 'IRM', received: 1, booked: 1, meanDelayDays: 2, withinTarget: share(1, 1) },
    ]);
    expect(report.byExam.map((line) => [line.label, line.received, line.booked, line.meanDelayDays])).toEqual([
      ['Scanner — Abdomen et pelvis', 3, 2, 2.48],
      ['Échographie — Abdomen', 2, 1, 2.04],
      ['Scanner — Abdomen et pelvis (avec injection)', 1, 1, 1.56],
      ['IRM — Rachis lombaire', 1, 1, 2],
      ['Radiographie — Poignet droit', 1, 1, 0.38],
      ['Radiographie — Thorax', 1, 0, null],
    ]);
    expect(report.byDiagnosis.map((line) => [line.key, line.received, line.booked, line.withinTarget.count])).toEqual([
      ['renal-colic', 2, 2, 1],
      ['biliary-colic', 1, 1, 0],
      ['colitis', 1, 0, 0],
      ['hyperalgic-radiculalgia', 1, 1, 1],
      ['other', 1, 0, 0],
      ['pneumonia', 1, 0, 0],
      ['recent-trauma', 1, 1, 1],
      ['sigmoiditis', 1, 1, 1],
    ]);
    expect(report.byDiagnosis[0].label).toBe('Colique néphrétique');
  });

  it('lists the centres with their requests and the use of their reserved places', () => {
    expect(report.slots).toEqual({ published: 11, used: 5, releasedUnused: 6, withdrawn: 1, useRate: 0.4545 });
    expect(
      report.byCentre.map(({ centreId, received, booked, meanDelayDays, withinTarget, slots }) => ({
        centreId,
        received,
        booked,
        meanDelayDays,
        withinTarget,
        slots,
      })),
    ).toEqual([
      {
        centreId: centres.hospital,
        received: 4,
        booked: 4,
        meanDelayDays: 1.89,
        withinTarget: share(3, 4),
        slots: { published: 7, used: 4, releasedUnused: 3, withdrawn: 0, useRate: 0.5714 },
      },
      {
        centreId: centres.clinic,
        received: 2,
        booked: 1,
        meanDelayDays: 3,
        withinTarget: share(0, 1),
        slots: { published: 3, used: 1, releasedUnused: 2, withdrawn: 1, useRate: 0.3333 },
      },
      {
        centreId: centres.practice,
        received: 1,
        booked: 1,
        meanDelayDays: 0.38,
        withinTarget: share(1, 1),
        slots: { published: 1, used: 0, releasedUnused: 1, withdrawn: 0, useRate: 0 },
      },
    ]);
    expect(report.byCentre.map((centre) => centre.sector)).toEqual(['public', 'private', 'private']);
  });

  it('counts each month in local time, empty months included', () => {
    expect(report.monthly).toEqual([
      { month: '2025-03', received: 1, booked: 1 },
      { month: '2025-04', received: 6, booked: 4 },
      ...['05', '06', '07', '08', '09'].map((month) => ({ month: `2025-${month}`, received: 0, booked: 0 })),
      { month: '2025-10', received: 2, booked: 1 },
    ]);
  });

  it('measures relevance: the suspicion against the imaging result, by indication', () => {
    expect(report.relevance).toEqual([
      {
        diagnosis: 'hyperalgic-radiculalgia',
        label: 'Radiculalgie hyperalgique (résistant aux antalgiques de palier 3)',
        done: 1,
        confirmed: 0,
        notConfirmed: 1,
        otherFinding: 0,
        noResult: 0,
        confirmedShare: 0,
      },
      {
        diagnosis: 'renal-colic',
        label: 'Colique néphrétique',
        done: 1,
        confirmed: 1,
        notConfirmed: 0,
        otherFinding: 0,
        noResult: 0,
        confirmedShare: 1,
      },
    ]);
  });

  it('filters by modality and by centre, the reserved places included', async () => {
    const ct = await indicators({ modality: 'ct' });
    expect([ct.requests.received, ct.booked.count, ct.appointmentDelay.days.median, ct.refusals.total]).toEqual([4, 3, 1.96, 2]);
    expect(ct.slots).toEqual({ published: 7, used: 3, releasedUnused: 4, withdrawn: 0, useRate: 0.4286 });

    const hospital = await indicators({ centreId: centres.hospital });
    expect([hospital.requests.received, hospital.booked.count, hospital.outcomes.lostToFollowUp.total]).toEqual([4, 4, 1]);
    expect(hospital.slots).toEqual({ published: 7, used: 4, releasedUnused: 3, withdrawn: 0, useRate: 0.5714 });
    expect(hospital.byCentre.map((centre) => centre.centreId)).toEqual([centres.hospital]);
  });

  it('narrows the period to local days: April alone, and the one DST day of spring', async () => {
    const april = await indicators({ from: '2025-04-01', to: '2025-04-30' });
    expect(april.requests.received).toBe(6);
    expect(april.monthly).toEqual([{ month: '2025-04', received: 6, booked: 4 }]);
    const lastMarchWeekend = await indicators({ from: '2025-03-29', to: '2025-03-31' });
    expect(lastMarchWeekend.requests.received).toBe(1);
  });

  it('shows only the top N exams, diagnoses and reasons', async () => {
    const top = await indicators({ top: '2' });
    expect(top.byExam).toHaveLength(2);
    expect(top.byDiagnosis.map((line) => line.key)).toEqual(['renal-colic', 'biliary-colic']);
    expect(top.refusals.byReason).toHaveLength(2);
  });

  it('answers bad filters with a 400 that names the fields, never a 500', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ from: '2025-02-30' }, 'from'],
      [{ to: '2025-02-01' }, 'to'],
      [{ from: '2000-01-01', to: '2025-01-01' }, 'to'],
      [{ modality: 'pet' }, 'modality'],
      [{ centreId: 'not-a-uuid' }, 'centreId'],
      [{ centreId: '00000000-0000-4000-8000-000000000000' }, 'centreId'],
      [{ top: '0' }, 'top'],
      [{ followUpDays: 'soon' }, 'followUpDays'],
    ];
    for (const [query, field] of cases) {
      const response = await coordinator.get<{ fields: Record<string, string[]> }>(
        `/api/indicators?${new URLSearchParams({ ...KNOWN_PERIOD, ...query })}`,
      );
      expect([field, response.status]).toEqual([field, 400]);
      expect(Object.keys(response.body.fields)).toEqual([field]);
    }
    expect((await coordinator.get('/api/indicators')).status).toBe(400);
  });
});
