import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Subject } from 'rxjs';
import { DataSource } from 'typeorm';
import type { Role } from '@creneau/contracts';
import type { Actor } from '../access/actor';
import { APP_CONFIG } from '../config/app-config.token';
import type { AppConfig } from '../config/app-config';
import { preparedQuery } from '../database/prepared-query';

/** However active, a session ends after this long: a shared workstation is signed out each day. */
const MAXIMUM_SESSION_HOURS = 12;
/** last_seen_at is refreshed at most this often, so that reads do not all turn into writes. */
const TOUCH_AFTER_SECONDS = 60;

/** An open session: account enabled, neither expired nor idle for more than `idleMinutes` (a parameter). */
const OPEN_SESSION = (idleMinutes: string) =>
  `a.disabled_at IS NULL AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(mins => ${idleMinutes})`;

const RESOLVE_SQL = `
  SELECT s.id AS session_id, a.id AS account_id, a.role, a.display_name, a.rpps,
         array(SELECT centre_id FROM account_centre WHERE account_id = a.id ORDER BY centre_id) AS centre_ids,
         s.last_seen_at < now() - make_interval(secs => $3) AS stale
    FROM session s JOIN account a ON a.id = s.account_id
   WHERE s.id = $1 AND ${OPEN_SESSION('$2')}`;

/** Sessions that just ended: one, or all of an account's but one. */
export type EndedSessions = { sessionId: string } | { accountId: string; exceptSessionId: string | null };

interface SessionRow {
  session_id: string;
  account_id: string;
  role: Role;
  display_name: string;
  rpps: string | null;
  centre_ids: string[];
  stale: boolean;
}

@Injectable()
export class SessionService {
  private readonly ended = new Subject<EndedSessions>();
  /** Sessions as they end (sign-out, account disabled, password changed): live connections end with them. */
  readonly ended$ = this.ended.asObservable();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get idleTimeoutMinutes(): number {
    return this.config.sessionIdleMinutes;
  }

  /** Opens a session and returns the token to put in the cookie. */
  async open(accountId: string): Promise<{ token: string; sessionId: string }> {
    const token = randomBytes(32).toString('base64url');
    const sessionId = hashToken(token);
    await this.dataSource.query(
      `INSERT INTO session (id, account_id, expires_at) VALUES ($1, $2, now() + make_interval(hours => $3))`,
      [sessionId, accountId, MAXIMUM_SESSION_HOURS],
    );
    return { token, sessionId };
  }

  /** The caller behind a cookie, or null when the session is unknown, idle too long, expired or its account disabled. */
  async resolve(token: unknown): Promise<Actor | null> {
    if (typeof token !== 'string' || token.length === 0 || token.length > 100) return null;
    const sessionId = hashToken(token);
    // Prepared: every request runs it, and planning it cost more than running it.
    const rows = await preparedQuery<SessionRow>(this.dataSource, 'session-resolve', RESOLVE_SQL, [
      sessionId,
      this.config.sessionIdleMinutes,
      TOUCH_AFTER_SECONDS,
    ]);
    const row = rows[0];
    if (!row) return null;
    if (row.stale) await this.dataSource.query(`UPDATE session SET last_seen_at = now() WHERE id = $1`, [sessionId]);
    return {
      accountId: row.account_id,
      role: row.role,
      displayName: row.display_name,
      rpps: row.rpps,
      centreIds: row.centre_ids,
      sessionId: row.session_id,
    };
  }

  async close(sessionId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM session WHERE id = $1`, [sessionId]);
    this.ended.next({ sessionId });
  }

  /** Ends every session of an account (disabled, or its password changed), but the one given. */
  async closeAllOf(accountId: string, exceptSessionId?: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM session WHERE account_id = $1 AND id IS DISTINCT FROM $2`, [
      accountId,
      exceptSessionId ?? null,
    ]);
    this.ended.next({ accountId, exceptSessionId: exceptSessionId ?? null });
  }

  /** Of these sessions, those still open, with their account's centres: live connections check theirs now and then. */
  async stillOpen(sessionIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = (await this.dataSource.query(
      `SELECT s.id, array(SELECT centre_id FROM account_centre WHERE account_id = a.id ORDER BY centre_id) AS centre_ids
         FROM session s JOIN account a ON a.id = s.account_id
        WHERE s.id = ANY ($1) AND ${OPEN_SESSION('$2')}`,
      [sessionIds, this.config.sessionIdleMinutes],
    )) as { id: string; centre_ids: string[] }[];
    return new Map(rows.map((row) => [row.id, row.centre_ids]));
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
