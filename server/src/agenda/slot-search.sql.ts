/**
 * The pooled search's one statement, run prepared (a named statement: parsed and planned once per connection, then
 * only bound and executed) with its generic plan. A generic plan cannot adapt its shape to the parameters, so the
 * statement holds both strategies, each behind a one-time filter on $12; the one not chosen is never run. The filter
 * reads $12 through a sub-select (an InitPlan): a custom plan cannot drop the other branch either, so it never looks
 * cheaper than the generic one, which PostgreSQL then keeps (plan_cache_mode auto) after its first five custom plans:
 *
 * - start order: the open slots of the modality in start order (slot_open_by_modality_idx), each checked against its
 *   centre, until the page is full. About `limit × offering / eligible` slots read: right when most centres qualify.
 * - by centre: the eligible centres one by one, each giving its first `limit` bookable slots of the window
 *   (slot_bookable_by_centre_idx), then the best `limit` of them. About `eligible × limit` slots read, but cheaper
 *   ones: right when few centres qualify (MRI with a pacemaker, a stretcher, a rare indication; none at all).
 *
 * SlotSearchStrategyChooser picks one. Either gives the same page: both check every condition on every slot.
 *
 * Parameters: $1 modality, $2 from, $3 to, $4 indication, $5 latitude, $6 longitude, $7 pacemaker, $8 ambulatory,
 * $9 mobility aid, $10 limit, $11 the caller's account (whose own holds do not count), $12 `start-order` or
 * `by-centre`. Instants come back as epoch microseconds (float8, exact), computed on the page alone: cheaper to
 * write and to read than timestamptz text.
 */

/** The prepared statement's name: a new text needs a new name (node-postgres refuses a name reused for another). */
export const SEARCH_STATEMENT = 'slot-search-5';

/** What the centre `c` must be. A centre that lists no indication takes every one that passed the request gate. */
const CENTRE_TAKES = `c.active
     AND ($4::text IS NULL OR c.accepted_indications = '{}' OR c.accepted_indications @> ARRAY[$4::text])
     AND (NOT $7::boolean OR $1 <> 'mri' OR c.accepts_mr_conditional_pacemaker)
     AND ($8::boolean OR CASE $9::text WHEN 'wheelchair' THEN c.wheelchair_accessible
                                        WHEN 'stretcher' THEN c.stretcher_accessible
                                        ELSE c.wheelchair_accessible OR c.stretcher_accessible END)`;

/** What the slot `s` must be: open, of the modality, in the window, places left, before its cut-off, centre not closed. */
const SLOT_TAKES = `s.status = 'open' AND s.modality = $1 AND s.starts_at >= $2 AND s.starts_at < $3
     AND s.capacity - s.booked_count > 0 AND s.release_at > now()
     AND ($4::text IS NULL OR s.indications IS NULL OR s.indications @> ARRAY[$4::text])
     AND NOT EXISTS (SELECT 1 FROM centre_closure cc
                      WHERE cc.centre_id = s.centre_id AND cc.starts_at < s.ends_at AND cc.ends_at > s.starts_at)`;

/** A hit, from `s` and `c`, but its distance. */
const HIT_COLUMNS = `s.id AS slot_id, s.centre_id, c.name AS centre_name, c.sector, c.city, s.modality, s.starts_at, s.ends_at,
         s.capacity - s.booked_count AS places_left, c.wheelchair_accessible, c.stretcher_accessible`;

/** The great-circle distance from the patient to the centre `c`, when the patient's location is known. */
const DISTANCE = `CASE WHEN $5::float8 IS NULL THEN NULL ELSE
           2 * 6371.0088 * asin(least(1, sqrt(
             power(sin(radians(c.latitude - $5::float8) / 2), 2) +
             cos(radians($5::float8)) * cos(radians(c.latitude)) * power(sin(radians(c.longitude - $6::float8) / 2), 2))))
         END`;

/**
 * Both strategies under a Merge Append, each behind a one-time filter on $12: the one not chosen is
 * never run. Others' live holds are counted on the page alone (after the limit): a slot every place of which is held
 * elsewhere is still listed, as held, for the console to grey out.
 */
export const SEARCH_SQL = `
  SELECT hit.slot_id, hit.centre_id, hit.centre_name, hit.sector, hit.city, hit.modality,
         round(date_part('epoch', hit.starts_at) * 1000000) AS starts_us, round(date_part('epoch', hit.ends_at) * 1000000) AS ends_us,
         hit.places_left, hit.wheelchair_accessible, hit.stretcher_accessible, hit.distance_km,
         coalesce(holds.held_by_others, 0) AS held_by_others, round(date_part('epoch', holds.held_until) * 1000000) AS held_until_us
    FROM (
      (SELECT ${HIT_COLUMNS}, ${DISTANCE} AS distance_km
         FROM slot s
         JOIN centre c ON c.id = s.centre_id
        WHERE (SELECT $12::text) = 'start-order'
          AND ${SLOT_TAKES}
          AND ${CENTRE_TAKES}
        ORDER BY s.starts_at, distance_km NULLS LAST, s.id
        LIMIT $10)
      UNION ALL
      (SELECT ${HIT_COLUMNS}, c.distance_km
         -- OFFSET 0 keeps the subquery apart: the distance is computed once per centre, not once per slot read.
         FROM (SELECT c.id, c.name, c.sector, c.city, c.wheelchair_accessible, c.stretcher_accessible, ${DISTANCE} AS distance_km
                 FROM centre c
                WHERE ${CENTRE_TAKES}
               OFFSET 0) c
        CROSS JOIN LATERAL (
              SELECT s.id, s.centre_id, s.modality, s.starts_at, s.ends_at, s.capacity, s.booked_count
                FROM slot s
               WHERE s.centre_id = c.id AND ${SLOT_TAKES}
               ORDER BY s.starts_at, s.id
               LIMIT $10) s
        WHERE (SELECT $12::text) = 'by-centre'
        ORDER BY s.starts_at, c.distance_km NULLS LAST, s.id
        LIMIT $10)) hit
    LEFT JOIN LATERAL (SELECT count(*)::int AS held_by_others, max(h.expires_at) AS held_until
                         FROM slot_hold h
                        WHERE h.slot_id = hit.slot_id AND h.account_id <> $11 AND h.expires_at > now()) holds ON true
   ORDER BY hit.starts_at, hit.distance_km NULLS LAST, hit.slot_id`;
