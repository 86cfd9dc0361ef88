import type { FhirResource } from './fhir-bulk.parser';
import { fhirSlotToImported, type FhirDirectory } from './fhir-slot.mapping';
import type { ImportContext } from './imported-slot';

const EXT = 'http://fhir-registry.smarthealthit.org/StructureDefinition/';
const context: ImportContext = {
  window: { from: new Date('2026-06-01T00:00:00Z'), to: new Date('2026-06-22T00:00:00Z') },
  timezone: 'Europe/Paris',
  sourceModality: null,
  centreModalities: ['radiography', 'ultrasound', 'ct', 'mri'],
};

const schedule = (id: string, serviceType: unknown[]): FhirResource => ({
  resourceType: 'Schedule',
  id,
  serviceType,
  actor: [{ reference: 'Location/loc' }],
});
const directory: FhirDirectory = {
  schedules: new Map([
    ['ct', schedule('ct', [{ coding: [{ system: 'http://dicom.nema.org/resources/ontology/DCM', code: 'CT' }] }])],
    ['words', schedule('words', [{ text: 'Échographie abdominale' }])],
    ['vaccine', schedule('vaccine', [{ coding: [{ code: '57', display: 'Immunization' }] }])],
  ]),
  locations: new Map([
    [
      'loc',
      {
        resourceType: 'Location',
        id: 'loc',
        name: 'Imagerie du Bocage',
        address: { line: ['12 rue de la République'], postalCode: '85500', city: 'Les Herbiers' },
      },
    ],
  ]),
};
const slot = (fields: Record<string, unknown> = {}): FhirResource => ({
  resourceType: 'Slot',
  id: 's1',
  schedule: { reference: 'Schedule/ct' },
  status: 'free',
  start: '2026-06-02T08:00:00Z',
  end: '2026-06-02T08:30:00+00:00',
  extension: [
    { url: `${EXT}booking-deep-link`, valueUrl: 'https://rdv.example/s1' },
    { url: `${EXT}booking-phone`, valueString: '02 51 00 20 00' },
    { url: `${EXT}slot-capacity`, valueInteger: 3 },
  ],
  ...fields,
});

describe('fhirSlotToImported', () => {
  it('maps a free slot: DICOM modality, capacity, booking link and phone, location', () => {
    expect(fhirSlotToImported(slot(), directory, context)).toEqual({
      kind: 'slot',
      slot: {
        externalId: 's1',
        modality: 'ct',
        startsAt: new Date('2026-06-02T08:00:00Z'),
        endsAt: new Date('2026-06-02T08:30:00Z'),
        capacity: 3,
        details: {
          bookingDeepLink: 'https://rdv.example/s1',
          bookingPhone: '02 51 00 20 00',
          location: { name: 'Imagerie du Bocage', address: '12 rue de la République, 85500 Les Herbiers' },
        },
      },
    });
  });

  it('reads the modality from the serviceType’s words, and defaults the capacity to 1', () => {
    const mapped = fhirSlotToImported(slot({ schedule: { reference: 'Schedule/words' }, extension: [] }), directory, context);
    expect(mapped).toMatchObject({ kind: 'slot', slot: { modality: 'ultrasound', capacity: 1, details: expect.any(Object) } });
  });

  it('counts busy and other statuses as gone', () => {
    for (const status of ['busy', 'busy-unavailable', 'entered-in-error']) {
      expect(fhirSlotToImported(slot({ status }), directory, context)).toEqual({ kind: 'gone', externalId: 's1' });
    }
  });

  it('falls back on the source’s modality for a service that is not imaging, and skips the slot without one', () => {
    const vaccine = slot({ schedule: { reference: 'Schedule/vaccine' } });
    expect(fhirSlotToImported(vaccine, directory, context)).toEqual({
      kind: 'skipped',
      item: { externalId: 's1', reason: expect.stringMatching(/^Modalité inconnue/) },
    });
    expect(fhirSlotToImported(vaccine, directory, { ...context, sourceModality: 'radiography' })).toMatchObject({
      kind: 'slot',
      slot: { modality: 'radiography' },
    });
  });

  it.each([
    ['no id', { id: undefined }, /sans identifiant/],
    ['a time without offset', { start: '2026-06-02T08:00:00' }, /sans fuseau/],
    ['an end before its start', { end: '2026-06-02T07:00:00Z' }, /finit avant/],
    ['a capacity of 0', { extension: [{ url: `${EXT}slot-capacity`, valueInteger: 0 }] }, /Capacité refusée/],
    ['a capacity of 1000', { extension: [{ url: `${EXT}slot-capacity`, valueInteger: 1000 }] }, /Capacité refusée/],
  ])('skips a slot with %s, with the reason', (_label, fields, reason) => {
    expect(fhirSlotToImported(slot(fields), directory, context)).toEqual({
      kind: 'skipped',
      item: expect.objectContaining({ reason: expect.stringMatching(reason) }),
    });
  });

  it('leaves slots outside the window out', () => {
    expect(fhirSlotToImported(slot({ start: '2026-05-31T08:00:00Z' }), directory, context).kind).toBe('gone');
    expect(
      fhirSlotToImported(slot({ start: '2026-07-01T08:00:00Z', end: '2026-07-01T09:00:00Z' }), directory, context).kind,
    ).toBe('gone');
  });
});
