import { BadRequestException, NotFoundException } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import type { CentreSector, Modality } from '@creneau/contracts';

/** The territory whose figures are asked for, and the filters turned into instants of its time zone. */
export interface IndicatorScope {
  territoryId: string;
  timezone: string;
  targetDelayHours: number;
  maximumDelayHours: number;
  from: string;
  to: string;
  /** Midnight starting `from`, local time. */
  start: Date;
  /** Midnight ending `to`, local time (excluded). */
  end: Date;
  centreId: string | null;
  modality: Modality | null;
  /** The territory's centres by id: the figures name them (the cases carry only their ids). */
  centres: Map<string, { name: string; sector: CentreSector }>;
}

export interface ScopeFilters {
  from: string;
  to: string;
  centreId?: string;
  modality?: Modality;
}

/** Days are the territory's: across a DST change a day is 23 or 25 hours, a month starts at local midnight. */
export async function indicatorScope(dataSource: DataSource, filters: ScopeFilters): Promise<IndicatorScope> {
  const [territory] = (await dataSource.query(
    `SELECT id, timezone, target_delay_hours, maximum_delay_hours FROM territory ORDER BY created_at LIMIT 1`,
  )) as { id: string; timezone: string; target_delay_hours: number; maximum_delay_hours: number }[];
  if (!territory) throw new NotFoundException('Aucun territoire n’est encore configuré.');
  const centres = (await dataSource.query(`SELECT id, name, sector FROM centre WHERE territory_id = $1`, [territory.id])) as {
    id: string;
    name: string;
    sector: CentreSector;
  }[];
  if (filters.centreId && !centres.some((centre) => centre.id === filters.centreId)) throw unknownCentre();
  const day = (date: string) => DateTime.fromISO(date, { zone: territory.timezone });
  return {
    territoryId: territory.id,
    timezone: territory.timezone,
    targetDelayHours: territory.target_delay_hours,
    maximumDelayHours: territory.maximum_delay_hours,
    from: filters.from,
    to: filters.to,
    start: day(filters.from).toJSDate(),
    end: day(filters.to).plus({ days: 1 }).toJSDate(),
    centreId: filters.centreId ?? null,
    modality: filters.modality ?? null,
    centres: new Map(centres.map((centre) => [centre.id, { name: centre.name, sector: centre.sector }])),
  };
}

/** $1 to $5 of the evaluation cases. */
export function caseParameters(scope: IndicatorScope): unknown[] {
  return [scope.territoryId, scope.from, scope.to, scope.centreId, scope.modality];
}

/** $1 to $5 of the agenda's places: the period as instants. */
export function slotParameters(scope: IndicatorScope): unknown[] {
  return [scope.territoryId, scope.start, scope.end, scope.centreId, scope.modality];
}

/** Every month of the period, 'yyyy-mm'. */
export function periodMonths(scope: Pick<IndicatorScope, 'from' | 'to'>): string[] {
  const months: string[] = [];
  let [year, month] = scope.from.split('-').map(Number);
  const [lastYear, lastMonth] = scope.to.split('-').map(Number);
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return months;
}

function unknownCentre(): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: 'Requête invalide : voir les champs en erreur.',
    fields: { centreId: ['centre inconnu dans ce territoire'] },
  });
}
