import fc from 'fast-check';

import { rankSlots } from './slot-ranking';

const patient = { latitude: 46.6705, longitude: -1.4269 }; // La Roche-sur-Yon
const centres = [
  { id: 'near', location: { latitude: 46.68, longitude: -1.43 } },
  { id: 'far', location: { latitude: 47.2184, longitude: -1.5536 } }, // Nantes
];

describe('rankSlots', () => {
  it('puts the earliest slot first, whatever the distance', () => {
    const slots = [
      { id: 'a', centreId: 'near', start: '2026-03-28T11:00:00+01:00' },
      { id: 'b', centreId: 'far', start: '2026-03-28T09:00:00+01:00' },
    ];
    expect(rankSlots(slots, { centres, patientLocation: patient }).map((ranked) => ranked.slot.id)).toEqual(['b', 'a']);
  });

  it('breaks ties on the start with the distance to the patient, and gives it', () => {
    const slots = [
      { id: 'a', centreId: 'far', start: '2026-03-28T10:00:00Z' },
      { id: 'b', centreId: 'near', start: new Date('2026-03-28T10:00:00Z') },
    ];
    const ranked = rankSlots(slots, { centres, patientLocation: patient });
    expect(ranked.map((r) => r.slot.id)).toEqual(['b', 'a']);
    expect(ranked[0].distanceKm).toBeLessThan(2);
    expect(ranked[1].distanceKm).toBeGreaterThan(60);
  });

  it('puts unknown distances last among equal starts, and keeps ties in their given order', () => {
    const start = '2026-03-28T10:00:00Z';
    const slots = [
      { id: 'unknown-centre', centreId: 'elsewhere', start },
      { id: 'near-1', centreId: 'near', start },
      { id: 'near-2', centreId: 'near', start },
    ];
    const ranked = rankSlots(slots, { centres, patientLocation: patient });
    expect(ranked.map((r) => [r.slot.id, r.distanceKm === null])).toEqual([
      ['near-1', false],
      ['near-2', false],
      ['unknown-centre', true],
    ]);
  });

  it('sorts by start alone, stably, when the patient’s location is unknown', () => {
    const slots = [
      { id: 'a', centreId: 'far', start: '2026-03-28T10:00:00Z' },
      { id: 'b', centreId: 'near', start: '2026-03-28T10:00:00Z' },
    ];
    expect(rankSlots(slots, { centres, patientLocation: null })).toEqual([
      { slot: slots[0], distanceKm: null },
      { slot: slots[1], distanceKm: null },
    ]);
  });

  it('does not change the array it is given', () => {
    const slots = [
      { id: 'a', centreId: 'near', start: '2026-03-28T11:00:00Z' },
      { id: 'b', centreId: 'near', start: '2026-03-28T10:00:00Z' },
    ];
    rankSlots(slots, { centres, patientLocation: patient });
    expect(slots.map((slot) => slot.id)).toEqual(['a', 'b']);
  });

  it('always returns the same slots, ordered by start then distance, ties in input order', () => {
    const arbitrarySlot = fc.record({
      centreId: fc.constantFrom('near', 'far', 'elsewhere'),
      start: fc.integer({ min: 0, max: 5 }).map((hour) => new Date(Date.UTC(2026, 2, 28, 8 + hour))),
    });
    fc.assert(
      fc.property(fc.array(arbitrarySlot, { maxLength: 30 }), fc.boolean(), (raw, located) => {
        const slots = raw.map((slot, index) => ({ ...slot, index }));
        const ranked = rankSlots(slots, { centres, patientLocation: located ? patient : null });
        expect(ranked.map((r) => r.slot.index).sort((a, b) => a - b)).toEqual(slots.map((slot) => slot.index));
        for (let i = 1; i < ranked.length; i++) {
          const [before, after] = [ranked[i - 1], ranked[i]];
          const byStart = before.slot.start.getTime() - after.slot.start.getTime();
          const byDistance = (before.distanceKm ?? Infinity) - (after.distanceKm ?? Infinity);
          expect(byStart).toBeLessThanOrEqual(0);
          if (byStart === 0) expect(byDistance > 0).toBe(false);
          if (byStart === 0 && (byDistance === 0 || Number.isNaN(byDistance)))
            expect(before.slot.index).toBeLessThan(after.slot.index);
        }
      }),
    );
  });
});
