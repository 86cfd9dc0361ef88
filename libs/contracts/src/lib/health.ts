export type DatabaseState = 'up' | 'down';

/** Body of `GET /api/health`: 200 when the database answers, 503 when it does not. */
export interface HealthReport {
  status: 'ok' | 'unavailable';
  database: DatabaseState;
  version: string;
}
