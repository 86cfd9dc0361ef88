import type { AppointmentInClosure } from '@creneau/contracts';
import { formatInstant } from '../time/format-instant';

/**
 * The live appointments a closure (for a period, or for good) falls on, for the centre to move or cancel: a
 * sentence to add to the closure's message, empty when there is none.
 */
export function appointmentsToMove(appointments: readonly AppointmentInClosure[], timeZone: string): string {
  if (appointments.length === 0) return '';
  const listed = appointments.map(
    (appointment) => `${appointment.reference} (${formatInstant(appointment.start, timeZone, 'day-time')})`,
  );
  return appointments.length === 1
    ? ` Un rendez-vous déjà pris tombe pendant la fermeture, à déplacer ou annuler : ${listed[0]}.`
    : ` ${appointments.length} rendez-vous déjà pris tombent pendant la fermeture, à déplacer ou annuler : ${listed.join(', ')}.`;
}
