import {
  IMAGING_REQUEST_FIELD_LABELS,
  MODALITY_LABELS,
  SUSPECTED_DIAGNOSIS_LABELS,
  type ImagingRequestField,
  type Modality,
  type RequestSummary,
  type SuspectedDiagnosisCode,
} from '@creneau/contracts';

/** `Scanner — Colique néphrétique`, from a queue line's codes. */
export function examLabel(request: Pick<RequestSummary, 'modality' | 'suspectedDiagnosis'>): string {
  return [
    request.modality ? MODALITY_LABELS[request.modality as Modality] : null,
    request.suspectedDiagnosis ? SUSPECTED_DIAGNOSIS_LABELS[request.suspectedDiagnosis as SuspectedDiagnosisCode] : null,
  ]
    .filter(Boolean)
    .join(' — ');
}

/** The missing fields of a queue line, in French. */
export function missingLabels(request: Pick<RequestSummary, 'missingFields'>): string[] {
  return request.missingFields.map((field) => IMAGING_REQUEST_FIELD_LABELS[field as ImagingRequestField] ?? field);
}
