import type { ImagingRequestDraft, Modality, SafetyCheckCode, SafetyFinding } from '@creneau/contracts';

/** Radiography and CT irradiate: the protocol's pregnancy check applies to them only. */
export const IONISING_MODALITIES: readonly Modality[] = ['radiography', 'ct'];

/**
 * The protocol's safety checks on what the draft says so far (an unanswered question raises nothing here: the
 * completeness check reports it). Always in the same order: pregnancy, pacemaker, allergy.
 */
export function findSafetyIssues(draft: ImagingRequestDraft, confirmations: readonly SafetyCheckCode[] = []): SafetyFinding[] {
  const findings: SafetyFinding[] = [];
  const modality = draft.exam?.modality;
  const pregnant = draft.patient?.pregnant;

  if (modality && IONISING_MODALITIES.includes(modality) && (pregnant === 'yes' || pregnant === 'unknown')) {
    findings.push({
      code: 'pregnancy-ionising-exam',
      severity: 'confirm',
      message:
        pregnant === 'yes'
          ? 'Patiente enceinte et examen irradiant : confirmation explicite requise avant réservation.'
          : 'Grossesse non exclue et examen irradiant : confirmation explicite requise avant réservation.',
      confirmed: confirmations.includes('pregnancy-ionising-exam'),
    });
  }

  // Not a block on the request: eligibility keeps such patients to centres that take MR-conditional devices.
  if (modality === 'mri' && draft.patient?.pacemaker === true) {
    findings.push({
      code: 'pacemaker-mri',
      severity: 'warning',
      message: 'Pacemaker et IRM : seuls les centres acceptant les dispositifs compatibles IRM sous conditions sont proposés.',
    });
  }

  if (draft.exam?.contrast === true && draft.allergies?.contrastAgent === true) {
    findings.push({
      code: 'contrast-allergy',
      severity: 'warning',
      message: 'Allergie connue aux produits de contraste : à signaler au centre.',
    });
  }
  return findings;
}
