import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SearchOrigin, SlotSearchHit, SlotSearchResult } from '@creneau/contracts';
import { preparedQuery } from '../database/prepared-query';
import { CommunesService } from '../territory/communes.service';
import { SlotSearchQueryDto } from './dto/slot-search-query.dto';
import { SlotSearchStrategy, SlotSearchStrategyChooser } from './slot-search-strategy';
import { SEARCH_SQL, SEARCH_STATEMENT } from './slot-search.sql';

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
  starts_us: number;
  ends_us: number;
  places_left: number;
  held_by_others: number;
  held_until_us: number | null;
  distance_km: number | null;
  wheelchair_accessible: boolean;
  stretcher_accessible: boolean;
}

@Injectable()
export class SlotSearchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly communes: CommunesService,
    private readonly strategies: SlotSearchStrategyChooser,
  ) {}

  /**
   * Free slots of every eligible centre, ranked by start then distance (slot-search.sql.ts). `accountId`: the caller,
   * whose own holds do not count against the places. `strategy`: how the database reads them (tests compare the two).
   */
  async search(query: SlotSearchQueryDto, accountId: string, strategy: SlotSearchStrategy = 'auto'): Promise<SlotSearchResult> {
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
    const path = strategy === 'auto' ? await this.strategies.choose(query) : strategy;
    const slots = await this.find(query, origin, accountId, from, to, query.limit, path);
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
            path,
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
    strategy: Exclude<SlotSearchStrategy, 'auto'>,
  ): Promise<SlotSearchHit[]> {
    const rows = await preparedQuery<HitRow>(this.dataSource, SEARCH_STATEMENT, SEARCH_SQL, [
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
      strategy,
    ]);
    return rows.map((row) => {
      const placesLeft = row.places_left - row.held_by_others;
      return {
        slotId: row.slot_id,
        centreId: row.centre_id,
        centreName: row.centre_name,
        sector: row.sector,
        city: row.city,
        modality: row.modality,
        start: isoFromMicroseconds(row.starts_us),
        end: isoFromMicroseconds(row.ends_us),
        durationMinutes: Math.round((row.ends_us - row.starts_us) / 60_000_000),
        placesLeft: Math.max(0, placesLeft),
        heldUntil: placesLeft <= 0 && row.held_until_us !== null ? isoFromMicroseconds(row.held_until_us) : null,
        distanceKm: row.distance_km === null ? null : Math.round(row.distance_km * 10) / 10,
        wheelchairAccessible: row.wheelchair_accessible,
        stretcherAccessible: row.stretcher_accessible,
      };
    });
  }
}

/** As node-postgres would have read the timestamptz: to the millisecond, truncated. */
function isoFromMicroseconds(microseconds: number): string {
  return new Date(Math.floor(microseconds / 1000)).toISOString();
}
