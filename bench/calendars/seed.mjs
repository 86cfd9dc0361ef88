// One centre whose feed holds `events` events around now: half reserved slots, half appointments in them
// (booked, confirmed, done, cancelled), with the French text and lengths of real ones.
import { createHash, randomBytes } from 'node:crypto';
import { query } from '../lib/database.mjs';

export async function seedFeed(url, events) {
  const slots = Math.ceil(events / 2);
  const [territory] = await query(
    url,
    `INSERT INTO territory (name, timezone, target_delay_hours, maximum_delay_hours)
     VALUES ('CPTS du banc d’essai', 'Europe/Paris', 48, 72) RETURNING id`,
  );
  const [centre] = await query(
    url,
    `INSERT INTO centre (territory_id, name, sector, organisation, street_address, postcode, city, latitude, longitude, phone,
                         secure_email, modalities, wheelchair_accessible, stretcher_accessible, accepts_mr_conditional_pacemaker)
     VALUES ($1, 'Hôpital de La Roche-sur-Yon — imagerie', 'public', 'CHD Vendée', '12 boulevard Stéphane Moreau', '85000',
             'La Roche-sur-Yon', 46.67, -1.43, '02 51 44 61 61', 'imagerie@chd.mssante.fr', '{radiography,ultrasound,ct,mri}',
             true, true, true) RETURNING id`,
    [territory.id],
  );
  // Slots every 20 minutes from five days back, 08:00–18:00 (UTC), as many as asked.
  await query(
    url,
    `INSERT INTO slot (centre_id, modality, starts_at, ends_at, release_at, origin, booked_count)
     SELECT $1, (ARRAY['radiography','ultrasound','ct','mri'])[1 + n % 4], t, t + interval '20 minutes', t - interval '2 hours',
            'rule', CASE WHEN n % 4 = 3 THEN 0 ELSE 1 END
       FROM (SELECT n, date_trunc('day', now()) - interval '5 days' + (n / 30) * interval '1 day'
                       + interval '8 hours' + (n % 30) * interval '20 minutes' AS t
               FROM generate_series(0, $2 - 1) AS n) AS planned`,
    [centre.id, slots],
  );
  await query(
    url,
    `INSERT INTO imaging_request (reference, territory_id, status, readiness, form, modality, patient_name, doctor_name,
                                  doctor_rpps, received_at, target_at, maximum_at)
     SELECT 'CR-2026-' || lpad(row_number() OVER (ORDER BY s.starts_at)::text, 6, '0'), $2, 'booked', 'ready',
            jsonb_build_object('exam', jsonb_build_object('modality', s.modality, 'anatomicalRegion', 'Abdomen et pelvis',
                                                          'contrast', false)),
            s.modality, 'DURAND Paul', 'Dr Jeanne Martin', '10001234567', s.starts_at - interval '1 day',
            s.starts_at + interval '1 day', s.starts_at + interval '2 days'
       FROM slot s WHERE s.centre_id = $1`,
    [centre.id, territory.id],
  );
  await query(
    url,
    `INSERT INTO appointment (request_id, slot_id, centre_id, status, answered_at, closed_at, version)
     SELECT r.id, s.id, s.centre_id, state.status, s.starts_at - interval '20 hours',
            CASE WHEN state.status IN ('done', 'cancelled') THEN s.starts_at END, 1 + s.n % 3
       FROM (SELECT s.*, row_number() OVER (ORDER BY s.starts_at) AS n FROM slot s WHERE s.centre_id = $1) AS s
       JOIN imaging_request r ON r.reference = 'CR-2026-' || lpad(s.n::text, 6, '0'),
            LATERAL (SELECT (ARRAY['booked','confirmed','done','cancelled'])[1 + s.n % 4] AS status) AS state`,
    [centre.id],
  );
  const token = randomBytes(32).toString('base64url');
  await query(
    url,
    `INSERT INTO calendar_feed (scope, territory_id, centre_id, label, token_hash) VALUES ('centre', $1, $2, 'banc d’essai', $3)`,
    [territory.id, centre.id, createHash('sha256').update(token).digest()],
  );
  const [{ count }] = await query(url, `SELECT (SELECT count(*) FROM slot) + (SELECT count(*) FROM appointment) AS count`);
  return { path: `/api/calendars/feed.ics?token=${token}`, rows: Number(count) };
}
