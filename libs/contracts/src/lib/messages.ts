export const MESSAGE_KINDS = ['booked', 'refused', 'cancelled', 'rescheduled'] as const;
/** The transitions a requesting doctor is told about. */
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const MESSAGE_KIND_LABELS: Record<MessageKind, string> = {
  booked: 'Rendez-vous réservé',
  refused: 'Refus du centre',
  cancelled: 'Rendez-vous annulé',
  rescheduled: 'Rendez-vous déplacé',
};

export type MessageStatus = 'pending' | 'sent' | 'failed';

/** A message not (yet) sent, as the console lists it (`GET /api/messages/unsent`). */
export interface UnsentMessageView {
  id: string;
  kind: MessageKind;
  requestId: string;
  reference: string;
  appointmentId: string | null;
  /** The requesting doctor as the request names them, to phone them instead (null once pseudonymised). */
  doctorName: string | null;
  doctorPhone: string | null;
  recipients: string[];
  copyTo: string[];
  /** Why the recipients are what they are (no doctor account for the RPPS…). */
  recipientNote: string | null;
  subject: string;
  body: string;
  status: Exclude<MessageStatus, 'sent'>;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  createdAt: string;
}
