import type { Modality, SkippedItem } from '@creneau/contracts';

/** One reserved slot as a centre's system publishes it, mapped to Créneau's terms. */
export interface ImportedSlot {
  /** Stable key in the source: re-imports update the slot with the same key, never duplicate it. */
  externalId: string;
  modality: Modality;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  /** Kept as is in `slot.external_details` (booking link, phone, location…). */
  details: Record<string, unknown>;
}

/** What a mapping function makes of one item of the source. */
export type MappedItem =
  | { kind: 'slot'; slot: ImportedSlot }
  /** Not (or no longer) a free reserved slot: cancelled, busy, without the marker… */
  | { kind: 'gone'; externalId: string | null }
  | { kind: 'skipped'; item: SkippedItem };

/** Everything read from one run of a source. */
export interface ImportedFeed {
  slots: ImportedSlot[];
  skipped: SkippedItem[];
}

/** What the mapping needs to know beyond the item itself. */
export interface ImportContext {
  /** Only slots starting in (from, to] are imported: the past is left alone, the far future comes later. */
  window: { from: Date; to: Date };
  /** Time zone of the centre's territory, for floating iCal times. */
  timezone: string;
  /** The source's modality, used when the item names none. */
  sourceModality: Modality | null;
  /** What the centre offers: a slot of another modality could never be booked. */
  centreModalities: readonly Modality[];
}

/** The capacity bounds of the slot table's own check. */
export const MAX_SLOT_CAPACITY = 500;

/** How far ahead recurring events are expanded and slots imported. */
export const IMPORT_HORIZON_DAYS = 21;
