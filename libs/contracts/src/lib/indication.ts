import type { Modality } from './modality';

/** The retained indications of the protocol the centres agreed to, by modality. */
export const INDICATION_CODES = [
  'recent-trauma',
  'pneumonia',
  'pneumothorax',
  'acute-pyelonephritis',
  'biliary-colic',
  'renal-colic',
  'sigmoiditis',
  'colitis',
  'radiculalgia-with-deficit',
  'hyperalgic-radiculalgia',
] as const;
export type IndicationCode = (typeof INDICATION_CODES)[number];

export const RETAINED_INDICATIONS: Record<Modality, readonly IndicationCode[]> = {
  radiography: ['recent-trauma', 'pneumonia', 'pneumothorax'],
  ultrasound: ['acute-pyelonephritis', 'biliary-colic'],
  ct: ['renal-colic', 'sigmoiditis', 'colitis'],
  mri: ['radiculalgia-with-deficit', 'hyperalgic-radiculalgia'],
};

/** French labels shown in the console. */
export const INDICATION_LABELS: Record<IndicationCode, string> = {
  'recent-trauma': 'Traumatisme récent',
  pneumonia: 'Pneumopathie',
  pneumothorax: 'Pneumothorax',
  'acute-pyelonephritis': 'Pyélonéphrite aiguë',
  'biliary-colic': 'Colique hépatique',
  'renal-colic': 'Colique néphrétique',
  sigmoiditis: 'Sigmoïdite',
  colitis: 'Colite',
  'radiculalgia-with-deficit': 'Radiculalgie déficitaire',
  'hyperalgic-radiculalgia': 'Radiculalgie hyperalgique (résistant aux antalgiques de palier 3)',
};

/** A suspected diagnosis outside the list: free text, allowed only with a coordinator's override. */
export const OTHER_DIAGNOSIS = 'other';
export type SuspectedDiagnosisCode = IndicationCode | typeof OTHER_DIAGNOSIS;

export const SUSPECTED_DIAGNOSIS_CODES: readonly SuspectedDiagnosisCode[] = [...INDICATION_CODES, OTHER_DIAGNOSIS];

export const SUSPECTED_DIAGNOSIS_LABELS: Record<SuspectedDiagnosisCode, string> = {
  ...INDICATION_LABELS,
  other: 'Autre (hors protocole)',
};
