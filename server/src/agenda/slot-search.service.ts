import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SearchOrigin, SlotSearchHit, SlotSearchResult } from '@creneau/contracts';
import { CommunesService } from '../territory/communes.service';
import { SlotSearchQueryDto } from './dto/slot-search-query.dto';

const HOUR_MS = 3_600_000;
const DEFAULT_WINDOW_HOURS = 48;
const MAXIMUM_WINDOW_HOURS = 72;
/** How far past an empty window the search looks for the first free slots. */
const LOOK_AHEAD_DAYS = 30;
const FIRST_AFTER_WINDOW_COUNT = 5;

interface HitRow {
  slot_id: string;
  centre_id: string;
  centre_name: string;
  sector: SlotSearchHit['sector'];
  city: string;
  modality: SlotSearchHit['modality'];
  starts_at: Date;
  ends_at: Date;
  places_left: number;
  held_by_others: number;
  held_until: Date | null;
  distance_km: number | null;
  wheelchair_accessible: boolean;
  stretcher_accessible: boolean;
}

/**
 * Free slots of every eligible centre, ranked by start then distance. One query: when many centres are eligible, the
 * planner reads the open slots of the modality in start order (slot_open_by_modality_idx) and stops at the limit;
 * when few are, it reads each eligible centre's (slot_bookable_by_centre_idx). It can only choose well with
 * estimates it can make: hence the forms of the conditions below. Others' live holds are counted on the page alone
 * (after the LIMIT): a slot every place of which is held elsewhere is still listed, as held, for the console to grey out.
 */
const SEARCH_SQL = `
  SELECT hit.*, coalesce(holds.held_by_others, 0) AS held_by_others, holds.held_until
    FROM (
  SELECT s.id AS slot_id, s.centre_id, c.name AS centre_name, c.sector, c.city, s.modality, s.starts_at, s.ends_at,
         s.capacity - s.booked_count AS places_left, c.wheelchair_accessible, c.stretcher_accessible,
         CASE WHEN $5::float8 IS NULL THEN NULL ELSE
           2 * 6371.0088 * asin(least(1, sqrt(
             power(sin(radians(c.latitude - $5::float8) / 2), 2) +
             cos(radians($5::float8)) * cos(radians(c.latitude)) * power(sin(radians(c.longitude - $6::float8) / 2), 2))))
         END AS distance_km
    FROM slot s
    JOIN centre c ON c.id = s.centre_id
   WHERE s.status = 'open' AND s.modality = $1 AND s.starts_at >= $2 AND s.starts_at < $3
     -- capacity - booked_count > 0 rather than booked_count < capacity: the planner has statistics on this expression
     -- (migration TuneSlotSearch), none on a comparison of two columns, which it takes for a third of the rows.
     AND s.capacity - s.booked_count > 0 AND s.release_at > now()
     AND c.active
     -- A centre that lists no indication takes every one that passed the request gate.
     -- = '{}' and @> rather than cardinality() and = ANY: the planner estimates these from the columns'
     -- statistics (most common values and elements), and needs to, to choose between scanning the window in start
     -- order and reading the few eligible centres' slots (docs/benchmarks.md, "Pooled slot search").
     AND ($4::text IS NULL OR ((s.indications IS NULL OR s.indications @> ARRAY[$4::text])
          AND (c.accepted_indications = '{}' OR c.accepted_indications @> ARRAY[$4::text])))
     -- $1 rather than s.modality (equal): the condition then bears on the centre alone and filters it before the join.
     AND (NOT $7::boolean OR $1 <> 'mri' OR c.accepts_mr_conditional_pacemaker)
     AND ($8::boolean OR CASE $9::text WHEN 'wheelchair' THEN c.wheelchair_accessible
                                        WHEN 'stretcher' THEN c.stretcher_accessible
                                        ELSE c.wheelchair_accessible OR c.stretcher_accessible END)
     AND NOT EXISTS (SELECT 1 FROM centre_closure cc
                      WHERE cc.centre_id = c.id AND cc.starts_at < s.ends_at AND cc.ends_at > s.starts_at)
   ORDER BY s.starts_at, distance_km NULLS LAST, s.id
   LIMIT $10) hit
    LEFT JOIN LATERAL (SELECT count(*)::int AS held_by_others, max(h.expires_at) AS held_until
                         FROM slot_hold h
                        WHERE h.slot_id = hit.slot_id AND h.account_id <> $11 AND h.expires_at > now()) holds ON true
   ORDER BY hit.starts_at, hit.distance_km NULLS LAST, hit.slot_id`;

@Injectable()
export class SlotSearchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly communes: CommunesService,
  ) {}

  /** `accountId`: the caller, whose own holds do not count against the places. */
  async search(query: SlotSearchQueryDto, accountId: string): Promise<SlotSearchResult> {
    const from = query.from ? new Date(query.from) : new Date();
    const to = query.to ? new Date(query.to) : new Date(from.getTime() + DEFAULT_WINDOW_HOURS * HOUR_MS);
    if (to <= from || to.getTime() - from.getTime() > MAXIMUM_WINDOW_HOURS * HOUR_MS) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: `La fenêtre de recherche dure ${MAXIMUM_WINDOW_HOURS} h au plus.`,
        fields: { to: [`after from, at most ${MAXIMUM_WINDOW_HOURS} h later`] },
      });
    }
    const origin = await this.origin(query);
    const slots = await this.find(query, origin, accountId, from, to, query.limit);
    const firstAfterWindow =
      slots.length > 0
        ? []
        : await this.find(
            query,
            origin,
            accountId,
            to,
            new Date(to.getTime() + LOOK_AHEAD_DAYS * 24 * HOUR_MS),
            FIRST_AFTER_WINDOW_COUNT,
          );
    return { window: { from: from.toISOString(), to: to.toISOString() }, origin, slots, firstAfterWindow };
  }

  /** Coordinates given win; else the patient's commune, when the territory's list knows it. */
  private async origin(query: SlotSearchQueryDto): Promise<SearchOrigin | null> {
    if (query.latitude !== undefined && query.longitude !== undefined) {
      return { latitude: query.latitude, longitude: query.longitude, commune: null };
    }
    if (query.postalCode === undefined && query.commune === undefined) return null;
    return this.communes.locate(query.postalCode, query.commune);
  }

  private async find(
    query: SlotSearchQueryDto,
    origin: SearchOrigin | null,
    accountId: string,
    from: Date,
    to: Date,
    limit: number,
  ): Promise<SlotSearchHit[]> {
    const rows = (await this.dataSource.query(SEARCH_SQL, [
      query.modality,
      from,
      to,
      query.indication ?? null,
      origin?.latitude ?? null,
      origin?.longitude ?? null,
      query.pacemaker,
      query.ambulatory,
      query.mobilityAid ?? null,
      limit,
      accountId,
    ])) as HitRow[];
    return rows.map((row) => ({
      slotId: row.slot_id,
      centreId: row.centre_id,
      centreName: row.centre_name,
      sector: row.sector,
      city: row.city,
      modality: row.modality,
      start: row.starts_at.toISOString(),
      end: row.ends_at.toISOString(),
      durationMinutes: Math.round((row.ends_at.getTime() - row.starts_at.getTime()) / 60_000),
      placesLeft: Math.max(0, row.places_left - row.held_by_others),
      heldUntil: row.places_left - row.held_by_others <= 0 && row.held_until ? row.held_until.toISOString() : null,
      distanceKm: row.distance_km === null ? null : Math.round(row.distance_km * 10) / 10,
      wheelchairAccessible: row.wheelchair_accessible,
      stretcherAccessible: row.stretcher_accessible,
    }));
  }
}
