export const MESSAGE_KINDS = ['booked', 'refused', 'cancelled', 'rescheduled'] as const;
/** The transitions a requesting doctor is told about. */
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export type MessageStatus = 'pending' | 'sent' | 'failed';

/** A message not (yet) sent, as the console lists it. */
export interface UnsentMessageView {
  id: string;
  kind: MessageKind;
  requestId: string;
  reference: string;
  appointmentId: string | null;
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
