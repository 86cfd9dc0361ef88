import { ROLES, type ClientToServerEvents, type LiveRefusal, type Role } from '@creneau/contracts';
import type { Actor } from '../access/actor';

/**
 * Who may send each client event, as the HTTP routes' `@Allow`: typed over every event name, so a new
 * event without a rule does not compile, and an event that is not here is refused (default deny).
 * Scoping what each role sees is the rooms' job.
 */
export const SOCKET_RULES: Record<keyof ClientToServerEvents, readonly Role[]> = {
  'live:subscribe': ROLES,
};

/** socket.io middleware of one socket: lets an allowed event through, answers any other with a refusal. */
export function socketRules(actor: Actor) {
  return ([name, ...args]: unknown[], next: (error?: Error) => void): void => {
    const rule =
      typeof name === 'string' && Object.hasOwn(SOCKET_RULES, name) ? SOCKET_RULES[name as keyof ClientToServerEvents] : null;
    if (rule?.includes(actor.role)) return next();
    const answer = args.at(-1);
    const message = rule ? 'Votre rôle ne permet pas cette action.' : 'Événement inconnu.';
    if (typeof answer === 'function') (answer as (refusal: LiveRefusal) => void)({ status: 'refused', message });
  };
}

export function refusal(message: string): LiveRefusal {
  return { status: 'refused', message };
}
