import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  /** The envelope's recipients: To and Cc alike. */
  recipients: string[];
  raw: string;
}

export interface SmtpListener {
  url: string;
  received: ReceivedMail[];
  /** While set, every message is refused with this reply (451: try later; 550: never). */
  refuseWith: { code: number; message: string } | null;
  close(): Promise<void>;
}

/** A real SMTP server on a free loopback port, keeping what it receives (no TLS, no authentication). */
export async function startSmtpListener(): Promise<SmtpListener> {
  const listener: SmtpListener = { url: '', received: [], refuseWith: null, close: async () => undefined };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onMailFrom(_address, _session, callback) {
      const refusal = listener.refuseWith;
      callback(refusal ? Object.assign(new Error(refusal.message), { responseCode: refusal.code }) : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        listener.received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          recipients: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  listener.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  listener.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return listener;
}
