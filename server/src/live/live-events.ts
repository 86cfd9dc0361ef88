import { EntityManager } from 'typeorm';
import type { LiveEntity, LiveEventType } from '@creneau/contracts';
import { commentDrafts, DRAFTS, LiveEventDraft } from './live-event-drafts';

/**
 * Records that these entities changed, inside the change's own transaction (pass its manager): the
 * event carries their state as this transaction leaves it. It is written without an id nor time: after
 * the commit, the instances' feeds seal it (number it, in the order of sealing) and deliver it to the
 * consoles (live-feed.ts). A rollback, a refused booking's savepoint included, leaves none.
 */
export async function recordLiveEvent(
  manager: EntityManager,
  type: Exclude<LiveEventType, 'request.commented'>,
  ids: string | readonly string[],
): Promise<void> {
  const list = typeof ids === 'string' ? [ids] : [...ids];
  if (list.length === 0) return;
  const entity = type.slice(0, type.indexOf('.')) as LiveEntity;
  await insertDrafts(manager, await DRAFTS[entity](manager, type, list));
}

/**
 * Records `request.commented` for these new comments (by comment id), in their own transaction as above: an
 * event of their request, for whoever may read it. It leaves the request's version as it is: a comment changes
 * the thread, not the request, and the booking's guard on that version must not fail because someone commented.
 */
export async function recordCommentEvent(manager: EntityManager, commentIds: string | readonly string[]): Promise<void> {
  const list = typeof commentIds === 'string' ? [commentIds] : [...commentIds];
  if (list.length === 0) return;
  await insertDrafts(manager, await commentDrafts(manager, list));
}

async function insertDrafts(manager: EntityManager, drafts: LiveEventDraft[]): Promise<void> {
  if (drafts.length === 0) return;
  await manager.query(insertLiveEvents('$1'), [JSON.stringify(drafts)]);
}

/**
 * The INSERT of drafts given as a JSON array in the parameter `drafts` (e.g. '$1'), in their order (of row_id,
 * which the seal keeps); `condition` (SQL) lets a statement of several changes write them only when its change
 * happened. The rows have no id nor occurred_at until sealed after the commit.
 */
export function insertLiveEvents(drafts: string, condition = 'true'): string {
  return `INSERT INTO live_event (type, entity, entity_id, version, territory_id, centre_ids, doctor_rpps, payload)
     SELECT type, entity, entity_id, version, territory_id, centre_ids, doctor_rpps, payload
       FROM ROWS FROM (jsonb_to_recordset(${drafts}::jsonb) AS (type text, entity text, entity_id uuid, version integer,
              territory_id uuid, centre_ids uuid[], doctor_rpps text, payload jsonb)) WITH ORDINALITY AS e
      WHERE ${condition}
      ORDER BY e.ordinality`;
}
