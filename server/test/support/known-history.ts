import { DataSource } from 'typeorm';
import { demoCentreIds } from './agenda-fixtures';
import { insertPastRequest, insertPastSlot, type PastRequest, type PatientIdentity } from './indicator-fixtures';

/**
 * A territory's 2025, written so that every indicator can be computed by hand (see indicators.spec.ts).
 * Times are Paris local times. Summer time began on 30 March 2025 and ended on 26 October 2025.
 * The period of the tests is 1 March – 31 October 2025.
 */
export const KNOWN_PERIOD = { from: '2025-03-01', to: '2025-10-31' };

export const KNOWN_REQUESTS: Record<string, PastRequest> = {
  // Across the spring change: Saturday 10:00 to Monday 10:00 is 47 hours, calendar day J+2. Done, confirmed.
  r1: {
    received: '2025-03-29 10:00',
    status: 'done',
    modality: 'ct',
    diagnosis: 'renal-colic',
    region: 'Abdomen et pelvis',
    channel: 'phone',
    rpps: '10000000001',
    bookings: [
      {
        centre: 'hospital',
        slot: '2025-03-31 10:00',
        booked: '2025-03-29 10:30',
        answered: '2025-03-29 11:30',
        status: 'done',
        result: 'confirmed',
      },
    ],
  },
  // Across the autumn change: Saturday 10:00 to Monday 10:00 is 49 hours, J+2. The patient did not come.
  r2: {
    received: '2025-10-25 10:00',
    status: 'no-show',
    modality: 'ultrasound',
    diagnosis: 'biliary-colic',
    region: 'Abdomen',
    channel: 'web',
    rpps: '10000000002',
    bookings: [
      {
        centre: 'hospital',
        slot: '2025-10-27 10:00',
        booked: '2025-10-25 10:15',
        answered: '2025-10-25 12:15',
        status: 'no-show',
      },
    ],
  },
  // 00:30 on 1 April in Paris is still 31 March in UTC: an April request. Incomplete when received; refused by the
  // clinic, then booked at the hospital, which never answered: lost to follow-up, never answered. 37.5 h, J+1.
  r3: {
    received: '2025-04-01 00:30',
    status: 'booked',
    modality: 'ct',
    diagnosis: 'sigmoiditis',
    region: 'Abdomen et pelvis',
    contrast: true,
    channel: 'phone',
    rpps: '10000000001',
    receivedIncomplete: true,
    bookings: [
      {
        centre: 'clinic',
        slot: '2025-04-01 16:00',
        booked: '2025-04-01 08:00',
        answered: '2025-04-01 10:00',
        status: 'refused',
        reason: 'Machine en panne',
      },
      { centre: 'hospital', slot: '2025-04-02 14:00', booked: '2025-04-01 10:30', status: 'booked' },
    ],
  },
  // Refused once, rebooked and confirmed in an hour: 48 hours exactly, within the target. Suspicion not confirmed.
  r4: {
    received: '2025-04-10 09:00',
    status: 'done',
    modality: 'mri',
    diagnosis: 'hyperalgic-radiculalgia',
    region: 'Rachis lombaire',
    channel: 'secure-mail',
    rpps: '10000000003',
    bookings: [
      {
        centre: 'hospital',
        slot: '2025-04-11 09:00',
        booked: '2025-04-10 09:30',
        answered: '2025-04-10 13:30',
        status: 'refused',
        reason: 'machine en panne',
      },
      {
        centre: 'hospital',
        slot: '2025-04-12 09:00',
        booked: '2025-04-10 14:00',
        answered: '2025-04-10 15:00',
        status: 'done',
        result: 'not-confirmed',
      },
    ],
  },
  // Same day (J0, 9 hours), confirmed in 20 minutes, then cancelled: the patient was admitted to hospital.
  r5: {
    received: '2025-04-15 08:00',
    status: 'cancelled',
    modality: 'radiography',
    diagnosis: 'recent-trauma',
    region: 'Poignet droit',
    channel: 'phone',
    rpps: '10000000001',
    bookings: [
      {
        centre: 'practice',
        slot: '2025-04-15 17:00',
        booked: '2025-04-15 08:10',
        answered: '2025-04-15 08:30',
        status: 'cancelled',
        reason: 'patient hospitalisé',
      },
    ],
  },
  // Outside the protocol (overridden), refused by the clinic (slot withdrawn) and never rebooked.
  r6: {
    received: '2025-04-20 10:00',
    status: 'to-book',
    modality: 'ultrasound',
    diagnosis: 'other',
    region: 'Abdomen',
    channel: 'phone',
    rpps: '10000000004',
    outsideProtocol: true,
    bookings: [
      {
        centre: 'clinic',
        slot: '2025-04-21 09:00',
        booked: '2025-04-20 10:30',
        answered: '2025-04-20 11:30',
        status: 'refused',
        reason: 'hors protocole',
        slotStatus: 'withdrawn',
      },
    ],
  },
  // Still incomplete: never booked.
  r7: {
    received: '2025-04-22 10:00',
    status: 'incomplete',
    modality: 'ct',
    diagnosis: 'colitis',
    region: 'Abdomen et pelvis',
    channel: 'phone',
    rpps: '10000000005',
    receivedIncomplete: true,
  },
  // Refused by the hospital, confirmed by the clinic in 3 hours: 72 hours exactly, J+3; then nobody recorded
  // whether the exam was done: lost to follow-up, outcome unknown.
  r8: {
    received: '2025-04-25 09:00',
    status: 'confirmed',
    modality: 'ct',
    diagnosis: 'renal-colic',
    region: 'abdomen et pelvis',
    channel: 'web',
    rpps: '10000000002',
    bookings: [
      {
        centre: 'hospital',
        slot: '2025-04-26 09:00',
        booked: '2025-04-25 09:10',
        answered: '2025-04-25 09:20',
        status: 'refused',
        reason: 'Machine en panne',
      },
      {
        centre: 'clinic',
        slot: '2025-04-28 09:00',
        capacity: 2,
        booked: '2025-04-25 09:30',
        answered: '2025-04-25 12:30',
        status: 'confirmed',
      },
    ],
  },
  // 23:30 on 31 October in Paris: the last half-hour of the period. Not booked yet.
  r9: {
    received: '2025-10-31 23:30',
    status: 'to-book',
    modality: 'radiography',
    diagnosis: 'pneumonia',
    region: 'Thorax',
    channel: 'phone',
    rpps: '10000000006',
  },
  // Just outside the period, either side.
  before: {
    received: '2025-02-28 23:30',
    status: 'to-book',
    modality: 'ct',
    diagnosis: 'renal-colic',
    region: 'Abdomen',
    channel: 'phone',
    rpps: '10000000007',
  },
  after: {
    received: '2025-11-01 00:30',
    status: 'to-book',
    modality: 'ct',
    diagnosis: 'renal-colic',
    region: 'Abdomen',
    channel: 'phone',
    rpps: '10000000008',
  },
};

export const KNOWN_PATIENTS: PatientIdentity[] = Object.keys(KNOWN_REQUESTS).map((key, index) => ({
  lastName: `Quenouille${key.toUpperCase()}`,
  firstName: `Anatole${index}`,
  birthDate: `19${50 + index}-0${(index % 9) + 1}-1${index % 10}`,
  phone: `06 12 34 56 ${String(10 + index)}`,
  email: `anatole.quenouille${index}@patient.test`,
  street: `${index + 1} rue des Capucines`,
}));

/** Writes the history and the places nobody took; returns the requests' ids by key. */
export async function writeKnownHistory(dataSource: DataSource): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const [index, [key, request]] of Object.entries(KNOWN_REQUESTS).entries()) {
    ids[key] = await insertPastRequest(dataSource, request, KNOWN_PATIENTS[index]);
  }
  const centres = await demoCentreIds(dataSource);
  await insertPastSlot(dataSource, { centre: centres.hospital, modality: 'ct', start: '2025-05-05 09:00' });
  await insertPastSlot(dataSource, { centre: centres.hospital, modality: 'ct', start: '2025-11-05 09:00' });
  return ids;
}
