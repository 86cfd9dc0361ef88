/** The server's scheduled jobs: each tick runs on exactly one instance, and each run is recorded. */
export const JOB_NAMES = [
  'slot-rule-horizon',
  'import-poll',
  'slot-release',
  'chase',
  'lost-to-follow-up',
  'retention',
  'outbox-send',
  'evaluation-refresh',
] as const;
export type JobName = (typeof JOB_NAMES)[number];

export const JOB_LABELS: Record<JobName, string> = {
  'slot-rule-horizon': 'Créneaux des règles récurrentes',
  'import-poll': 'Imports des agendas des centres',
  'slot-release': 'Libération des créneaux inutilisés',
  chase: 'Relances et échéances',
  'lost-to-follow-up': 'Perdus de vue',
  retention: 'Pseudonymisation des demandes anciennes',
  'outbox-send': 'Envoi des messages aux médecins',
  'evaluation-refresh': 'Mise à jour des données des indicateurs',
};

/** When each job runs, as the server schedules it. */
export const JOB_SCHEDULE_LABELS: Record<JobName, string> = {
  'slot-rule-horizon': 'Toutes les heures et au démarrage',
  'import-poll': 'Chaque minute, selon l’intervalle de chaque source',
  'slot-release': 'Chaque minute',
  chase: 'Toutes les 5 minutes',
  'lost-to-follow-up': 'Toutes les heures',
  retention: 'Chaque nuit à 3 h 30',
  'outbox-send': 'Chaque minute, avec nouvelles tentatives espacées',
  'evaluation-refresh': 'Chaque minute, et avant chaque lecture des indicateurs',
};

/** `running` until it ends; `skipped-busy`: the previous run of the job was still going on some instance. */
export const JOB_RUN_OUTCOMES = ['running', 'ok', 'failed', 'skipped-busy'] as const;
export type JobRunOutcome = (typeof JOB_RUN_OUTCOMES)[number];

export interface JobRunView {
  job: JobName;
  /** The server instance that ran it (host, process). */
  instance: string;
  /** The scheduled time this run stands for (ISO 8601). */
  tick: string;
  startedAt: string;
  endedAt: string | null;
  outcome: JobRunOutcome;
  /** What the run did, by kind (slots released, requests flagged…). */
  counts: Record<string, number>;
  error: string | null;
}

/** `GET /api/jobs/runs`: one entry per job, never run or not. */
export interface JobStatusView {
  job: JobName;
  lastRun: JobRunView | null;
  lastSuccessAt: string | null;
}
