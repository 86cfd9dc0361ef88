import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { MAIL_TRANSPORT, type MailTransport } from './mail-transport';
import { isPermanent, MAX_ATTEMPTS, retryDelayMs } from './outbox-backoff';

const BATCH = 50;
const MAX_ERROR_LENGTH = 1_000;

export interface OutboxCounts {
  sent: number;
  retrying: number;
  failed: number;
}

interface DueMessage {
  id: string;
  recipients: string[];
  copy_to: string[];
  subject: string;
  body_text: string;
  ics: string;
  attempts: number;
}

/** Delivers the outbox by SMTP: each message on its own, retried with back-off, kept as failed when it cannot be. */
@Injectable()
export class OutboxSender {
  constructor(
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport | null,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The messages due at `now`, locked for this run (SKIP LOCKED: another run never sends them twice). */
  async sendDue(manager: EntityManager, now: Date): Promise<OutboxCounts> {
    const counts: OutboxCounts = { sent: 0, retrying: 0, failed: 0 };
    if (!this.transport) return counts;
    const due = (await manager.query(
      `SELECT id, recipients, copy_to, subject, body_text, ics, attempts FROM outbox_message
        WHERE status = 'pending' AND next_attempt_at <= $1 ORDER BY next_attempt_at, created_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, BATCH],
    )) as DueMessage[];
    for (const message of due) counts[await this.send(manager, this.transport, message, now)]++;
    return counts;
  }

  private async send(
    manager: EntityManager,
    transport: MailTransport,
    message: DueMessage,
    now: Date,
  ): Promise<keyof OutboxCounts> {
    const attempts = message.attempts + 1;
    try {
      await transport.sendMail({
        from: this.config.mailFrom,
        to: message.recipients,
        cc: message.copy_to,
        subject: message.subject,
        text: message.body_text,
        icalEvent: { method: 'PUBLISH', filename: 'rendez-vous.ics', content: message.ics },
      });
    } catch (error) {
      const final = isPermanent(error) || attempts >= MAX_ATTEMPTS;
      await manager.query(
        `UPDATE outbox_message SET status = $2, attempts = $3, last_error = $4, next_attempt_at = $5 WHERE id = $1`,
        [
          message.id,
          final ? 'failed' : 'pending',
          attempts,
          (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH),
          new Date(now.getTime() + retryDelayMs(attempts)),
        ],
      );
      return final ? 'failed' : 'retrying';
    }
    await manager.query(
      `UPDATE outbox_message SET status = 'sent', attempts = $2, sent_at = $3, last_error = NULL WHERE id = $1`,
      [message.id, attempts, now],
    );
    return 'sent';
  }
}
