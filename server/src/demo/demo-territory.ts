import type { CentreSector, Modality, Role } from '@creneau/contracts';

/** The demo CPTS: real towns and coordinates of central Vendée, invented sites and people. */
export const DEMO_TERRITORY = {
  name: 'CPTS Centre-Vendée (démo)',
  timezone: 'Europe/Paris',
  targetDelayHours: 48,
  maximumDelayHours: 72,
};

export interface DemoCentre {
  key: string;
  name: string;
  sector: CentreSector;
  organisation: string;
  streetAddress: string;
  postcode: string;
  city: string;
  latitude: number;
  longitude: number;
  phone: string;
  secureEmail: string;
  modalities: Modality[];
  wheelchairAccessible: boolean;
  stretcherAccessible: boolean;
  acceptsMrConditionalPacemaker: boolean;
}

export const DEMO_CENTRES: DemoCentre[] = [
  {
    key: 'hospital',
    name: 'Hôpital de La Roche-sur-Yon — imagerie',
    sector: 'public',
    organisation: 'Centre hospitalier départemental de Vendée (démo)',
    streetAddress: 'Boulevard Stéphane Moreau',
    postcode: '85000',
    city: 'La Roche-sur-Yon',
    latitude: 46.6806,
    longitude: -1.4034,
    phone: '+33 2 51 00 10 00',
    secureEmail: 'imagerie.chd@demo.mssante.test',
    modalities: ['radiography', 'ultrasound', 'ct', 'mri'],
    wheelchairAccessible: true,
    stretcherAccessible: true,
    acceptsMrConditionalPacemaker: true,
  },
  {
    key: 'clinic',
    name: 'Clinique du Bocage — imagerie',
    sector: 'private',
    organisation: 'Groupe Santé Bocage (démo)',
    streetAddress: '12 rue de la République',
    postcode: '85500',
    city: 'Les Herbiers',
    latitude: 46.8716,
    longitude: -1.0137,
    phone: '+33 2 51 00 20 00',
    secureEmail: 'imagerie.bocage@demo.mssante.test',
    modalities: ['radiography', 'ultrasound', 'ct'],
    wheelchairAccessible: true,
    stretcherAccessible: true,
    acceptsMrConditionalPacemaker: false,
  },
  {
    key: 'practice',
    name: 'Cabinet de radiologie des Essarts',
    sector: 'private',
    organisation: 'SELARL Radiologie des Essarts (démo)',
    streetAddress: '3 place du Champ de Foire',
    postcode: '85140',
    city: 'Essarts-en-Bocage',
    latitude: 46.7737,
    longitude: -1.2289,
    phone: '+33 2 51 00 30 00',
    secureEmail: 'radiologie.essarts@demo.mssante.test',
    modalities: ['radiography', 'ultrasound'],
    wheelchairAccessible: true,
    stretcherAccessible: false,
    acceptsMrConditionalPacemaker: false,
  },
];

export interface DemoAccount {
  email: string;
  displayName: string;
  role: Role;
  rpps?: string;
  /** Keys of the centres a centre-staff account works for. */
  centres?: string[];
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'secretariat@creneau.test', displayName: 'Camille Secrétariat', role: 'secretariat' },
  { email: 'coordination@creneau.test', displayName: 'Dominique Coordination', role: 'coordinator' },
  { email: 'admin@creneau.test', displayName: 'Alex Administration', role: 'admin' },
  { email: 'imagerie.hopital@creneau.test', displayName: 'Dr Hélène Roux (hôpital)', role: 'centre', centres: ['hospital'] },
  { email: 'imagerie.clinique@creneau.test', displayName: 'Dr Paul Girard (clinique)', role: 'centre', centres: ['clinic'] },
  { email: 'radiologie.essarts@creneau.test', displayName: 'Dr Inès Morel (cabinet)', role: 'centre', centres: ['practice'] },
  { email: 'dr.martin@creneau.test', displayName: 'Dr Jeanne Martin (médecin généraliste)', role: 'doctor', rpps: '10001234567' },
];
