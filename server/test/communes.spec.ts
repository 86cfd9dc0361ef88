import type { AuditEventView, CommuneView, SlotSearchResult } from '@creneau/contracts';
import { ApiClient } from './support/api-client';
import { demoCentreIds, insertSlot } from './support/agenda-fixtures';
import { startTestApp, TestApp } from './support/test-app';

const HERBIERS = { name: 'Les Herbiers', postalCode: '85500', latitude: 46.8712, longitude: -1.0137 };
const SAINT_GILLES = { name: 'Saint-Gilles-Croix-de-Vie', postalCode: '85800', latitude: 46.6975, longitude: -1.9453 };
/** Two communes share 85170: the postal code alone says nothing, the name does. */
const POIRE = { name: 'Le Poiré-sur-Vie', postalCode: '85170', latitude: 46.7686, longitude: -1.51 };
const DOMPIERRE = { name: 'Dompierre-sur-Yon', postalCode: '85170', latitude: 46.7389, longitude: -1.3861 };

describe('communes of the territory, and the search from a patient’s commune', () => {
  let server: TestApp;
  let coordinator: ApiClient;
  let secretary: ApiClient;

  beforeAll(async () => {
    server = await startTestApp({ seedDemo: true });
    coordinator = await server.signedIn('coordinator');
    secretary = await server.signedIn('secretariat');
    const replaced = await coordinator.put<CommuneView[]>('/api/communes', {
      communes: [HERBIERS, SAINT_GILLES, POIRE, DOMPIERRE],
      reason: 'liste officielle 2026',
    });
    expect(replaced.status).toBe(200);
  });

  afterAll(() => server.close());

  it('replaces the list as a whole, with the reason in the audit trail', async () => {
    const list = (await coordinator.get<CommuneView[]>('/api/communes')).body;
    expect(list.map((commune) => commune.name)).toEqual([
      'Dompierre-sur-Yon',
      'Le Poiré-sur-Vie',
      'Les Herbiers',
      'Saint-Gilles-Croix-de-Vie',
    ]);
    const audit = (await coordinator.get<AuditEventView[]>('/api/audit?entity=commune')).body;
    expect(audit[0]).toMatchObject({ action: 'replace', reason: 'liste officielle 2026' });
  });

  it('refuses a list with a fault, names each one by line and field, and changes nothing', async () => {
    const response = await coordinator.put<{ fields: Record<string, string[]> }>('/api/communes', {
      communes: [
        HERBIERS,
        { ...SAINT_GILLES, postalCode: '8580' },
        { ...POIRE, latitude: 123 },
        { ...HERBIERS, name: 'LES HERBIERS' },
      ],
      reason: 'essai',
    });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.fields).sort()).toEqual(['communes.1.postalCode', 'communes.2.latitude']);
    const duplicate = await coordinator.put<{ fields: Record<string, string[]> }>('/api/communes', {
      communes: [HERBIERS, { ...HERBIERS, name: 'LES HERBIERS' }],
      reason: 'essai',
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.fields).toEqual({ 'communes.1.name': ['déjà donnée en ligne 1 avec ce code postal'] });
    expect((await coordinator.get<CommuneView[]>('/api/communes')).body).toHaveLength(4);
    expect((await secretary.put('/api/communes', { communes: [], reason: 'pas moi' })).status).toBe(403);
  });

  it('suggests communes as the name or the postal code is typed, whatever the accents and case', async () => {
    const byName = (await secretary.get<CommuneView[]>('/api/communes/suggestions?query=le%20poire')).body;
    expect(byName.map((commune) => commune.name)).toEqual(['Le Poiré-sur-Vie']);
    const byAbbreviation = (await secretary.get<CommuneView[]>('/api/communes/suggestions?query=ST-GILLES')).body;
    expect(byAbbreviation.map((commune) => commune.postalCode)).toEqual(['85800']);
    const byCode = (await secretary.get<CommuneView[]>('/api/communes/suggestions?query=8517')).body;
    expect(byCode.map((commune) => commune.name).sort()).toEqual(['Dompierre-sur-Yon', 'Le Poiré-sur-Vie']);
  });

  it('ranks by distance from the patient’s commune as from its coordinates, and says where from', async () => {
    const centres = await demoCentreIds(server.dataSource);
    for (const centreId of [centres.hospital, centres.clinic, centres.practice]) {
      await insertSlot(server.dataSource, { centreId, modality: 'ultrasound', startsInHours: 40 });
    }
    const from = `modality=ultrasound&from=${new Date(Date.now() + 39 * 3_600_000).toISOString()}`;
    const search = async (where: string) => (await secretary.get<SlotSearchResult>(`/api/slots/search?${from}&${where}`)).body;

    const byCommune = await search('postalCode=85500&commune=LES%20HERBIERS');
    const byCoordinates = await search(`latitude=${HERBIERS.latitude}&longitude=${HERBIERS.longitude}`);
    expect(byCommune.origin).toEqual({
      latitude: HERBIERS.latitude,
      longitude: HERBIERS.longitude,
      commune: '85500 Les Herbiers',
    });
    expect(byCoordinates.origin).toEqual({ latitude: HERBIERS.latitude, longitude: HERBIERS.longitude, commune: null });
    expect(byCommune.slots.map((hit) => [hit.centreName, hit.distanceKm])).toEqual(
      byCoordinates.slots.map((hit) => [hit.centreName, hit.distanceKm]),
    );
    const clinic = byCommune.slots.find((hit) => hit.centreId === centres.clinic);
    expect(clinic?.distanceKm).toBeLessThan(2); // the clinic is in Les Herbiers

    // 85170 alone is two communes: the name decides; a name alone is enough when only one commune has it.
    expect((await search('postalCode=85170')).origin).toBeNull();
    expect((await search('postalCode=85170&commune=Dompierre-sur-Yon')).origin?.commune).toBe('85170 Dompierre-sur-Yon');
    expect((await search('commune=saint%20gilles%20croix%20de%20vie')).origin?.commune).toBe('85800 Saint-Gilles-Croix-de-Vie');

    // Unknown: the slots still come, by start, without distances.
    const unknown = await search('postalCode=75001&commune=Paris');
    expect(unknown.origin).toBeNull();
    expect(unknown.slots.length).toBeGreaterThanOrEqual(3);
    expect(unknown.slots.every((hit) => hit.distanceKm === null)).toBe(true);

    const bad = await secretary.get<{ fields: Record<string, string[]> }>(`/api/slots/search?${from}&postalCode=ABCDE`);
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields)).toEqual(['postalCode']);
  });
});
