import { DataSource, EntityManager } from 'typeorm';
import type { ImagingRequest, ImagingRequestDraft, Modality } from '@creneau/contracts';
import { assessRequest, localDateOf, requestDeadlines } from '@creneau/domain';
import { SlotRuleMaterialiser } from '../agenda/slot-rule-materialiser';
import { SlotRule } from '../agenda/slot-rule.entity';
import { DEMO_CENTRES, DEMO_TERRITORY } from './demo-territory';

/** The centres' recurring semi-urgent slots, as a CPTS would agree them. */
const DEMO_RULES: {
  centre: string;
  modality: Modality;
  rrule: string;
  startLocal: string;
  durationMinutes: number;
  capacity?: number;
}[] = [
  { centre: 'hospital', modality: 'ct', rrule: 'FREQ=DAILY', startLocal: '11:00', durationMinutes: 30 },
  { centre: 'hospital', modality: 'ct', rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', startLocal: '16:30', durationMinutes: 30 },
  { centre: 'hospital', modality: 'mri', rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR', startLocal: '13:00', durationMinutes: 40 },
  {
    centre: 'hospital',
    modality: 'radiography',
    rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
    startLocal: '09:00',
    durationMinutes: 120,
    capacity: 3,
  },
  { centre: 'hospital', modality: 'ultrasound', rrule: 'FREQ=WEEKLY;BYDAY=TU,TH', startLocal: '10:00', durationMinutes: 20 },
  { centre: 'clinic', modality: 'ct', rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', startLocal: '12:30', durationMinutes: 30 },
  {
    centre: 'clinic',
    modality: 'radiography',
    rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA',
    startLocal: '14:00',
    durationMinutes: 15,
  },
  { centre: 'clinic', modality: 'ultrasound', rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR', startLocal: '15:00', durationMinutes: 20 },
  {
    centre: 'practice',
    modality: 'radiography',
    rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
    startLocal: '08:30',
    durationMinutes: 60,
    capacity: 2,
  },
  { centre: 'practice', modality: 'ultrasound', rrule: 'FREQ=WEEKLY;BYDAY=MO,WE', startLocal: '17:00', durationMinutes: 20 },
];

interface DemoRequest {
  form: ImagingRequestDraft;
  hoursAgo: number;
  /** Booked into the first free slot of this centre and modality, then answered so. */
  booking?: { centre: string; answer?: 'confirmed' | 'refused' };
}

function form(
  patient: [string, string, string],
  exam: ImagingRequest['exam'],
  diagnosis: ImagingRequest['suspectedDiagnosis']['code'],
  clinical: string,
): ImagingRequest {
  const [lastName, firstName, birthDate] = patient;
  return {
    doctor: { name: 'Dr Jeanne Martin', rpps: '10001234567', phone: '02 51 37 00 00' },
    requestDate: localDateOf(new Date(), DEMO_TERRITORY.timezone),
    patient: {
      lastName,
      firstName,
      birthDate,
      address: { street: '4 rue des Halles', postalCode: '85000', city: 'La Roche-sur-Yon' },
      phone: '06 00 00 00 01',
      email: null,
      ambulatory: true,
      mobilityAid: null,
      pregnant: 'no',
      pacemaker: false,
    },
    exam,
    suspectedDiagnosis: { code: diagnosis, otherText: null },
    clinicalElements: clinical,
    contrastWorkup: null,
    allergies: { contrastAgent: false, details: null },
    channel: 'phone',
  };
}

/** Invented patients, one per state of the queue. */
const DEMO_REQUESTS: DemoRequest[] = [
  {
    form: {
      ...form(
        ['Moreau', 'Lucie', '1979-02-11'],
        { modality: 'ct', anatomicalRegion: 'Abdomen', contrast: false },
        'renal-colic',
        '',
      ),
      clinicalElements: null,
    },
    hoursAgo: 2,
  },
  {
    form: form(
      ['Bernard', 'Michel', '1950-07-30'],
      { modality: 'ct', anatomicalRegion: 'Abdomen et pelvis', contrast: false },
      'sigmoiditis',
      'Douleur fosse iliaque gauche, fièvre 38,5 °C.',
    ),
    hoursAgo: 5,
  },
  {
    form: form(
      ['Petit', 'Emma', '1992-12-03'],
      { modality: 'ultrasound', anatomicalRegion: 'Abdomen', contrast: false },
      'renal-colic',
      'Douleur lombaire gauche, hors protocole en échographie.',
    ),
    hoursAgo: 8,
  },
  {
    form: form(
      ['Leroy', 'Hugo', '2001-04-18'],
      { modality: 'radiography', anatomicalRegion: 'Cheville droite', contrast: false },
      'recent-trauma',
      'Entorse hier au football, appui impossible.',
    ),
    hoursAgo: 20,
    booking: { centre: 'clinic' },
  },
  {
    form: form(
      ['Roux', 'Denise', '1944-09-09'],
      { modality: 'ct', anatomicalRegion: 'Abdomen', contrast: false },
      'renal-colic',
      'Colique néphrétique droite résistante au traitement.',
    ),
    hoursAgo: 26,
    booking: { centre: 'hospital', answer: 'confirmed' },
  },
  {
    form: form(
      ['Garnier', 'Paul', '1967-05-21'],
      { modality: 'ultrasound', anatomicalRegion: 'Hypochondre droit', contrast: false },
      'biliary-colic',
      'Douleur post-prandiale, Murphy positif.',
    ),
    hoursAgo: 30,
    booking: { centre: 'practice', answer: 'refused' },
  },
];

/**
 * A living territory for a newcomer: recurring rules and their slots for the next three weeks, and a
 * queue of requests in every state (incomplete, to book, outside protocol, booked, confirmed, refused),
 * each with its history. Only into a territory without any rule yet.
 */
export async function seedDemoActivity(dataSource: DataSource, now = new Date()): Promise<'seeded' | 'already-active'> {
  return dataSource.transaction(async (manager) => {
    const [{ rules }] = (await manager.query(`SELECT count(*)::int AS rules FROM slot_rule`)) as { rules: number }[];
    if (rules > 0) return 'already-active';
    const centres = await centreIdsByKey(manager);
    const materialiser = new SlotRuleMaterialiser();
    for (const rule of DEMO_RULES) {
      const saved = await manager.save(
        manager.create(SlotRule, {
          centreId: centres[rule.centre],
          modality: rule.modality,
          rrule: rule.rrule,
          startLocal: rule.startLocal,
          durationMinutes: rule.durationMinutes,
          capacity: rule.capacity ?? 1,
          validFrom: localDateOf(now, DEMO_TERRITORY.timezone),
          releaseCutoffMinutes: 120,
        }),
      );
      await materialiser.materialise(
        manager,
        await manager.findOneByOrFail(SlotRule, { id: saved.id }),
        DEMO_TERRITORY.timezone,
        now,
      );
    }
    const secretary = await accountId(manager, 'secretariat');
    for (const [index, demo] of DEMO_REQUESTS.entries()) await seedRequest(manager, demo, index + 1, centres, secretary, now);
    return 'seeded';
  });
}

async function seedRequest(
  manager: EntityManager,
  demo: DemoRequest,
  number: number,
  centres: Record<string, string>,
  secretary: string,
  now: Date,
): Promise<void> {
  const receivedAt = new Date(now.getTime() - demo.hoursAgo * 3_600_000);
  const assessment = assessRequest(demo.form, { today: localDateOf(now, DEMO_TERRITORY.timezone) });
  const deadlines = requestDeadlines(receivedAt, DEMO_TERRITORY);
  const status = assessment.readiness === 'incomplete' ? 'incomplete' : 'to-book';
  const [{ id }] = (await manager.query(
    `INSERT INTO imaging_request (reference, territory_id, status, readiness, form, missing_fields, outside_protocol, modality,
       suspected_diagnosis, doctor_rpps, doctor_name, patient_name, channel, received_at, target_at, maximum_at, created_by)
     SELECT $1, t.id, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'phone', $12, $13, $14, $15 FROM territory t LIMIT 1
     RETURNING id`,
    [
      `CR-DEMO-${String(number).padStart(3, '0')}`,
      status,
      assessment.readiness,
      JSON.stringify(demo.form),
      assessment.missing.map((problem) => problem.field),
      assessment.outsideProtocol,
      demo.form.exam?.modality,
      demo.form.suspectedDiagnosis?.code,
      demo.form.doctor?.rpps,
      demo.form.doctor?.name,
      `${demo.form.patient?.lastName?.toUpperCase()} ${demo.form.patient?.firstName}`,
      receivedAt,
      deadlines.target,
      deadlines.maximum,
      secretary,
    ],
  )) as { id: string }[];
  await event(manager, id, null, secretary, 'create', null, status, null, receivedAt);
  await manager.query(`SELECT setval('imaging_request_number', GREATEST(nextval('imaging_request_number'), $1))`, [number]);
  if (!demo.booking) return;

  const [slot] = (await manager.query(
    `SELECT id, centre_id FROM slot WHERE centre_id = $1 AND modality = $2 AND status = 'open' AND booked_count < capacity AND starts_at > $3
      ORDER BY starts_at LIMIT 1`,
    [centres[demo.booking.centre], demo.form.exam?.modality, new Date(now.getTime() + 3 * 3_600_000)],
  )) as { id: string; centre_id: string }[];
  if (!slot) return;
  const bookedAt = new Date(receivedAt.getTime() + 3_600_000);
  await manager.query(`UPDATE slot SET booked_count = booked_count + 1, version = version + 1 WHERE id = $1`, [slot.id]);
  const answer = demo.booking.answer;
  const [{ id: appointmentId }] = (await manager.query(
    `INSERT INTO appointment (request_id, slot_id, centre_id, status, booked_by, booked_at, answered_at, closed_at, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      id,
      slot.id,
      slot.centre_id,
      answer ?? 'booked',
      secretary,
      bookedAt,
      answer ? new Date(bookedAt.getTime() + 2 * 3_600_000) : null,
      answer === 'refused' ? new Date(bookedAt.getTime() + 2 * 3_600_000) : null,
      answer === 'refused' ? 'Échographiste absent ce jour-là' : null,
    ],
  )) as { id: string }[];
  await event(manager, id, appointmentId, secretary, 'book', 'to-book', 'booked', null, bookedAt);
  if (answer === 'refused') {
    await manager.query(`UPDATE slot SET booked_count = booked_count - 1, version = version + 1 WHERE id = $1`, [slot.id]);
    await manager.query(
      `UPDATE imaging_request SET status = 'to-book', refusal_count = 1, last_refusal_reason = $2 WHERE id = $1`,
      [id, 'Échographiste absent ce jour-là'],
    );
    await event(
      manager,
      id,
      appointmentId,
      null,
      'refuse',
      'booked',
      'to-book',
      'Échographiste absent ce jour-là',
      new Date(bookedAt.getTime() + 2 * 3_600_000),
    );
  } else {
    await manager.query(`UPDATE imaging_request SET status = $2 WHERE id = $1`, [id, answer ?? 'booked']);
    if (answer)
      await event(
        manager,
        id,
        appointmentId,
        null,
        'confirm',
        'booked',
        'confirmed',
        null,
        new Date(bookedAt.getTime() + 2 * 3_600_000),
      );
  }
}

async function event(
  manager: EntityManager,
  requestId: string,
  appointmentId: string | null,
  accountId: string | null,
  action: string,
  from: string | null,
  to: string,
  reason: string | null,
  at: Date,
): Promise<void> {
  await manager.query(
    `INSERT INTO request_event (request_id, appointment_id, account_id, action, from_status, to_status, reason, occurred_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [requestId, appointmentId, accountId, action, from, to, reason, at],
  );
}

async function centreIdsByKey(manager: EntityManager): Promise<Record<string, string>> {
  const rows = (await manager.query(`SELECT id, name FROM centre`)) as { id: string; name: string }[];
  return Object.fromEntries(
    DEMO_CENTRES.map((centre) => [centre.key, rows.find((row) => row.name === centre.name)?.id as string]),
  );
}

async function accountId(manager: EntityManager, role: string): Promise<string> {
  const [row] = (await manager.query(`SELECT id FROM account WHERE role = $1 ORDER BY created_at LIMIT 1`, [role])) as {
    id: string;
  }[];
  return row.id;
}
