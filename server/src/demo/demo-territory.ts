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

/**
 * Communes of the demo territory, at their town centres (rounded): enough for the slot finder to rank centres by
 * distance from the patient's commune. A real territory loads its list from the official files (PUT /api/communes).
 */
export const DEMO_COMMUNES: { name: string; postalCode: string; latitude: number; longitude: number }[] = [
  { name: 'La Roche-sur-Yon', postalCode: '85000', latitude: 46.6705, longitude: -1.426 },
  { name: 'Mouilleron-le-Captif', postalCode: '85000', latitude: 46.7186, longitude: -1.4594 },
  { name: 'Les Herbiers', postalCode: '85500', latitude: 46.8712, longitude: -1.0137 },
  { name: 'Essarts-en-Bocage', postalCode: '85140', latitude: 46.7739, longitude: -1.2286 },
  { name: 'Challans', postalCode: '85300', latitude: 46.8467, longitude: -1.8781 },
  { name: 'Luçon', postalCode: '85400', latitude: 46.4549, longitude: -1.1657 },
  { name: 'Fontenay-le-Comte', postalCode: '85200', latitude: 46.4661, longitude: -0.8064 },
  { name: "Les Sables-d'Olonne", postalCode: '85100', latitude: 46.4967, longitude: -1.7831 },
  { name: 'Montaigu-Vendée', postalCode: '85600', latitude: 46.9736, longitude: -1.3086 },
  { name: 'Pouzauges', postalCode: '85700', latitude: 46.7811, longitude: -0.8375 },
  { name: 'Chantonnay', postalCode: '85110', latitude: 46.6867, longitude: -1.0506 },
  { name: 'Saint-Gilles-Croix-de-Vie', postalCode: '85800', latitude: 46.6975, longitude: -1.9453 },
  { name: 'Saint-Hilaire-de-Riez', postalCode: '85270', latitude: 46.7211, longitude: -1.9456 },
  { name: 'Saint-Jean-de-Monts', postalCode: '85160', latitude: 46.7917, longitude: -2.0617 },
  { name: 'Aizenay', postalCode: '85190', latitude: 46.7403, longitude: -1.6083 },
  { name: 'Le Poiré-sur-Vie', postalCode: '85170', latitude: 46.7686, longitude: -1.51 },
  { name: 'Dompierre-sur-Yon', postalCode: '85170', latitude: 46.7389, longitude: -1.3861 },
  { name: 'Talmont-Saint-Hilaire', postalCode: '85440', latitude: 46.4669, longitude: -1.6181 },
  { name: 'Saint-Fulgent', postalCode: '85250', latitude: 46.8528, longitude: -1.1772 },
  { name: 'Mortagne-sur-Sèvre', postalCode: '85290', latitude: 46.9917, longitude: -0.95 },
  { name: 'La Châtaigneraie', postalCode: '85120', latitude: 46.6472, longitude: -0.74 },
  { name: 'Mareuil-sur-Lay-Dissais', postalCode: '85320', latitude: 46.5347, longitude: -1.2247 },
  { name: "L'Île-d'Yeu", postalCode: '85350', latitude: 46.7231, longitude: -2.3481 },
  { name: "Noirmoutier-en-l'Île", postalCode: '85330', latitude: 47.0086, longitude: -2.2481 },
];
