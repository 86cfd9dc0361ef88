import { resolve } from 'node:path';

/** Everything the server reads from its environment, read and checked once at start. */
export interface AppConfig {
  /** HTTP port; 0 asks the system for a free one (tests). */
  port: number;
  /** An existing PostgreSQL server; when absent an embedded one is started. */
  databaseUrl: string | undefined;
  /** Where the embedded PostgreSQL keeps its data and the demo keeps its password. */
  dataDir: string;
  /** Seed the demo territory into an empty database. */
  demoMode: boolean;
  /** Password of every demo account; generated once and kept under dataDir when absent. */
  demoPassword: string | undefined;
  /** The built console served at `/`. */
  consoleDir: string;
  logLevel: string;
  /** Show the embedded PostgreSQL's own log. */
  embeddedPostgresLog: boolean;
  /** A session ends after this many minutes without a request. */
  sessionIdleMinutes: number;
  /** Login attempts allowed per minute from one address (per instance). */
  loginRateLimitPerMinute: number;
  /** How long a telesecretary's hold on a slot lasts. */
  holdMinutes: number;
  /** Run the scheduled jobs (imports polling…); off in tests, which call the jobs' logic directly. */
  jobsEnabled: boolean;
  /** Working hours (Mon–Fri 08:00–18:00) a centre has to answer a booking before it is chased. */
  chaseAfterWorkingHours: number;
  /** Days after an appointment past which an unknown outcome makes it lost to follow-up. */
  lostToFollowUpDays: number;
  /** Months after a request is closed before its patient's identity is pseudonymised. */
  retentionMonths: number;
  /** Days of the past that a calendar feed still carries. */
  calendarDaysBack: number;
  /** Days ahead that a calendar feed carries. */
  calendarDaysAhead: number;
  /** The outbox's SMTP server (smtp:// or smtps://); unset, messages wait in the outbox, shown as unsent. */
  smtpUrl: string | undefined;
  /** The CPTS's address: copied on every message to a doctor, and the only recipient when the doctor has no account. */
  cptsEmail: string | undefined;
  /** Sender of the messages: MAIL_FROM, else the CPTS's address. */
  mailFrom: string;
}

export class ConfigError extends Error {}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databaseUrl = nonEmpty(env['DATABASE_URL']);
  const logLevel = nonEmpty(env['LOG_LEVEL']) ?? 'info';
  const cptsEmail = parseEmail('CPTS_EMAIL', env['CPTS_EMAIL']);
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; got "${logLevel}".`);
  }
  return {
    port: parsePort(env['PORT']),
    databaseUrl,
    dataDir: resolve(nonEmpty(env['DATA_DIR']) ?? '.data'),
    demoMode: parseFlag('DEMO', env['DEMO'], databaseUrl === undefined),
    demoPassword: nonEmpty(env['DEMO_PASSWORD']),
    consoleDir: resolve(nonEmpty(env['CONSOLE_DIR']) ?? 'dist/console/browser'),
    logLevel,
    embeddedPostgresLog: parseFlag('EMBEDDED_PG_LOG', env['EMBEDDED_PG_LOG'], false),
    sessionIdleMinutes: parsePositiveInteger('SESSION_IDLE_MINUTES', env['SESSION_IDLE_MINUTES'], 30),
    loginRateLimitPerMinute: parsePositiveInteger('LOGIN_RATE_LIMIT', env['LOGIN_RATE_LIMIT'], 10),
    holdMinutes: parsePositiveInteger('HOLD_MINUTES', env['HOLD_MINUTES'], 3),
    jobsEnabled: parseFlag('JOBS_ENABLED', env['JOBS_ENABLED'], true),
    chaseAfterWorkingHours: parsePositiveInteger('CHASE_AFTER_WORKING_HOURS', env['CHASE_AFTER_WORKING_HOURS'], 4),
    lostToFollowUpDays: parsePositiveInteger('LOST_TO_FOLLOW_UP_DAYS', env['LOST_TO_FOLLOW_UP_DAYS'], 3),
    retentionMonths: parsePositiveInteger('RETENTION_MONTHS', env['RETENTION_MONTHS'], 12),
    calendarDaysBack: parsePositiveInteger('CALENDAR_DAYS_BACK', env['CALENDAR_DAYS_BACK'], 7),
    calendarDaysAhead: parsePositiveInteger('CALENDAR_DAYS_AHEAD', env['CALENDAR_DAYS_AHEAD'], 30),
    smtpUrl: parseSmtpUrl(env['SMTP_URL']),
    cptsEmail,
    mailFrom: parseEmail('MAIL_FROM', env['MAIL_FROM']) ?? cptsEmail ?? 'creneau@localhost',
  };
}

function parseSmtpUrl(value: string | undefined): string | undefined {
  const text = nonEmpty(value);
  if (text === undefined) return undefined;
  if (!URL.canParse(text) || !['smtp:', 'smtps:'].includes(new URL(text).protocol)) {
    throw new ConfigError('SMTP_URL must be an smtp:// or smtps:// URL (smtp://user:password@host:587).');
  }
  return text;
}

/** A bare address or a "Name <address>" one; nodemailer reads both. */
function parseEmail(name: string, value: string | undefined): string | undefined {
  const text = nonEmpty(value);
  if (text === undefined) return undefined;
  if (!/^([^<>]*<)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/.test(text))
    throw new ConfigError(`${name} must be an e-mail address; got "${text}".`);
  return text;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function parsePort(value: string | undefined): number {
  if (nonEmpty(value) === undefined) return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be an integer between 0 and 65535; got "${value}".`);
  }
  return port;
}

function parsePositiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (nonEmpty(value) === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new ConfigError(`${name} must be a positive integer; got "${value}".`);
  return number;
}

function parseFlag(name: string, value: string | undefined, fallback: boolean): boolean {
  const text = nonEmpty(value)?.toLowerCase();
  if (text === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(text)) return true;
  if (['0', 'false', 'no', 'off'].includes(text)) return false;
  throw new ConfigError(`${name} must be true or false; got "${value}".`);
}
