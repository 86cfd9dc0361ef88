import type { CentreSummary, TerritorySummary } from '@creneau/contracts';

export const HOSPITAL: CentreSummary = {
  id: 'c-hospital',
  name: 'Hôpital de La Roche-sur-Yon — imagerie',
  sector: 'public',
  organisation: 'CHD',
  address: 'Boulevard Stéphane Moreau, 85000 La Roche-sur-Yon',
  location: { latitude: 46.68, longitude: -1.4 },
  phone: '+33 2 51 00 10 00',
  modalities: ['radiography', 'ultrasound', 'ct', 'mri'],
  wheelchairAccessible: true,
  stretcherAccessible: true,
  acceptsMrConditionalPacemaker: true,
  active: true,
};

/** The demo-like territory the console's stores load in specs. */
export const TERRITORY: TerritorySummary = {
  id: 't1',
  name: 'CPTS Centre-Vendée (démo)',
  timezone: 'Europe/Paris',
  targetDelayHours: 48,
  maximumDelayHours: 72,
  centres: [HOSPITAL],
};
