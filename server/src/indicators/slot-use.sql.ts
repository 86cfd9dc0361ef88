/**
 * Reserved places of the territory's centres starting in the period, by centre: only Créneau's agenda knows them.
 * A place is used while an appointment holds it (booked, confirmed, done or no-show: a refusal or a cancellation
 * ahead of time gives it back); released unused once its release cut-off has passed without one, whether or not
 * a job has marked the slot released yet. Withdrawn slots are counted apart, outside the published places.
 * Parameters: $1 territory, $2 start, $3 end, $4 centre id or null, $5 modality or null.
 */
export const SLOT_USE_SQL = `
  SELECT s.centre_id, c.name AS centre_name, c.sector,
         coalesce(sum(s.capacity) FILTER (WHERE s.status <> 'withdrawn'), 0)::int AS published,
         coalesce(sum(s.booked_count) FILTER (WHERE s.status <> 'withdrawn'), 0)::int AS used,
         coalesce(sum(s.capacity - s.booked_count) FILTER (WHERE s.status <> 'withdrawn' AND s.release_at <= now()), 0)::int
           AS released_unused,
         coalesce(sum(s.capacity) FILTER (WHERE s.status = 'withdrawn'), 0)::int AS withdrawn
    FROM slot s JOIN centre c ON c.id = s.centre_id
   WHERE c.territory_id = $1 AND s.starts_at >= $2 AND s.starts_at < $3
     AND ($4::uuid IS NULL OR s.centre_id = $4) AND ($5::text IS NULL OR s.modality = $5)
   GROUP BY s.centre_id, c.name, c.sector`;
