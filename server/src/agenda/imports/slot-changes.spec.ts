import type { ImportedSlot } from './imported-slot';
import { ExistingSlot, GONE_WHILE_BOOKED, planGone, planUpdate, sameJson, WITHDRAWN_BY_IMPORT } from './slot-changes';

const existing = (fields: Partial<ExistingSlot> = {}): ExistingSlot => ({
  id: 'slot-1',
  externalId: 'e1',
  modality: 'ct',
  startsAt: new Date('2026-06-02T08:00:00Z'),
  endsAt: new Date('2026-06-02T08:30:00Z'),
  capacity: 2,
  bookedCount: 0,
  status: 'open',
  statusReason: null,
  externalDetails: { location: { name: 'A', address: 'B' }, bookingPhone: '1' },
  importConflict: null,
  ...fields,
});
const item = (fields: Partial<ImportedSlot> = {}): ImportedSlot => ({
  externalId: 'e1',
  modality: 'ct',
  startsAt: new Date('2026-06-02T08:00:00Z'),
  endsAt: new Date('2026-06-02T08:30:00Z'),
  capacity: 2,
  details: { bookingPhone: '1', location: { address: 'B', name: 'A' } },
  ...fields,
});
const plan = (slot: ExistingSlot, imported: ImportedSlot) => planUpdate(slot, imported, 'Europe/Paris');

describe('planUpdate', () => {
  it('changes nothing when the source publishes the same slot, whatever the order of its details', () => {
    expect(plan(existing(), item())).toEqual({});
  });

  it('moves a free slot with its release time', () => {
    const moved = item({ startsAt: new Date('2026-06-02T09:00:00Z'), endsAt: new Date('2026-06-02T09:30:00Z') });
    expect(plan(existing(), moved)).toEqual({
      startsAt: moved.startsAt,
      endsAt: moved.endsAt,
      releaseAt: new Date('2026-06-02T07:00:00Z'),
    });
  });

  it('keeps a booked slot where the patient was told, and flags the move in local time', () => {
    const moved = item({ startsAt: new Date('2026-06-02T09:00:00Z'), endsAt: new Date('2026-06-02T09:30:00Z') });
    expect(plan(existing({ bookedCount: 1 }), moved)).toEqual({
      importConflict: 'La source a déplacé ce créneau réservé au mardi 2 juin 2026 à 11:00.',
    });
  });

  it('never lowers the capacity below the bookings: down to them, flagged', () => {
    expect(plan(existing({ capacity: 3, bookedCount: 2 }), item({ capacity: 1 }))).toEqual({
      capacity: 2,
      importConflict: 'La source n’annonce plus que 1 place(s) pour 2 réservation(s).',
    });
    expect(plan(existing({ capacity: 3, bookedCount: 1 }), item({ capacity: 1 }))).toEqual({ capacity: 1 });
  });

  it('reopens a slot the import had withdrawn, and clears a conflict that is over', () => {
    expect(plan(existing({ status: 'withdrawn', statusReason: WITHDRAWN_BY_IMPORT }), item())).toEqual({
      status: 'open',
      statusReason: null,
    });
    expect(plan(existing({ bookedCount: 1, importConflict: GONE_WHILE_BOOKED }), item())).toEqual({ importConflict: null });
  });
});

describe('planGone', () => {
  it('withdraws a free slot, flags a booked one once, and leaves the others', () => {
    expect(planGone(existing())).toEqual({ status: 'withdrawn', statusReason: WITHDRAWN_BY_IMPORT, importConflict: null });
    expect(planGone(existing({ bookedCount: 1 }))).toEqual({ importConflict: GONE_WHILE_BOOKED });
    expect(planGone(existing({ bookedCount: 1, importConflict: GONE_WHILE_BOOKED }))).toEqual({});
    expect(planGone(existing({ status: 'released' }))).toEqual({});
  });
});

describe('sameJson', () => {
  it('ignores the order of keys, not the values', () => {
    expect(sameJson({ a: 1, b: [{ c: 1, d: 2 }] }, { b: [{ d: 2, c: 1 }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
  });
});
