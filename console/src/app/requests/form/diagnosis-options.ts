import {
  INDICATION_CODES,
  MODALITIES,
  MODALITY_LABELS,
  RETAINED_INDICATIONS,
  SUSPECTED_DIAGNOSIS_LABELS,
  type Modality,
  type SuspectedDiagnosisCode,
} from '@creneau/contracts';

export interface DiagnosisGroup {
  label: string;
  options: { code: SuspectedDiagnosisCode; label: string }[];
}

const option = (code: SuspectedDiagnosisCode) => ({ code, label: SUSPECTED_DIAGNOSIS_LABELS[code] });

/**
 * The suspected diagnoses offered for an exam: the protocol's indications for its modality first, then the
 * others (outside protocol for this modality), then free text. Without a modality, every indication by modality.
 */
export function diagnosisGroups(modality: Modality | ''): DiagnosisGroup[] {
  const other: DiagnosisGroup = { label: 'Hors liste', options: [option('other')] };
  if (!modality) {
    return [...MODALITIES.map((m) => ({ label: MODALITY_LABELS[m], options: RETAINED_INDICATIONS[m].map(option) })), other];
  }
  const retained = RETAINED_INDICATIONS[modality];
  return [
    { label: `Indications retenues — ${MODALITY_LABELS[modality]}`, options: retained.map(option) },
    {
      label: 'Autres indications (hors protocole pour cet examen)',
      options: INDICATION_CODES.filter((code) => !retained.includes(code)).map(option),
    },
    other,
  ];
}
