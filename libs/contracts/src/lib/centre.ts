import type { IndicationCode } from './indication';
import { Modality } from './modality';

export const CENTRE_SECTORS = ['public', 'private'] as const;
export type CentreSector = (typeof CENTRE_SECTORS)[number];

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

/** A period the centre is shut (works, holidays): half-open [from, to), ISO 8601 instants with offset. */
export interface CentreClosure {
  from: string;
  to: string;
  reason: string;
}

export interface CentreSummary {
  id: string;
  name: string;
  sector: CentreSector;
  organisation: string;
  address: string;
  location: GeoPoint;
  phone: string;
  modalities: Modality[];
  wheelchairAccessible: boolean;
  stretcherAccessible: boolean;
  acceptsMrConditionalPacemaker: boolean;
  active: boolean;
  closures?: CentreClosure[];
  /** Indications the centre takes, across its modalities; empty or absent: every request that passed the gate. */
  acceptedIndications?: IndicationCode[];
}

export interface TerritorySummary {
  id: string;
  name: string;
  timezone: string;
  targetDelayHours: number;
  maximumDelayHours: number;
  centres: CentreSummary[];
}
