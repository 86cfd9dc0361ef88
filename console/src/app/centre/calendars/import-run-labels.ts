import type { ImportKind, ImportRunOutcome } from '@creneau/contracts';

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  ical: 'Flux iCal',
  fhir: 'SMART Scheduling Links (FHIR)',
};

/** What one import did, in a sentence: `Import réussi : 3 créés, 1 mis à jour, 12 inchangés.` */
export function runOutcomeLabel(outcome: ImportRunOutcome): string {
  if (!outcome.ok) return `Import impossible : ${outcome.error ?? 'erreur inconnue'}. Les créneaux déjà importés sont conservés.`;
  const { created, updated, unchanged, withdrawn, conflicts, skipped } = outcome.counts;
  const parts = [
    `${created} ${created > 1 ? 'créés' : 'créé'}`,
    `${updated} mis à jour`,
    `${unchanged} ${unchanged > 1 ? 'inchangés' : 'inchangé'}`,
    ...(withdrawn > 0 ? [`${withdrawn} ${withdrawn > 1 ? 'retirés' : 'retiré'}`] : []),
    ...(conflicts > 0
      ? [`${conflicts} réservé${conflicts > 1 ? 's' : ''} disparu${conflicts > 1 ? 's' : ''} de la source, à vérifier`]
      : []),
    ...(skipped > 0 ? [`${skipped} ignoré${skipped > 1 ? 's' : ''}`] : []),
  ];
  return `Import réussi : ${parts.join(', ')}.`;
}
