import { HttpException, HttpStatus, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/actor';
import { AuditService } from '../audit/audit.service';
import { Account } from './account.entity';
import { hashPassword, verifyPassword } from './password-hasher';
import { SessionService } from './session.service';

/** Consecutive failures that lock an account, and for how long. */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

const INVALID_CREDENTIALS = 'Identifiants invalides.';
// Verified when the e-mail is unknown, so that timing does not tell which e-mails have an account.
const DECOY_HASH = hashPassword('decoy password of no account');

export interface LoginOutcome {
  account: Account;
  token: string;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  async login(email: string, password: string): Promise<LoginOutcome> {
    const account = await this.findWithCentres(email.trim().toLowerCase());
    if (!account || account.disabledAt) {
      await verifyPassword(await DECOY_HASH, password);
      await this.audit.record({
        actor: account ? { accountId: account.id } : null,
        action: 'login-refused',
        entity: 'account',
        entityId: account?.id ?? null,
        details: { reason: account ? 'disabled' : 'unknown-email' },
      });
      throw new UnauthorizedException(INVALID_CREDENTIALS);
    }
    if (account.lockedUntil && account.lockedUntil > new Date()) {
      throw lockedOut(account.lockedUntil);
    }
    if (!(await verifyPassword(account.passwordHash, password))) {
      const lockedUntil = await this.recordFailure(account.id);
      await this.audit.record({
        actor: { accountId: account.id },
        action: lockedUntil ? 'login-locked' : 'login-failed',
        entity: 'account',
        entityId: account.id,
      });
      if (lockedUntil) throw lockedOut(lockedUntil);
      throw new UnauthorizedException(INVALID_CREDENTIALS);
    }
    await this.dataSource.query(`UPDATE account SET failed_login_count = 0, locked_until = NULL WHERE id = $1`, [account.id]);
    const { token } = await this.sessions.open(account.id);
    await this.audit.record({ actor: { accountId: account.id }, action: 'login', entity: 'account', entityId: account.id });
    return { account, token };
  }

  async logout(actor: Actor): Promise<void> {
    await this.sessions.close(actor.sessionId);
    await this.audit.record({ actor, action: 'logout', entity: 'account', entityId: actor.accountId });
  }

  /** Changes the caller's password and ends their other sessions. */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const account = await this.dataSource.manager.findOneByOrFail(Account, { id: actor.accountId });
    if (!(await verifyPassword(account.passwordHash, currentPassword))) {
      throw new HttpException(
        {
          statusCode: 400,
          error: 'Bad Request',
          message: 'Mot de passe actuel incorrect.',
          fields: { currentPassword: ['incorrect'] },
        },
        HttpStatus.BAD_REQUEST,
      );
    }
    const passwordHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(Account, { id: actor.accountId }, { passwordHash, passwordChangedAt: new Date() });
      await this.audit.record(
        { actor, action: 'password-changed', entity: 'account', entityId: actor.accountId, reason: 'changed by its owner' },
        manager,
      );
    });
    await this.sessions.closeAllOf(actor.accountId, actor.sessionId);
  }

  async findWithCentres(email: string): Promise<Account | null> {
    return this.dataSource.manager.findOne(Account, { where: { email }, relations: { centres: true } });
  }

  /** Counts a failure atomically (two instances may see failures at once); returns the lock's end when it locks. */
  private async recordFailure(accountId: string): Promise<Date | null> {
    const [rows] = (await this.dataSource.query(
      `UPDATE account
          SET failed_login_count = CASE WHEN failed_login_count + 1 >= $2 THEN 0 ELSE failed_login_count + 1 END,
              locked_until = CASE WHEN failed_login_count + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
        WHERE id = $1
        RETURNING locked_until, locked_until > now() AS locked`,
      [accountId, MAX_FAILED_LOGINS, LOCKOUT_MINUTES],
    )) as [{ locked_until: Date | null; locked: boolean | null }[], number];
    return rows[0]?.locked ? rows[0].locked_until : null;
  }
}

function lockedOut(until: Date): HttpException {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return new HttpException(
    {
      statusCode: HttpStatus.TOO_MANY_REQUESTS,
      error: 'Too Many Requests',
      message: `Trop d’échecs de connexion : compte verrouillé pour ${minutes} min.`,
      retryAfterSeconds: minutes * 60,
    },
    HttpStatus.TOO_MANY_REQUESTS,
  );
}
