import { MODALITIES, RETAINED_INDICATIONS, type CentreSummary, type SlotSearchResult } from '@creneau/contracts';
import { distanceKm } from '@creneau/domain';
import { SlotSearchQueryDto } from '../src/agenda/dto/slot-search-query.dto';
import { Client } from 'pg';
import { SlotSearchService } from '../src/agenda/slot-search.service';
import { SEARCH_SQL } from '../src/agenda/slot-search.sql';
import { ApiClient } from './support/api-client';
import { demoCentreIds, DemoCentreKey, insertSlot } from './support/agenda-fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** A patient in Les Herbiers: the clinic is next door, the hospital 40 km away. */
const PATIENT = { latitude: 46.87, longitude: -1.014 };
const LES_HERBIERS = `latitude=${PATIENT.latitude}&longitude=${PATIENT.longitude}`;

describe('pooled slot search', () => {
  let server: TestApp;
  let secretary: ApiClient;
  let centres: Record<DemoCentreKey, string>;
  const search = async (query: string) => {
    const response = await secretary.get<SlotSearchResult>(`/api/slots/search?${query}`);
    expect(response.status).toBe(200);
    return response.body;
  };
  const centreNames = (result: SlotSearchResult) => result.slots.map((hit) => hit.centreName);

  beforeAll(async () => {
    server = await startTestApp({ seedDemo: true });
    secretary = await server.signedIn('secretariat');
    centres = await demoCentreIds(server.dataSource);
  });

  afterAll(() => server.close());

  it('ranks free slots of every centre by start, then by distance to the patient', async () => {
    await insertSlot(server.dataSource, { centreId: centres.hospital, modality: 'radiography', startsInHours: 5 });
    await insertSlot(server.dataSource, { centreId: centres.practice, modality: 'radiography', startsInHours: 5 });
    await insertSlot(server.dataSource, { centreId: centres.clinic, modality: 'radiography', startsInHours: 5 });
    await insertSlot(server.dataSource, { centreId: centres.hospital, modality: 'radiography', startsInHours: 3 });
    const result = await search(`modality=radiography&${LES_HERBIERS}`);
    expect(result.slots.map((hit) => hit.centreName)).toEqual([
      'Hôpital de La Roche-sur-Yon — imagerie',
      'Clinique du Bocage — imagerie',
      'Cabinet de radiologie des Essarts',
      'Hôpital de La Roche-sur-Yon — imagerie',
    ]);
    // The database's distance agrees with the domain's (haversine in TypeScript) to the 100 m it is rounded to.
    const centreList = (await secretary.get<CentreSummary[]>('/api/centres')).body;
    for (const hit of result.slots) {
      const centre = centreList.find((candidate) => candidate.id === hit.centreId) as CentreSummary;
      expect(hit.distanceKm).toBeCloseTo(distanceKm(PATIENT, centre.location), 1);
    }
    expect(result.slots[1].distanceKm).toBeLessThan(1);
    expect(result.slots[0]).toMatchObject({ sector: 'public', modality: 'radiography', durationMinutes: 20, placesLeft: 1 });
    expect(result.firstAfterWindow).toEqual([]);
  });

  it('leaves out booked, withdrawn, released and past-cut-off slots, and counts places left', async () => {
    await insertSlot(server.dataSource, {
      centreId: centres.clinic,
      modality: 'ultrasound',
      startsInHours: 6,
      capacity: 1,
      bookedCount: 1,
    });
    await insertSlot(server.dataSource, {
      centreId: centres.clinic,
      modality: 'ultrasound',
      startsInHours: 7,
      status: 'withdrawn',
    });
    await insertSlot(server.dataSource, {
      centreId: centres.clinic,
      modality: 'ultrasound',
      startsInHours: 8,
      status: 'released',
    });
    await insertSlot(server.dataSource, {
      centreId: centres.clinic,
      modality: 'ultrasound',
      startsInHours: 1,
      releaseCutoffHours: 2,
    });
    await insertSlot(server.dataSource, {
      centreId: centres.clinic,
      modality: 'ultrasound',
      startsInHours: 9,
      capacity: 3,
      bookedCount: 1,
    });
    const result = await search('modality=ultrasound');
    expect(result.slots.map((hit) => hit.placesLeft)).toEqual([2]);
    expect(result.slots[0].distanceKm).toBeNull();
  });

  it('offers an MRI to a patient with a pacemaker only where MR-conditional devices are accepted', async () => {
    await insertSlot(server.dataSource, { centreId: centres.hospital, modality: 'mri', startsInHours: 10 });
    await server.dataSource.query(`UPDATE centre SET modalities = modalities || '{mri}' WHERE id = $1`, [centres.clinic]);
    await insertSlot(server.dataSource, { centreId: centres.clinic, modality: 'mri', startsInHours: 11 });
    expect(centreNames(await search('modality=mri'))).toHaveLength(2);
    expect(centreNames(await search('modality=mri&pacemaker=true'))).toEqual(['Hôpital de La Roche-sur-Yon — imagerie']);
  });

  it('sends a patient on a stretcher only to centres with stretcher access', async () => {
    await insertSlot(server.dataSource, { centreId: centres.practice, modality: 'ct', startsInHours: 12 });
    await insertSlot(server.dataSource, { centreId: centres.clinic, modality: 'ct', startsInHours: 13 });
    await server.dataSource.query(`UPDATE centre SET modalities = modalities || '{ct}' WHERE id = $1`, [centres.practice]);
    expect(centreNames(await search('modality=ct'))).toHaveLength(2);
    expect(centreNames(await search('modality=ct&ambulatory=false&mobilityAid=stretcher'))).toEqual([
      'Clinique du Bocage — imagerie',
    ]);
    expect(centreNames(await search('modality=ct&ambulatory=false&mobilityAid=wheelchair'))).toHaveLength(2);
  });

  it('honours the indications a slot and its centre accept', async () => {
    await insertSlot(server.dataSource, {
      centreId: centres.hospital,
      modality: 'ct',
      startsInHours: 14,
      indications: ['sigmoiditis'],
    });
    expect(centreNames(await search('modality=ct&indication=renal-colic'))).not.toContain(
      'Hôpital de La Roche-sur-Yon — imagerie',
    );
    expect(centreNames(await search('modality=ct&indication=sigmoiditis'))).toContain('Hôpital de La Roche-sur-Yon — imagerie');
    await server.dataSource.query(`UPDATE centre SET accepted_indications = '{renal-colic}' WHERE id = $1`, [centres.clinic]);
    expect(centreNames(await search('modality=ct&indication=colitis'))).not.toContain('Clinique du Bocage — imagerie');
    expect(centreNames(await search('modality=ct&indication=renal-colic'))).toContain('Clinique du Bocage — imagerie');
  });

  it('skips a centre closed at the slot’s time, and a closed centre', async () => {
    await server.dataSource.query(
      `INSERT INTO centre_closure (centre_id, starts_at, ends_at, reason) VALUES ($1, now() + interval '11 hours', now() + interval '13 hours', 'panne')`,
      [centres.practice],
    );
    expect(centreNames(await search('modality=ct'))).not.toContain('Cabinet de radiologie des Essarts');
    await server.dataSource.query(`UPDATE centre SET active = false WHERE id = $1`, [centres.hospital]);
    expect(centreNames(await search('modality=radiography'))).not.toContain('Hôpital de La Roche-sur-Yon — imagerie');
    await server.dataSource.query(`UPDATE centre SET active = true WHERE id = $1`, [centres.hospital]);
  });

  it('says when the window is empty and gives the first free slots after it', async () => {
    await insertSlot(server.dataSource, { centreId: centres.hospital, modality: 'mri', startsInHours: 24 * 6 });
    const result = await search(
      'modality=mri&pacemaker=true&from=' + encodeURIComponent(new Date(Date.now() + 3 * 86_400_000).toISOString()),
    );
    expect(result.slots).toEqual([]);
    expect(result.firstAfterWindow).toHaveLength(1);
    expect(new Date(result.window.to).getTime() - new Date(result.window.from).getTime()).toBe(48 * 3_600_000);
  });

  it('searches up to 72 h ahead, no further, and names bad parameters', async () => {
    const to72 = encodeURIComponent(new Date(Date.now() + 71 * 3_600_000).toISOString());
    expect((await secretary.get(`/api/slots/search?modality=ct&to=${to72}`)).status).toBe(200);
    const to80 = encodeURIComponent(new Date(Date.now() + 80 * 3_600_000).toISOString());
    expect((await secretary.get(`/api/slots/search?modality=ct&to=${to80}`)).status).toBe(400);
    const bad = await secretary.get<{ fields: Record<string, string[]> }>(
      '/api/slots/search?modality=pet&latitude=200&longitude=1&pacemaker=perhaps',
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['latitude', 'modality', 'pacemaker']);
  });
  it('counts others’ live holds, not the caller’s own: a slot held in full elsewhere is listed as held', async () => {
    const coordinator = await server.signedIn('coordinator');
    const single = await insertSlot(server.dataSource, { centreId: centres.practice, modality: 'ct', startsInHours: 30 });
    const double = await insertSlot(server.dataSource, {
      centreId: centres.practice,
      modality: 'ct',
      startsInHours: 31,
      capacity: 2,
    });
    for (const slotId of [single, double]) expect((await coordinator.post(`/api/slots/${slotId}/hold`, {})).status).toBe(201);
    const window = `modality=ct&from=${new Date(Date.now() + 29 * 3_600_000).toISOString()}`;

    const seenBySecretary = (await search(window)).slots.filter((hit) => [single, double].includes(hit.slotId));
    expect(seenBySecretary.map(({ slotId, placesLeft }) => ({ slotId, placesLeft }))).toEqual([
      { slotId: single, placesLeft: 0 },
      { slotId: double, placesLeft: 1 },
    ]);
    expect(Date.parse(seenBySecretary[0].heldUntil ?? '')).toBeGreaterThan(Date.now());
    expect(seenBySecretary[1].heldUntil).toBeNull();

    const seenByHolder = (await coordinator.get<SlotSearchResult>(`/api/slots/search?${window}`)).body.slots;
    expect(
      seenByHolder.filter((hit) => [single, double].includes(hit.slotId)).map((hit) => [hit.placesLeft, hit.heldUntil]),
    ).toEqual([
      [1, null],
      [2, null],
    ]);

    // An expired hold is no hold.
    await server.dataSource.query(`UPDATE slot_hold SET expires_at = now() - interval '1 second' WHERE slot_id = $1`, [single]);
    const afterExpiry = (await search(window)).slots.find((hit) => hit.slotId === single);
    expect(afterExpiry).toMatchObject({ placesLeft: 1, heldUntil: null });
  });

  it('gives the same answers whichever way the database reads the slots (in start order or centre by centre)', async () => {
    await server.dataSource.query(`UPDATE centre SET accepted_indications = '{renal-colic,sigmoiditis}' WHERE id = $1`, [
      centres.clinic,
    ]);
    for (const [index, centreId] of [centres.hospital, centres.clinic, centres.practice].entries()) {
      for (const modality of MODALITIES) {
        for (let hour = 2 + index; hour < 80; hour += 7) {
          await insertSlot(server.dataSource, {
            centreId,
            modality,
            startsInHours: hour,
            capacity: 1 + (hour % 3),
            bookedCount: hour % 5 === 0 ? 1 : 0,
            indications: hour % 4 === 0 ? [RETAINED_INDICATIONS[modality][0]] : null,
          });
        }
      }
    }
    const [{ id: accountId }] = (await server.dataSource.query(`SELECT id FROM account WHERE role = 'secretariat' LIMIT 1`)) as {
      id: string;
    }[];
    const service = server.app.get(SlotSearchService);
    const queries: Partial<SlotSearchQueryDto>[] = [];
    for (const modality of MODALITIES) {
      for (const indication of [undefined, ...RETAINED_INDICATIONS[modality]]) {
        queries.push({ modality, indication, ...PATIENT, limit: 7 });
      }
      queries.push({ modality, pacemaker: true }, { modality, ambulatory: false, mobilityAid: 'stretcher', limit: 3 });
      queries.push({ modality, ambulatory: false, from: new Date(Date.now() + 40 * 3_600_000).toISOString() });
      queries.push({ modality, from: new Date(Date.now() + 90 * 3_600_000).toISOString() }); // empty: the look-ahead
    }
    const hits = async (query: SlotSearchQueryDto, strategy: 'auto' | 'start-order' | 'by-centre') => {
      const { slots, firstAfterWindow } = await service.search(query, accountId, strategy);
      return { slots, firstAfterWindow };
    };
    let found = 0;
    for (const fields of queries) {
      const query = Object.assign(new SlotSearchQueryDto(), fields);
      const inStartOrder = await hits(query, 'start-order');
      expect(await hits(query, 'by-centre')).toEqual(inStartOrder);
      expect(await hits(query, 'auto')).toEqual(inStartOrder);
      found += inStartOrder.slots.length + inStartOrder.firstAfterWindow.length;
    }
    expect(found).toBeGreaterThan(100);
  });

  it('is planned once per connection: PostgreSQL keeps the generic plan of the prepared statement', async () => {
    const client = new Client({ connectionString: server.databaseUrl });
    await client.connect();
    try {
      const hour = 3_600_000;
      for (let i = 0; i < 12; i++) {
        const from = new Date(Date.now() + (i % 3) * hour);
        await client.query({
          name: 'search',
          text: SEARCH_SQL,
          values: [
            MODALITIES[i % 4],
            from,
            new Date(from.getTime() + 48 * hour),
            i % 2 ? null : RETAINED_INDICATIONS[MODALITIES[i % 4]][0],
            i % 3 ? PATIENT.latitude : null,
            i % 3 ? PATIENT.longitude : null,
            i % 5 === 0,
            i % 4 !== 0,
            i % 4 === 0 ? 'stretcher' : null,
            50,
            '00000000-0000-4000-8000-000000000000',
            i % 2 ? 'start-order' : 'by-centre',
          ],
        });
      }
      const { rows } = await client.query<{ generic_plans: string; custom_plans: string }>(
        `SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = 'search'`,
      );
      expect(rows[0]).toEqual({ generic_plans: '7', custom_plans: '5' });
    } finally {
      await client.end();
    }
  });
});
