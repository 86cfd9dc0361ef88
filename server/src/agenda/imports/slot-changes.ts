import { DateTime } from 'luxon';
import type { Slot } from '../slot.entity';
import type { ImportedSlot } from './imported-slot';

/** Why an imported slot was withdrawn: also how a slot withdrawn by an import is told from one withdrawn by hand. */
export const WITHDRAWN_BY_IMPORT = 'Retiré de l’agenda du centre (import).';
export const GONE_WHILE_BOOKED = 'Ce créneau réservé a disparu de l’agenda du centre : à vérifier avec le centre.';

/** By default an unused slot goes back to the centre's own agenda two hours before it starts. */
export const RELEASE_CUTOFF_MINUTES = 120;

export type ExistingSlot = Pick<
  Slot,
  | 'id'
  | 'externalId'
  | 'modality'
  | 'startsAt'
  | 'endsAt'
  | 'capacity'
  | 'bookedCount'
  | 'status'
  | 'statusReason'
  | 'externalDetails'
  | 'importConflict'
>;

export type SlotPatch = Partial<
  Pick<
    Slot,
    | 'modality'
    | 'startsAt'
    | 'endsAt'
    | 'releaseAt'
    | 'capacity'
    | 'status'
    | 'statusReason'
    | 'externalDetails'
    | 'importConflict'
  >
>;

export function releaseAt(startsAt: Date): Date {
  return new Date(startsAt.getTime() - RELEASE_CUTOFF_MINUTES * 60_000);
}

/**
 * What changes on a known slot that the source still publishes. A free slot follows the source;
 * a booked one keeps its time and modality (the patient has been told) and is flagged instead, and
 * its capacity never drops below its bookings. An empty patch: nothing changed.
 */
export function planUpdate(existing: ExistingSlot, item: ImportedSlot, timezone: string): SlotPatch {
  const patch: SlotPatch = {};
  const conflicts: string[] = [];
  const booked = existing.bookedCount > 0;
  if (existing.status === 'withdrawn') Object.assign(patch, { status: 'open', statusReason: null });

  const moved = existing.startsAt.getTime() !== item.startsAt.getTime() || existing.endsAt.getTime() !== item.endsAt.getTime();
  if (moved && booked) conflicts.push(`La source a déplacé ce créneau réservé au ${localTime(item.startsAt, timezone)}.`);
  else if (moved) Object.assign(patch, { startsAt: item.startsAt, endsAt: item.endsAt, releaseAt: releaseAt(item.startsAt) });

  if (existing.modality !== item.modality && booked) conflicts.push('La source a changé la modalité de ce créneau réservé.');
  else if (existing.modality !== item.modality) patch.modality = item.modality;

  const capacity = Math.max(item.capacity, existing.bookedCount);
  if (item.capacity < existing.bookedCount) {
    conflicts.push(`La source n’annonce plus que ${item.capacity} place(s) pour ${existing.bookedCount} réservation(s).`);
  }
  if (capacity !== existing.capacity) patch.capacity = capacity;

  if (!sameJson(existing.externalDetails, item.details)) patch.externalDetails = item.details;
  const conflict = conflicts.length ? conflicts.join(' ') : null;
  if (conflict !== existing.importConflict) patch.importConflict = conflict;
  return patch;
}

/** A slot the source no longer publishes: withdrawn while free, flagged once booked, never deleted. */
export function planGone(existing: ExistingSlot): SlotPatch {
  if (existing.status !== 'open') return {};
  if (existing.bookedCount === 0) return { status: 'withdrawn', statusReason: WITHDRAWN_BY_IMPORT, importConflict: null };
  return existing.importConflict === GONE_WHILE_BOOKED ? {} : { importConflict: GONE_WHILE_BOOKED };
}

/** Equal as JSON values whatever the order of keys (PostgreSQL's jsonb does not keep it). */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, inner]) => [key, canonical(inner)]),
  );
}

function localTime(instant: Date, timezone: string): string {
  return DateTime.fromJSDate(instant, { zone: timezone }).setLocale('fr').toFormat("cccc d LLLL yyyy 'à' HH:mm");
}
