/**
 * Reserved places of the territory's centres starting in the period, by centre: only Créneau's agenda knows them.
 * A place is used while an appointment holds it (booked, confirmed, done or no-show: a refusal or a cancellation
 * ahead of time gives it back); released unused once its release cut-off has passed without one, whether or not
 * a job has marked the slot released yet. Withdrawn slots are counted apart, outside the published places.
 * Summed by centre first, then joined to the few centres (and their territory): a year of a large territory is a
 * quarter of a million slots, and a join per slot costs about a third of the statement.
 * Parameters: $1 territory, $2 start, $3 end, $4 centre id or null, $5 modality or null.
 */
export const SLOT_USE_SQL = `
  SELECT s.centre_id, c.name AS centre_name, c.sector, s.published, s.used, s.released_unused, s.withdrawn
    FROM (SELECT centre_id,
                 coalesce(sum(capacity) FILTER (WHERE status <> 'withdrawn'), 0)::int AS published,
                 coalesce(sum(booked_count) FILTER (WHERE status <> 'withdrawn'), 0)::int AS used,
                 coalesce(sum(capacity - booked_count) FILTER (WHERE status <> 'withdrawn' AND release_at <= now()), 0)::int
                   AS released_unused,
                 coalesce(sum(capacity) FILTER (WHERE status = 'withdrawn'), 0)::int AS withdrawn
            FROM slot
           WHERE starts_at >= $2 AND starts_at < $3
             AND ($4::uuid IS NULL OR centre_id = $4) AND ($5::text IS NULL OR modality = $5)
           GROUP BY centre_id) s
    JOIN centre c ON c.id = s.centre_id
   WHERE c.territory_id = $1`;
