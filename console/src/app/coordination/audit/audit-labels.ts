import type { AuditEventView } from '@creneau/contracts';

/** French names of the actions the server records; an action not listed yet shows as recorded. */
const ACTION_LABELS: Record<string, string> = {
  login: 'Connexion',
  logout: 'Déconnexion',
  'login-failed': 'Échec de connexion',
  'login-locked': 'Compte verrouillé après échecs',
  'login-refused': 'Connexion refusée',
  'password-changed': 'Mot de passe changé',
  create: 'Création',
  update: 'Modification',
  disable: 'Désactivation',
  enable: 'Réactivation',
};

const ENTITY_LABELS: Record<string, string> = {
  account: 'Compte',
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

/** What the event is about: an account by its e-mail when known, anything else by its kind and id. */
export function subjectLabel(event: AuditEventView, accountEmails: ReadonlyMap<string, string>): string {
  const entity = ENTITY_LABELS[event.entity] ?? event.entity;
  if (event.entityId === null) return entity;
  const name = event.entity === 'account' ? accountEmails.get(event.entityId) : undefined;
  return `${entity} ${name ?? event.entityId}`;
}

/** The event's details, one `key : value` after the other. */
export function detailsLabel(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key} : ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ');
}
