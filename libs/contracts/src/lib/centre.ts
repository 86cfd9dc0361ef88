import { Modality } from './modality';

export const CENTRE_SECTORS = ['public', 'private'] as const;
export type CentreSector = (typeof CENTRE_SECTORS)[number];

export interface GeoPoint {
  latitude: number;
  longitude: number;
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
}

export interface TerritorySummary {
  id: string;
  name: string;
  timezone: string;
  targetDelayHours: number;
  maximumDelayHours: number;
  centres: CentreSummary[];
}
