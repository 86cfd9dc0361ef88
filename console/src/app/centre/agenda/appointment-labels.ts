import type { AppointmentStatus } from '@creneau/contracts';

export const APPOINTMENT_STATUS_LABELS: Record<AppointmentStatus, string> = {
  booked: 'À confirmer',
  confirmed: 'Confirmé',
  refused: 'Refusé',
  cancelled: 'Annulé',
  done: 'Examen réalisé',
  'no-show': 'Patient absent',
};
