import { randomUUID } from 'node:crypto';
import type { ApiSession } from './api';

/** A complete, bookable CT request for renal colic, as the API takes it; names differ per test. */
export function completeCtRequest(lastName: string, firstName: string) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
  return {
    form: {
      doctor: { name: 'Dr Jeanne Martin', rpps: '10001234567', phone: '02 51 00 00 01' },
      requestDate: today,
      patient: {
        lastName,
        firstName,
        birthDate: '1970-03-02',
        address: { street: '1 rue de la Gare', postalCode: '85000', city: 'La Roche-sur-Yon' },
        phone: '06 00 00 00 01',
        email: null,
        ambulatory: true,
        mobilityAid: null,
        pregnant: 'no',
        pacemaker: false,
      },
      exam: { modality: 'ct', anatomicalRegion: 'Abdomen', contrast: false },
      suspectedDiagnosis: { code: 'renal-colic', otherText: null },
      clinicalElements: 'Douleur lombaire brutale',
      contrastWorkup: null,
      allergies: { contrastAgent: false, details: null },
      channel: 'phone',
    },
  };
}

/** Records a request and books it into a slot through the API, as a secretary would. */
export async function bookThroughApi(
  secretary: ApiSession,
  lastName: string,
  slotId: string,
): Promise<{ requestId: string; appointmentId: string }> {
  const request = await secretary.post<{ id: string }>('/api/requests', completeCtRequest(lastName, 'Test'));
  const appointment = await secretary.post<{ id: string }>(
    '/api/appointments',
    { requestId: request.id, slotId },
    { 'Idempotency-Key': randomUUID() },
  );
  return { requestId: request.id, appointmentId: appointment.id };
}
