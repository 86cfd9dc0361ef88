import type { Provider } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';

/** What the sender needs of nodemailer: sending one message. */
export interface MailTransport {
  sendMail(message: {
    from: string;
    to: string[];
    cc: string[];
    subject: string;
    text: string;
    icalEvent: { method: string; filename: string; content: string };
  }): Promise<unknown>;
}

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

/** nodemailer's SMTP transport for SMTP_URL; null without one, and the messages then wait in the outbox. */
export const mailTransportProvider: Provider = {
  provide: MAIL_TRANSPORT,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): MailTransport | null =>
    // Short timeouts: a silent server must not hold the outbox run (and its lock) for minutes.
    config.smtpUrl
      ? createTransport({ url: config.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 })
      : null,
};
