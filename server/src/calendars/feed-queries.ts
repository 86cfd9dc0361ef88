import type { EntityManager } from 'typeorm';
import { APPOINTMENT_COLUMNS, APPOINTMENT_JOINS, CENTRE_COLUMNS } from './calendar-rows';
import type { FeedWindow } from './feed-window';

export interface FeedScope {
  territoryId: string;
  /** null: every centre of the territory. */
  centreIds: string[] | null;
  /** The feed may name patients: then those of centres that chose to are named. */
  patientNames: boolean;
}

/** A query of a feed's rows, ordered by start then id, to read or to digest. */
export interface RowsQuery {
  sql: string;
  parameters: unknown[];
}

/** The appointments a feed shows: overlapping its window, cancelled ones only while recent. */
export function feedAppointmentsQuery(scope: FeedScope, window: FeedWindow): RowsQuery {
  return {
    sql: `SELECT ${APPOINTMENT_COLUMNS}, CASE WHEN $6 AND c.calendar_patient_names THEN r.patient_name END AS patient_name
            ${APPOINTMENT_JOINS}
           WHERE c.territory_id = $1 AND ($2::uuid[] IS NULL OR s.centre_id = ANY ($2)) AND s.starts_at < $4 AND s.ends_at > $3
             AND (a.status NOT IN ('cancelled', 'refused') OR a.closed_at >= $5)`,
    parameters: [scope.territoryId, scope.centreIds, window.from, window.to, window.cancelledSince, scope.patientNames],
  };
}

/** The reserved slots of these centres in the window; withdrawn or released ones only while recent. */
export function feedSlotsQuery(centreIds: readonly string[], window: FeedWindow): RowsQuery {
  return {
    sql: `SELECT s.id, s.status, s.version, s.updated_at, s.starts_at, s.ends_at, s.modality, s.capacity, s.booked_count,
                 ${CENTRE_COLUMNS}
            FROM slot s JOIN centre c ON c.id = s.centre_id
           WHERE s.centre_id = ANY ($1) AND s.starts_at < $3 AND s.ends_at > $2 AND (s.status = 'open' OR s.updated_at >= $4)`,
    parameters: [centreIds, window.from, window.to, window.cancelledSince],
  };
}

export async function readRows<Row>(manager: EntityManager, query: RowsQuery): Promise<Row[]> {
  return (await manager.query(`${query.sql} ORDER BY starts_at, id`, query.parameters)) as Row[];
}

/**
 * A digest of every column of every row the query returns, computed by PostgreSQL without sending
 * them: while it is the same, so is the text written from the rows.
 */
export async function digestRows(manager: EntityManager, query: RowsQuery): Promise<string> {
  const [row] = (await manager.query(
    `SELECT md5(coalesce(string_agg(rows::text, '|' ORDER BY rows.starts_at, rows.id), '')) AS digest FROM (${query.sql}) AS rows`,
    query.parameters,
  )) as { digest: string }[];
  return row.digest;
}
