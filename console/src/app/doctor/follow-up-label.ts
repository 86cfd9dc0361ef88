import { IMAGING_RESULT_LABELS, type RequestSummary } from '@creneau/contracts';
import { missingLabels } from '../requests/request-labels';
import { formatInstant } from '../time/format-instant';

/** What the requesting doctor is told of a request: where and when it is booked, or why not yet. */
export function followUpLabel(request: RequestSummary, timeZone: string): string {
  const appointment = request.appointment;
  switch (request.status) {
    case 'incomplete':
      return `Incomplète : le télésecrétariat vous rappellera pour ${missingLabels(request).join(', ')}.`;
    case 'to-book':
      return request.refusalCount > 0
        ? `Refusée par le centre (${request.lastRefusalReason}) : le télésecrétariat cherche un autre créneau.`
        : 'En attente d’un créneau.';
    case 'booked':
    case 'confirmed':
      return appointment ? `${appointment.centreName}, ${formatInstant(appointment.start, timeZone, 'long')}` : '';
    case 'done':
      return appointment?.imagingResult ? IMAGING_RESULT_LABELS[appointment.imagingResult] : 'Examen réalisé.';
    default:
      return appointment?.reason ?? '';
  }
}
