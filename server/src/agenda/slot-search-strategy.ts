import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { IndicationCode, Modality } from '@creneau/contracts';
import type { SlotSearchQueryDto } from './dto/slot-search-query.dto';

/** How the search reads the slots (slot-search.sql.ts); `auto`: chosen here. */
export type SlotSearchStrategy = 'auto' | 'start-order' | 'by-centre';

/** How old the centres' traits may be: they only choose the path, never what is found. */
const REFRESH_AFTER_MS = 30_000;
/** By centre when eligible² ≤ this × offering: where the two plans cost the same in the bench. */
const BY_CENTRE_FACTOR = 16;

interface CentreTraits {
  modalities: Modality[];
  accepted_indications: IndicationCode[];
  accepts_mr_conditional_pacemaker: boolean;
  wheelchair_accessible: boolean;
  stretcher_accessible: boolean;
}

/**
 * Chooses the search's strategy from how many active centres could take the patient among those offering the
 * modality, counted in memory over the centres' traits (read again every 30 s, in the background). Counting them in
 * the statement cost a scan of the centres per search. Stale traits (a centre changed on another instance a moment
 * ago) can only pick the slower path for a while: both paths check every condition in the database.
 */
@Injectable()
export class SlotSearchStrategyChooser {
  private centres: CentreTraits[] | null = null;
  private loadedAt = 0;
  private loading: Promise<void> | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async choose(query: SlotSearchQueryDto): Promise<'start-order' | 'by-centre'> {
    const centres = await this.current();
    let offering = 0;
    let eligible = 0;
    for (const centre of centres) {
      if (!centre.modalities.includes(query.modality)) continue;
      offering++;
      if (takes(centre, query)) eligible++;
    }
    return eligible * eligible <= BY_CENTRE_FACTOR * offering ? 'by-centre' : 'start-order';
  }

  private async current(): Promise<CentreTraits[]> {
    if (this.loading === null && Date.now() - this.loadedAt > REFRESH_AFTER_MS) {
      this.loading = this.load().finally(() => (this.loading = null));
      // Refreshing: the traits at hand serve meanwhile, and a failure is tried again at the next search.
      if (this.centres !== null) this.loading.catch(() => undefined);
    }
    if (this.centres === null) await this.loading;
    return this.centres ?? [];
  }

  private async load(): Promise<void> {
    this.centres = (await this.dataSource.query(
      `SELECT modalities, accepted_indications, accepts_mr_conditional_pacemaker, wheelchair_accessible, stretcher_accessible
         FROM centre WHERE active`,
    )) as CentreTraits[];
    this.loadedAt = Date.now();
  }
}

/** The centre conditions of slot-search.sql.ts (CENTRE_TAKES), but `active`, already filtered. */
function takes(centre: CentreTraits, query: SlotSearchQueryDto): boolean {
  if (
    query.indication !== undefined &&
    centre.accepted_indications.length > 0 &&
    !centre.accepted_indications.includes(query.indication)
  ) {
    return false;
  }
  if (query.pacemaker && query.modality === 'mri' && !centre.accepts_mr_conditional_pacemaker) return false;
  if (query.ambulatory) return true;
  if (query.mobilityAid === 'wheelchair') return centre.wheelchair_accessible;
  if (query.mobilityAid === 'stretcher') return centre.stretcher_accessible;
  return centre.wheelchair_accessible || centre.stretcher_accessible;
}
