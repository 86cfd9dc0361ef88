import { DataSource } from 'typeorm';
import type { IndicationCode, Modality } from '@creneau/contracts';

export type DemoCentreKey = 'hospital' | 'clinic' | 'practice';

const CENTRE_NAMES: Record<DemoCentreKey, string> = {
  hospital: 'Hôpital de La Roche-sur-Yon — imagerie',
  clinic: 'Clinique du Bocage — imagerie',
  practice: 'Cabinet de radiologie des Essarts',
};

/** The ids of the demo territory's centres, by key. */
export async function demoCentreIds(dataSource: DataSource): Promise<Record<DemoCentreKey, string>> {
  const rows = (await dataSource.query(`SELECT id, name FROM centre`)) as { id: string; name: string }[];
  const idOf = (key: DemoCentreKey) => rows.find((row) => row.name === CENTRE_NAMES[key])?.id as string;
  return { hospital: idOf('hospital'), clinic: idOf('clinic'), practice: idOf('practice') };
}

export interface SlotFixture {
  centreId: string;
  modality: Modality;
  /** Hours from the current hour (o'clock, so that slots of one test can share a start) to the start; at least 1. */
  startsInHours: number;
  durationMinutes?: number;
  capacity?: number;
  bookedCount?: number;
  indications?: IndicationCode[] | null;
  /** Hours before the start when it goes back to the centre. */
  releaseCutoffHours?: number;
  status?: 'open' | 'released' | 'withdrawn';
}

/** Writes a slot straight into the table, for tests about reading the agenda. */
export async function insertSlot(dataSource: DataSource, slot: SlotFixture): Promise<string> {
  const [row] = (await dataSource.query(
    `INSERT INTO slot (centre_id, modality, starts_at, ends_at, capacity, booked_count, indications, release_at, origin, status)
     VALUES ($1, $2, date_trunc('hour', now()) + make_interval(secs => $3 * 3600),
             date_trunc('hour', now()) + make_interval(secs => $3 * 3600 + $4 * 60),
             $5, $6, $7, date_trunc('hour', now()) + make_interval(secs => ($3 - $8) * 3600), 'manual', $9)
     RETURNING id`,
    [
      slot.centreId,
      slot.modality,
      slot.startsInHours,
      slot.durationMinutes ?? 20,
      slot.capacity ?? 1,
      slot.bookedCount ?? 0,
      slot.indications ?? null,
      slot.releaseCutoffHours ?? 2,
      slot.status ?? 'open',
    ],
  )) as { id: string }[];
  return row.id;
}
