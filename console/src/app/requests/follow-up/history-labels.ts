import { REQUEST_STATUS_LABELS, type RequestEventView, type RequestStatus } from '@creneau/contracts';

/** French names of the transitions the server records in a request's history; others show as recorded. */
const ACTION_LABELS: Record<string, string> = {
  create: 'Demande enregistrée',
  update: 'Demande modifiée',
  override: 'Accord hors protocole',
  book: 'Rendez-vous réservé',
  reschedule: 'Rendez-vous déplacé',
  confirm: 'Confirmé par le centre',
  refuse: 'Refusé par le centre',
  done: 'Examen réalisé',
  'no-show': 'Patient absent',
  cancel: 'Rendez-vous annulé',
  chase: 'Relance du centre',
  'near-target': 'Proche du délai de 48 h',
  'over-deadline': 'Délai maximal dépassé',
  'lost-to-follow-up': 'Perdu de vue',
  pseudonymise: 'Données pseudonymisées',
};

export function historyActionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

export function statusLabel(status: string | null): string {
  return status === null ? '' : (REQUEST_STATUS_LABELS[status as RequestStatus] ?? status);
}

/** `À programmer → Réservée — en attente du centre`, or nothing when the status did not change. */
export function transitionLabel(event: Pick<RequestEventView, 'fromStatus' | 'toStatus'>): string {
  if (event.toStatus === null || event.fromStatus === event.toStatus) return '';
  return event.fromStatus === null
    ? statusLabel(event.toStatus)
    : `${statusLabel(event.fromStatus)} → ${statusLabel(event.toStatus)}`;
}

/** Who made the change: an account's name, or the system for scheduled jobs. */
export function actorLabel(event: Pick<RequestEventView, 'accountId' | 'accountName'>): string {
  return event.accountId === null ? 'Créneau (automatique)' : (event.accountName ?? 'Compte supprimé');
}
