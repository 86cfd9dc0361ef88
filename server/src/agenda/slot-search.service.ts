import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SlotSearchHit, SlotSearchResult } from '@creneau/contracts';
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
  distance_km: number | null;
  wheelchair_accessible: boolean;
  stretcher_accessible: boolean;
}

/**
 * Free slots of every eligible centre, ranked by start then distance. One indexed query on
 * (modality, starts_at) of open slots; centre eligibility is checked on the joined row.
 */
const SEARCH_SQL = `
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
     AND s.booked_count < s.capacity AND s.release_at > now()
     AND c.active
     -- A centre that lists no indication takes every one that passed the request gate.
     AND ($4::text IS NULL OR ((s.indications IS NULL OR $4 = ANY (s.indications))
          AND (cardinality(c.accepted_indications) = 0 OR $4 = ANY (c.accepted_indications))))
     AND (NOT $7::boolean OR s.modality <> 'mri' OR c.accepts_mr_conditional_pacemaker)
     AND ($8::boolean OR CASE $9::text WHEN 'wheelchair' THEN c.wheelchair_accessible
                                        WHEN 'stretcher' THEN c.stretcher_accessible
                                        ELSE c.wheelchair_accessible OR c.stretcher_accessible END)
     AND NOT EXISTS (SELECT 1 FROM centre_closure cc
                      WHERE cc.centre_id = c.id AND cc.starts_at < s.ends_at AND cc.ends_at > s.starts_at)
   ORDER BY s.starts_at, distance_km NULLS LAST, s.id
   LIMIT $10`;

@Injectable()
export class SlotSearchService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async search(query: SlotSearchQueryDto): Promise<SlotSearchResult> {
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
    const slots = await this.find(query, from, to, query.limit);
    const firstAfterWindow =
      slots.length > 0
        ? []
        : await this.find(query, to, new Date(to.getTime() + LOOK_AHEAD_DAYS * 24 * HOUR_MS), FIRST_AFTER_WINDOW_COUNT);
    return { window: { from: from.toISOString(), to: to.toISOString() }, slots, firstAfterWindow };
  }

  private async find(query: SlotSearchQueryDto, from: Date, to: Date, limit: number): Promise<SlotSearchHit[]> {
    const rows = (await this.dataSource.query(SEARCH_SQL, [
      query.modality,
      from,
      to,
      query.indication ?? null,
      query.latitude ?? null,
      query.longitude ?? null,
      query.pacemaker,
      query.ambulatory,
      query.mobilityAid ?? null,
      limit,
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
      placesLeft: row.places_left,
      distanceKm: row.distance_km === null ? null : Math.round(row.distance_km * 10) / 10,
      wheelchairAccessible: row.wheelchair_accessible,
      stretcherAccessible: row.stretcher_accessible,
    }));
  }
}
