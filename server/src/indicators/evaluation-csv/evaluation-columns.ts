/**
 * The columns of the territory's evaluation file, in the export's order: first those the territory's
 * spreadsheet has, then the modality and centre an import needs, then what makes an export re-importable
 * without losing a figure. An import needs the `required` ones in its header, in any order.
 */
export const EVALUATION_COLUMNS = [
  { id: 'id', header: 'identifiant', required: true },
  { id: 'receivedAt', header: 'date de la demande', required: true },
  { id: 'exam', header: 'examen', required: true },
  { id: 'diagnosis', header: 'diagnostic suspecté', required: true },
  { id: 'complete', header: 'bon complet', required: true },
  { id: 'accepted', header: 'accepté par le centre', required: true },
  { id: 'answeredAt', header: 'date de réponse', required: true },
  { id: 'appointmentAt', header: 'date du rendez-vous', required: true },
  { id: 'responseHours', header: 'délai de réponse (h)', required: true },
  { id: 'appointmentHours', header: 'délai de rendez-vous (h)', required: true },
  { id: 'sector', header: 'secteur du centre', required: true },
  { id: 'outcome', header: 'issue', required: true },
  { id: 'modality', header: 'modalité', required: true },
  { id: 'centre', header: 'centre', required: true },
  { id: 'outsideProtocol', header: 'hors protocole', required: false },
  { id: 'channel', header: 'canal', required: false },
  { id: 'doctor', header: 'médecin demandeur', required: false },
  { id: 'refusals', header: 'refus', required: false },
  { id: 'refusalReasons', header: 'motifs de refus', required: false },
  { id: 'result', header: 'résultat', required: false },
  /** Export only: Créneau or an earlier import; every imported line is marked imported anyway. */
  { id: 'origin', header: 'origine', required: false },
] as const;

export type EvaluationColumnId = (typeof EVALUATION_COLUMNS)[number]['id'];

/** One line of the file, by column. */
export type EvaluationLine = Partial<Record<EvaluationColumnId, string>>;

/** Separator of several refusal reasons in one cell. */
export const REASON_SEPARATOR = ' | ';

/** Lower case, no accents, single spaces: how headers and words are compared. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
