import { Brackets, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { recordLiveEvent } from '../../live/live-events';
import { Slot } from '../slot.entity';
import type { ImportConflict, ImportCounts, ImportKind, SkippedItem } from '@creneau/contracts';
import type { ImportedFeed, ImportedSlot } from './imported-slot';
import { ExistingSlot, planGone, planUpdate, releaseAt, SlotPatch, WITHDRAWN_BY_IMPORT } from './slot-changes';

export interface AppliedImport {
  counts: ImportCounts;
  skipped: SkippedItem[];
  conflicts: ImportConflict[];
}

export interface ImportTarget {
  sourceId: string;
  centreId: string;
  kind: ImportKind;
  timezone: string;
}

/**
 * Brings the source's slots in line with what it publishes, inside the caller's transaction:
 * new → inserted, known → updated when changed (version bumped), gone → withdrawn or flagged.
 * Slots already started, released, or withdrawn by hand are left alone; skipped items keep theirs.
 */
export async function applySlotImport(
  manager: EntityManager,
  target: ImportTarget,
  feed: ImportedFeed,
  now: Date,
): Promise<AppliedImport> {
  const { slots, skipped } = withoutDuplicates(feed);
  const existing = await lockExisting(manager, target.sourceId, slots, now);
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0, withdrawn: 0, conflicts: 0, skipped: skipped.length };
  const conflicts: ImportConflict[] = [];
  const inserts: ImportedSlot[] = [];
  const changedIds: string[] = [];
  const withdrawnIds: string[] = [];

  const record = async (slot: Slot, patch: SlotPatch) => {
    const conflict = patch.importConflict !== undefined ? patch.importConflict : slot.importConflict;
    if (conflict) conflicts.push({ slotId: slot.id, externalId: slot.externalId ?? '', reason: conflict });
    if (Object.keys(patch).length === 0) return false;
    if (patch.status === 'withdrawn') counts.withdrawn++;
    else counts.updated++;
    await manager.update(Slot, { id: slot.id }, { ...writable(patch), version: slot.version + 1, updatedAt: () => 'now()' });
    (patch.status === 'withdrawn' ? withdrawnIds : changedIds).push(slot.id);
    return true;
  };

  for (const item of slots) {
    const slot = existing.get(item.externalId);
    if (!slot) inserts.push(item);
    else if (!followsSource(slot, now) || !(await record(slot, planUpdate(slot, item, target.timezone)))) counts.unchanged++;
  }
  const published = new Set(slots.map((item) => item.externalId));
  for (const slot of existing.values()) {
    const stillThere = published.has(slot.externalId ?? '') || isSkipped(slot.externalId ?? '', skipped);
    if (!stillThere && slot.status === 'open' && slot.startsAt > now) await record(slot, planGone(slot));
  }
  const rows = inserts.map((item) => writable(newSlot(item, target)));
  const { identifiers } = rows.length ? await manager.insert(Slot, rows) : { identifiers: [] };
  const insertedIds = identifiers.map((identifier) => String(identifier['id']));
  await recordLiveEvent(manager, 'slot.published', insertedIds);
  await recordLiveEvent(manager, 'slot.changed', changedIds);
  await recordLiveEvent(manager, 'slot.withdrawn', withdrawnIds);
  counts.created = inserts.length;
  counts.conflicts = conflicts.length;
  return { counts, skipped, conflicts };
}

/** The first item of each external id wins; the others are reported. */
function withoutDuplicates(feed: ImportedFeed): ImportedFeed {
  const seen = new Set<string>();
  const slots: ImportedSlot[] = [];
  const skipped = [...feed.skipped];
  for (const slot of feed.slots) {
    if (seen.has(slot.externalId)) skipped.push({ externalId: slot.externalId, reason: 'Identifiant en double dans la source.' });
    else slots.push(slot);
    seen.add(slot.externalId);
  }
  return { slots, skipped };
}

/** The source's slots still to come, and any it publishes again (even past ones, never inserted twice). */
async function lockExisting(manager: EntityManager, sourceId: string, slots: ImportedSlot[], now: Date) {
  const externalIds = slots.map((slot) => slot.externalId);
  const rows = await manager
    .createQueryBuilder(Slot, 'slot')
    .where('slot.source_id = :sourceId', { sourceId })
    .andWhere(
      new Brackets((where) => {
        where.where('slot.starts_at > :now', { now });
        // One array parameter, however many slots the source publishes.
        where.orWhere('slot.external_id = ANY(:externalIds)', { externalIds });
      }),
    )
    .setLock('pessimistic_write')
    .getMany();
  return new Map(rows.map((row) => [row.externalId ?? '', row]));
}

/** A skipped item keeps its slot, and a skipped recurring event (its UID) the slots of all its occurrences ('UID/start'). */
function isSkipped(externalId: string, skipped: SkippedItem[]): boolean {
  return skipped.some(({ externalId: id }) => id !== null && (id === externalId || externalId.startsWith(`${id}/`)));
}

/** Started and released slots belong to the day's work; a slot withdrawn by a person stays withdrawn. */
function followsSource(slot: ExistingSlot, now: Date): boolean {
  if (slot.startsAt <= now || slot.status === 'released') return false;
  return slot.status === 'open' || slot.statusReason === WITHDRAWN_BY_IMPORT;
}

function newSlot(item: ImportedSlot, target: ImportTarget): Partial<Slot> {
  return {
    centreId: target.centreId,
    modality: item.modality,
    startsAt: item.startsAt,
    endsAt: item.endsAt,
    capacity: item.capacity,
    releaseAt: releaseAt(item.startsAt),
    status: 'open',
    origin: target.kind,
    sourceId: target.sourceId,
    externalId: item.externalId,
    externalDetails: item.details,
  };
}

/** TypeORM's deep-partial type cannot express a jsonb `Record<string, unknown>`; the values are plain columns. */
function writable(values: Partial<Slot>): QueryDeepPartialEntity<Slot> {
  return values as QueryDeepPartialEntity<Slot>;
}
