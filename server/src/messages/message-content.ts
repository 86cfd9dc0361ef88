import type { RequestStatus } from '@creneau/contracts';
import type { MessageKind } from '@creneau/contracts';

/** What a message says: the appointment's where and when, never the diagnosis nor any free text. */
export interface MessageFacts {
  kind: MessageKind;
  doctorName: string | null;
  reference: string;
  exam: string;
  centreName: string;
  address: string;
  phone: string;
  start: Date;
  timeZone: string;
  /** After the change: tells a cancelled request from one going back to the queue. */
  requestStatus: RequestStatus;
  /** A moved appointment's former time and place. */
  previous: { start: Date; centreName: string } | null;
}

export interface MessageText {
  subject: string;
  text: string;
}

const SUBJECTS: Record<MessageKind, string> = {
  booked: 'Rendez-vous d’imagerie réservé',
  refused: 'Rendez-vous d’imagerie refusé par le centre',
  cancelled: 'Rendez-vous d’imagerie annulé',
  rescheduled: 'Rendez-vous d’imagerie déplacé',
};

export function messageContent(facts: MessageFacts): MessageText {
  const when = (date: Date) => dateTimeFormat(facts.timeZone).format(date);
  return {
    subject: `${SUBJECTS[facts.kind]} — demande ${facts.reference}`,
    text: [
      `Bonjour ${facts.doctorName ?? 'Docteur'},`,
      '',
      ...opening(facts, when),
      '',
      `Examen : ${facts.exam}`,
      `Centre : ${facts.centreName}, ${facts.address} — tél. ${facts.phone}`,
      `Date : ${when(facts.start)}`,
      '',
      'Le rendez-vous est joint au format iCalendar (.ics) pour votre agenda.',
      'Le détail de la demande et les motifs sont consultables dans Créneau : ce message ne contient aucune donnée clinique.',
      '',
      '--',
      'Créneau — télésecrétariat de la CPTS',
    ].join('\n'),
  };
}

function opening(facts: MessageFacts, when: (date: Date) => string): string[] {
  switch (facts.kind) {
    case 'booked':
      return [
        `Le télésecrétariat de la CPTS a réservé un rendez-vous d’imagerie pour votre demande ${facts.reference}.`,
        'Le centre doit encore le confirmer.',
      ];
    case 'refused':
      return [
        `Le centre a refusé le rendez-vous prévu pour votre demande ${facts.reference}.`,
        'La demande revient au télésecrétariat, qui cherche un autre créneau.',
      ];
    case 'cancelled':
      return [
        `Le rendez-vous d’imagerie prévu pour votre demande ${facts.reference} est annulé.`,
        facts.requestStatus === 'cancelled'
          ? 'La demande est close.'
          : 'La demande revient au télésecrétariat, qui cherche un autre créneau.',
      ];
    case 'rescheduled':
      return [
        `Le rendez-vous d’imagerie de votre demande ${facts.reference} a été déplacé.`,
        ...(facts.previous ? [`Il était prévu le ${when(facts.previous.start)} (${facts.previous.centreName}).`] : []),
        'Le centre doit confirmer le nouveau rendez-vous.',
      ];
  }
}

/** One formatter per zone: making one costs about a millisecond, formatting with it a few microseconds. */
const formats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('fr-FR', { timeZone, dateStyle: 'full', timeStyle: 'short' });
    formats.set(timeZone, format);
  }
  return format;
}
