import type { JobName, JobRunOutcome } from '@creneau/contracts';

export const OUTCOME_LABELS: Record<JobRunOutcome, string> = {
  running: 'En cours',
  ok: 'Réussie',
  failed: 'Échec',
  'skipped-busy': 'Sautée : la précédente tournait encore',
};

/** What each count of a run means; a count not listed yet shows under its own name. */
const COUNT_LABELS: Record<string, string> = {
  created: 'créneaux créés',
  updated: 'créneaux mis à jour',
  withdrawn: 'créneaux retirés',
  sources: 'sources importées',
  released: 'créneaux libérés',
  unansweredBookings: 'réservations relancées',
  nearTarget: 'demandes proches de l’objectif',
  overDeadline: 'demandes hors délai',
  lostToFollowUp: 'rendez-vous perdus de vue',
  pseudonymised: 'demandes pseudonymisées',
  bookingReplaysDeleted: 'rejeux de réservation effacés',
  jobRunsDeleted: 'anciennes exécutions effacées',
};

/** Counts whose name means something else from one job to another. */
const JOB_COUNT_LABELS: Partial<Record<JobName, Record<string, string>>> = {
  'import-poll': { failed: 'imports en échec' },
  'outbox-send': { sent: 'messages envoyés', retrying: 'messages à renvoyer', failed: 'messages en échec' },
  'evaluation-refresh': { refreshed: 'demandes mises à jour', busy: 'mise à jour déjà en cours' },
};

/** `3 créneaux libérés · 1 imports en échec`; the counts at zero are left out. */
export function countsLabel(job: JobName, counts: Record<string, number>): string {
  const done = Object.entries(counts).filter(([, count]) => count !== 0);
  if (done.length === 0) return 'Rien à faire';
  const labels = { ...COUNT_LABELS, ...JOB_COUNT_LABELS[job] };
  return done.map(([key, count]) => `${count} ${labels[key] ?? key}`).join(' · ');
}

/** `< 1 s`, `12 s`, `2 min 05 s`; empty while the run goes on. */
export function durationLabel(startedAt: string, endedAt: string | null): string {
  if (endedAt === null) return '';
  const seconds = Math.round((Date.parse(endedAt) - Date.parse(startedAt)) / 1000);
  if (seconds < 1) return '< 1 s';
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}
