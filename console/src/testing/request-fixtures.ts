import type { AppointmentView, RequestView } from '@creneau/contracts';
import { HOSPITAL } from './territory-fixtures';

/** A bookable CT request for renal colic, received just now, as `GET /api/requests/:id` gives it. */
export function bookableRequest(overrides: Partial<RequestView> = {}): RequestView {
  const now = Date.now();
  return {
    id: 'r1',
    reference: 'CR-2026-000001',
    status: 'to-book',
    readiness: 'bookable',
    patientName: 'DURAND Paul',
    doctorName: 'Dr Claire Martin',
    modality: 'ct',
    suspectedDiagnosis: 'renal-colic',
    receivedAt: new Date(now).toISOString(),
    targetAt: new Date(now + 48 * 3_600_000).toISOString(),
    maximumAt: new Date(now + 72 * 3_600_000).toISOString(),
    missingFields: [],
    refusalCount: 0,
    lastRefusalReason: null,
    nearTargetAt: null,
    overDeadlineAt: null,
    appointment: null,
    version: 1,
    form: {
      doctor: { name: 'Dr Claire Martin', rpps: '10101234567', phone: '02 51 12 34 56' },
      patient: { lastName: 'Durand', firstName: 'Paul', ambulatory: true, pacemaker: false, pregnant: 'no' },
      exam: { modality: 'ct', anatomicalRegion: 'Abdomen', contrast: false },
      suspectedDiagnosis: { code: 'renal-colic', otherText: null },
    },
    confirmations: [],
    assessment: {
      missing: [],
      invalid: [],
      outsideProtocol: false,
      overridden: false,
      safety: [],
      readiness: 'bookable',
      bookable: true,
    },
    override: null,
    appointments: [],
    ...overrides,
  };
}

/** A live appointment at the hospital for request r1, just booked, as the API gives it. */
export function bookedAppointment(start: string, end: string, overrides: Partial<AppointmentView> = {}): AppointmentView {
  return {
    id: 'ap1',
    requestId: 'r1',
    slotId: 's1',
    centreId: HOSPITAL.id,
    centreName: HOSPITAL.name,
    start,
    end,
    status: 'booked',
    bookedAt: new Date().toISOString(),
    answeredAt: null,
    reason: null,
    imagingResult: null,
    chasedAt: null,
    lostToFollowUpAt: null,
    version: 1,
    ...overrides,
  };
}
