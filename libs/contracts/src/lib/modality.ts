/** The four imaging modalities of the scheme, with their DICOM codes. */
export const MODALITIES = ['radiography', 'ultrasound', 'ct', 'mri'] as const;
export type Modality = (typeof MODALITIES)[number];

export const MODALITY_DICOM_CODES: Record<Modality, readonly string[]> = {
  radiography: ['DX', 'CR'],
  ultrasound: ['US'],
  ct: ['CT'],
  mri: ['MR'],
};

/** French labels shown in the console. */
export const MODALITY_LABELS: Record<Modality, string> = {
  radiography: 'Radiographie',
  ultrasound: 'Échographie',
  ct: 'Scanner',
  mri: 'IRM',
};
