// One year of a large territory in set-based SQL: requests, their bookings (a refusal now and then), slots (with
// places nobody took), history events, then their evaluation rows. Deterministic (setseed). Patient data is left out:
// the indicators never read it.
import { hash } from '@node-rs/argon2';

export const BENCH_EMAIL = 'bench.coordination@creneau.test';
export const BENCH_PASSWORD = 'bench-password';
export const YEAR = { from: '2025-01-01', to: '2025-12-31' };

const STATEMENTS = [
  // The evaluation rows are refreshed once at the end rather than by the triggers at each of these statements.
  `SET session_replication_role = replica`,
  `SELECT setseed(0.42)`,
  `INSERT INTO territory (name, timezone, target_delay_hours, maximum_delay_hours)
   VALUES ('CPTS (banc d’essai des indicateurs)', 'Europe/Paris', 48, 72)`,
  // A third public, every modality everywhere: the figures do not depend on it.
  `INSERT INTO centre (territory_id, name, sector, organisation, street_address, postcode, city, latitude, longitude,
                       phone, secure_email, modalities, wheelchair_accessible, stretcher_accessible,
                       accepts_mr_conditional_pacemaker)
   SELECT t.id, 'Centre ' || n, CASE WHEN n % 3 = 0 THEN 'public' ELSE 'private' END, 'Organisation ' || n,
          n || ' rue du Banc', '85000', 'La Roche-sur-Yon', 46.67, -1.42, '0251000000', 'c' || n || '@bench.test',
          ARRAY['radiography', 'ultrasound', 'ct', 'mri'], true, true, true
     FROM territory t, generate_series(1, $centres) n`,
  `CREATE TEMP TABLE centre_ids AS SELECT array_agg(id ORDER BY id) AS ids FROM centre`,
  // Draws per request: when, what, by whom, and how it ends (volatile random() in the target list: one draw a row).
  `CREATE TEMP TABLE plan AS
   SELECT g, gen_random_uuid() AS id, timestamptz '2025-01-01 00:00 Europe/Paris' + random() * interval '365 days' AS received_at,
          (ARRAY['radiography', 'radiography', 'radiography', 'radiography', 'ultrasound', 'ultrasound', 'ultrasound',
                 'ct', 'ct', 'mri'])[1 + floor(random() * 10)::int] AS modality,
          (ARRAY['Thorax', 'Abdomen', 'Abdomen et pelvis', 'Rachis lombaire', 'Poignet', 'Cheville', 'Bassin'])[1 + floor(random() * 7)::int] AS region,
          random() < 0.15 AS contrast, random() AS diagnosis_draw,
          (ARRAY['phone', 'phone', 'phone', 'phone', 'phone', 'phone', 'phone', 'web', 'web', 'secure-mail'])[1 + floor(random() * 10)::int] AS channel,
          (10000000000 + floor(random() * 2500))::bigint::text AS rpps,
          random() < 0.15 AS received_incomplete, random() AS fate, random() < 0.08 AS refused_first,
          c.ids[1 + floor(random() * $centres)::int] AS centre_id, c.ids[1 + floor(random() * $centres)::int] AS first_centre_id,
          make_interval(mins => 5 + floor(random() * 55)::int) AS booking_after,
          make_interval(mins => 10 + floor(random() * 700)::int) AS answer_after,
          make_interval(mins => 15 * (8 + floor(random() * 376))::int) AS appointment_after,
          (ARRAY['confirmed', 'confirmed', 'not-confirmed', 'other-finding'])[1 + floor(random() * 4)::int] AS result
     FROM generate_series(1, $requests) g, centre_ids c`,
  `ALTER TABLE plan ADD COLUMN diagnosis text`,
  `UPDATE plan SET diagnosis = CASE WHEN diagnosis_draw < 0.03 THEN 'other' ELSE
     (SELECT a[1 + floor(random() * cardinality(a))::int]
        FROM (SELECT CASE modality WHEN 'radiography' THEN ARRAY['recent-trauma', 'pneumonia', 'pneumothorax']
                                   WHEN 'ultrasound' THEN ARRAY['acute-pyelonephritis', 'biliary-colic']
                                   WHEN 'ct' THEN ARRAY['renal-colic', 'sigmoiditis', 'colitis']
                                   ELSE ARRAY['radiculalgia-with-deficit', 'hyperalgic-radiculalgia'] END AS a) x) END`,
  // Fates: 3 % still incomplete, 2 % to book, then booked, confirmed, done (most), no-show, cancelled.
  `ALTER TABLE plan ADD COLUMN status text`,
  `UPDATE plan SET status = CASE WHEN fate < 0.03 THEN 'incomplete' WHEN fate < 0.05 THEN 'to-book'
                                 WHEN fate < 0.07 THEN 'booked' WHEN fate < 0.10 THEN 'confirmed'
                                 WHEN fate < 0.15 THEN 'no-show' WHEN fate < 0.19 THEN 'cancelled' ELSE 'done' END`,
  `INSERT INTO imaging_request (id, reference, territory_id, status, readiness, form, outside_protocol, modality,
                                suspected_diagnosis, doctor_rpps, doctor_name, patient_name, channel, received_at,
                                target_at, maximum_at, refusal_count, created_at)
   SELECT p.id, 'B-' || p.g, t.id, p.status, CASE WHEN p.status = 'incomplete' THEN 'incomplete' ELSE 'ready' END,
          jsonb_build_object('exam', jsonb_build_object('modality', p.modality, 'anatomicalRegion', p.region, 'contrast', p.contrast)),
          p.diagnosis = 'other', p.modality, p.diagnosis, p.rpps, 'Dr ' || p.rpps, 'PATIENT ' || p.g, p.channel,
          p.received_at, p.received_at + interval '48 hours', p.received_at + interval '72 hours',
          CASE WHEN p.refused_first AND p.status <> 'incomplete' THEN 1 ELSE 0 END, p.received_at
     FROM plan p, territory t`,
  // A refused first booking (the request went back to the queue), for 8 % of those that got past the form.
  `CREATE TEMP TABLE refused AS
   SELECT p.*, gen_random_uuid() AS appointment_id, gen_random_uuid() AS slot_id FROM plan p
    WHERE p.refused_first AND p.status <> 'incomplete'`,
  `INSERT INTO slot (id, centre_id, modality, starts_at, ends_at, capacity, booked_count, release_at, origin)
   SELECT slot_id, first_centre_id, modality, received_at + appointment_after, received_at + appointment_after + interval '20 minutes',
          1, 0, received_at + appointment_after - interval '2 hours', 'manual'
     FROM refused`,
  `INSERT INTO appointment (id, request_id, slot_id, centre_id, status, booked_at, answered_at, closed_at, reason)
   SELECT appointment_id, id, slot_id, first_centre_id, 'refused', received_at + booking_after / 2,
          received_at + booking_after * 0.75, received_at + booking_after * 0.75,
          (ARRAY['Machine en panne', 'Pas de radiologue', 'Hors protocole', 'Patient non joignable'])[1 + floor(random() * 4)::int]
     FROM refused`,
  // The booking that stands, for every request past the queue.
  `CREATE TEMP TABLE booked AS
   SELECT p.*, gen_random_uuid() AS appointment_id, gen_random_uuid() AS slot_id FROM plan p
    WHERE p.status NOT IN ('incomplete', 'to-book')`,
  `INSERT INTO slot (id, centre_id, modality, starts_at, ends_at, capacity, booked_count, release_at, origin)
   SELECT slot_id, centre_id, modality, received_at + appointment_after, received_at + appointment_after + interval '20 minutes',
          1, CASE WHEN status = 'cancelled' THEN 0 ELSE 1 END, received_at + appointment_after - interval '2 hours', 'manual'
     FROM booked`,
  `INSERT INTO appointment (id, request_id, slot_id, centre_id, status, booked_at, answered_at, closed_at, reason, imaging_result)
   SELECT appointment_id, id, slot_id, centre_id, status, received_at + booking_after,
          CASE WHEN status <> 'booked' AND fate > 0.06 THEN received_at + booking_after + answer_after END,
          CASE WHEN status IN ('done', 'no-show', 'cancelled') THEN received_at + appointment_after END,
          CASE WHEN status = 'cancelled' THEN 'Patient hospitalisé' END,
          CASE WHEN status = 'done' THEN result END
     FROM booked`,
  // Places nobody took: a quarter more.
  `INSERT INTO slot (centre_id, modality, starts_at, ends_at, capacity, booked_count, release_at, status, origin)
   SELECT c.id, (ARRAY['radiography', 'ultrasound', 'ct', 'mri'])[1 + floor(random() * 4)::int], s, s + interval '20 minutes',
          1, 0, s - interval '2 hours', CASE WHEN random() < 0.05 THEN 'withdrawn' ELSE 'open' END, 'manual'
     FROM (SELECT timestamptz '2025-01-01 08:00 Europe/Paris' + random() * interval '365 days' AS s,
                  c.ids[1 + floor(random() * $centres)::int] AS id
             FROM generate_series(1, $requests / 4), centre_ids c) c`,
  // The history: creation, each booking and each answer, the end.
  `INSERT INTO request_event (request_id, occurred_at, action, to_status)
   SELECT id, received_at, 'create', CASE WHEN received_incomplete OR status = 'incomplete' THEN 'incomplete' ELSE 'to-book' END FROM plan`,
  `INSERT INTO request_event (request_id, appointment_id, occurred_at, action, from_status, to_status)
   SELECT a.request_id, a.id, a.booked_at, 'book', 'to-book', 'booked' FROM appointment a`,
  `INSERT INTO request_event (request_id, appointment_id, occurred_at, action, from_status, to_status, reason)
   SELECT a.request_id, a.id, a.answered_at, CASE WHEN a.status = 'refused' THEN 'refuse' ELSE 'confirm' END, 'booked',
          CASE WHEN a.status = 'refused' THEN 'to-book' ELSE 'confirmed' END, a.reason
     FROM appointment a WHERE a.answered_at IS NOT NULL`,
  `INSERT INTO request_event (request_id, appointment_id, occurred_at, action, from_status, to_status, reason)
   SELECT a.request_id, a.id, a.closed_at, CASE a.status WHEN 'cancelled' THEN 'cancel' ELSE a.status END, 'confirmed', a.status, a.reason
     FROM appointment a WHERE a.status IN ('done', 'no-show', 'cancelled')`,
  `DROP TABLE plan, refused, booked, centre_ids`,
  `SET session_replication_role = DEFAULT`,
  `SELECT request_evaluation_refresh(ARRAY(SELECT id FROM imaging_request))`,
];

export async function seed(client, { requests, centres, log }) {
  const startedAt = Date.now();
  for (const statement of STATEMENTS) {
    await client.query(statement.replaceAll('$requests', String(requests)).replaceAll('$centres', String(centres)));
  }
  const passwordHash = await hash(BENCH_PASSWORD);
  await client.query(
    `INSERT INTO account (email, display_name, role, password_hash) VALUES ($1, 'Coordination (banc d’essai)', 'coordinator', $2)`,
    [BENCH_EMAIL, passwordHash],
  );
  await client.query('VACUUM ANALYZE');
  const { rows } = await client.query(`SELECT (SELECT count(*) FROM imaging_request)::int AS requests,
      (SELECT count(*) FROM appointment)::int AS appointments, (SELECT count(*) FROM slot)::int AS slots,
      (SELECT count(*) FROM request_event)::int AS events, (SELECT count(*) FROM centre)::int AS centres`);
  log(`seeded in ${((Date.now() - startedAt) / 1000).toFixed(1)} s: ${JSON.stringify(rows[0])}`);
  return rows[0];
}
