import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { expandRule } from '@creneau/domain';
import { recordLiveEvent } from '../live/live-events';
import type { SlotRule } from './slot-rule.entity';

/** How far ahead rules publish their slots. */
export const MATERIALISATION_HORIZON_DAYS = 21;
/** Marks the slots a rule change withdrew, which the rule may open again (never those the centre withdrew). */
export const WITHDRAWN_BY_RULE_CHANGE = 'Retiré par une modification de la règle';

export interface MaterialisationCounts {
  created: number;
  updated: number;
  withdrawn: number;
}

/**
 * Brings a rule's future slots in line with the rule, idempotently: creates the missing ones,
 * updates the free ones that differ, withdraws the free ones the rule no longer makes.
 * A booked slot (or a started one) is never touched.
 */
@Injectable()
export class SlotRuleMaterialiser {
  async materialise(manager: EntityManager, rule: SlotRule, timezone: string, now = new Date()): Promise<MaterialisationCounts> {
    const horizon = new Date(now.getTime() + MATERIALISATION_HORIZON_DAYS * 86_400_000);
    const occurrences = rule.stoppedAt
      ? []
      : expandRule(
          {
            rrule: rule.rrule,
            startLocal: rule.startLocal,
            durationMinutes: rule.durationMinutes,
            validFrom: rule.validFrom,
            validUntil: rule.validUntil,
            exceptions: rule.exceptions,
            timezone,
          },
          now,
          horizon,
        );
    const starts = occurrences.map((occurrence) => occurrence.start);
    const ends = occurrences.map((occurrence) => occurrence.end);

    const upserted = (await manager.query(
      `INSERT INTO slot (centre_id, modality, starts_at, ends_at, capacity, indications, release_at, origin, rule_id, created_by)
       SELECT $1, $2, w.starts_at, w.ends_at, $3, $4, w.starts_at - make_interval(mins => $5), 'rule', $6, $7
         FROM unnest($8::timestamptz[], $9::timestamptz[]) AS w (starts_at, ends_at)
       ON CONFLICT (rule_id, starts_at) DO UPDATE
          SET ends_at = EXCLUDED.ends_at, capacity = EXCLUDED.capacity, modality = EXCLUDED.modality,
              indications = EXCLUDED.indications, release_at = EXCLUDED.release_at,
              status = 'open', status_reason = NULL, version = slot.version + 1, updated_at = now()
        WHERE slot.booked_count = 0 AND slot.starts_at > now()
          AND (slot.status = 'open' OR (slot.status = 'withdrawn' AND slot.status_reason = $10))
          AND (slot.ends_at, slot.capacity, slot.modality, slot.indications, slot.release_at, slot.status)
              IS DISTINCT FROM (EXCLUDED.ends_at, EXCLUDED.capacity, EXCLUDED.modality, EXCLUDED.indications, EXCLUDED.release_at, 'open')
       RETURNING id, (xmax = 0) AS inserted`,
      [
        rule.centreId,
        rule.modality,
        rule.capacity,
        rule.indications,
        rule.releaseCutoffMinutes,
        rule.id,
        rule.createdBy,
        starts,
        ends,
        WITHDRAWN_BY_RULE_CHANGE,
      ],
    )) as { id: string; inserted: boolean }[];

    const [withdrawn] = (await manager.query(
      `UPDATE slot SET status = 'withdrawn', status_reason = $3, version = version + 1, updated_at = now()
        WHERE rule_id = $1 AND status = 'open' AND booked_count = 0 AND starts_at > now()
          AND NOT (starts_at = ANY ($2::timestamptz[]))
       RETURNING id`,
      [rule.id, starts, WITHDRAWN_BY_RULE_CHANGE],
    )) as [{ id: string }[], number];

    const created = upserted.filter((row) => row.inserted).map((row) => row.id);
    const updated = upserted.filter((row) => !row.inserted).map((row) => row.id);
    await recordLiveEvent(manager, 'slot.published', created);
    await recordLiveEvent(manager, 'slot.changed', updated);
    await recordLiveEvent(
      manager,
      'slot.withdrawn',
      withdrawn.map((row) => row.id),
    );
    return { created: created.length, updated: updated.length, withdrawn: withdrawn.length };
  }
}
