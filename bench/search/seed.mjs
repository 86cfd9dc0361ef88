// Seeds one territory, its centres (generated here, deterministic) and its slots (set-based SQL), then VACUUM ANALYZE.
import { hash } from '@node-rs/argon2';
import { CITIES, INDICATIONS, MODALITIES, pick, prng } from './region.mjs';

export const BENCH_EMAIL = 'bench.secretariat@creneau.test';
/** Days of slots before today (past: booked, released, withdrawn) and from today on. */
export const PAST_DAYS = 20;
export const FUTURE_DAYS = 40;

/** 500 centres over Pays de la Loire: hospitals with every modality, private practices with fewer, a few restrictions. */
export function generateCentres(count, seed = 42) {
  const random = prng(seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const perCity = new Map();
  return Array.from({ length: count }, () => {
    const city = pick(random, CITIES);
    const n = (perCity.get(city.name) ?? 0) + 1;
    perCity.set(city.name, n);
    const isPublic = random() < 0.2;
    const modalities = MODALITIES.filter((modality) => {
      if (isPublic) return modality !== 'mri' || random() < 0.8;
      return random() < { radiography: 0.95, ultrasound: 0.88, ct: 0.35, mri: 0.25 }[modality];
    });
    if (modalities.length === 0) modalities.push('radiography');
    // A third of the centres list the indications they take; the others take every retained one.
    const restricted = random() < 0.35;
    const accepted = restricted
      ? modalities.flatMap((modality) => {
          // Hyperalgic radiculalgia is the one MRI indication restricted centres do not take.
          if (modality === 'mri') return ['radiculalgia-with-deficit'];
          const some = INDICATIONS[modality].filter(() => random() < 0.6);
          return some.length > 0 ? some : [INDICATIONS[modality][0]];
        })
      : [];
    const organisation = isPublic
      ? `${['Nantes', 'Angers'].includes(city.name) ? 'CHU' : 'CH'} ${city.name}`
      : `${pick(random, ['SELARL Imagerie', 'Groupe Radiologie', 'Cabinet de radiologie'])} ${city.name}`;
    return {
      name: `${isPublic ? 'Imagerie hospitalière' : 'Centre d’imagerie'} ${city.name} ${n}`,
      sector: isPublic ? 'public' : 'private',
      organisation,
      street_address: `${1 + Math.floor(random() * 120)} rue ${pick(random, ['de la République', 'Victor Hugo', 'du Général de Gaulle', 'Pasteur', 'des Écoles'])}`,
      postcode: city.postcode,
      city: city.name,
      latitude: round(city.latitude + gaussian() * 0.07, 5),
      longitude: round(city.longitude + gaussian() * 0.1, 5),
      phone: `02${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
      secure_email: `imagerie.${n}.${city.postcode}@bench.mssante.fr`,
      modalities,
      wheelchair_accessible: isPublic || random() < 0.8,
      stretcher_accessible: isPublic || random() < 0.15,
      accepts_mr_conditional_pacemaker: modalities.includes('mri') && random() < (isPublic ? 0.5 : 0.3),
      active: random() >= 0.03,
      accepted_indications: accepted,
    };
  });
}

export async function seed(client, { centres: centreCount, slots: slotCount, log }) {
  const [{ id: territoryId }] = (
    await client.query(
      `INSERT INTO territory (name, timezone, target_delay_hours, maximum_delay_hours)
       VALUES ('CPTS Pays de la Loire (banc d’essai)', 'Europe/Paris', 48, 72) RETURNING id`,
    )
  ).rows;

  const centres = generateCentres(centreCount);
  await client.query(
    `INSERT INTO centre (territory_id, name, sector, organisation, street_address, postcode, city, latitude, longitude, phone,
                         secure_email, modalities, wheelchair_accessible, stretcher_accessible,
                         accepts_mr_conditional_pacemaker, active, accepted_indications)
     SELECT $1, name, sector, organisation, street_address, postcode, city, latitude, longitude, phone, secure_email,
            ARRAY(SELECT json_array_elements_text(modalities)), wheelchair_accessible, stretcher_accessible,
            accepts_mr_conditional_pacemaker, active, ARRAY(SELECT json_array_elements_text(accepted_indications))
       FROM json_to_recordset($2::json) AS x(name text, sector text, organisation text, street_address text, postcode text,
            city text, latitude float8, longitude float8, phone text, secure_email text, modalities json,
            wheelchair_accessible boolean, stretcher_accessible boolean, accepts_mr_conditional_pacemaker boolean,
            active boolean, accepted_indications json)`,
    [territoryId, JSON.stringify(centres)],
  );
  log(`${centres.length} centres`);

  // Closures: about one centre in ten, a half-day to two days, some of them inside the next 72 h.
  await client.query(`SELECT setseed(0.17)`);
  await client.query(
    `INSERT INTO centre_closure (centre_id, starts_at, ends_at, reason)
     SELECT id, starts, starts + make_interval(hours => (ARRAY[4, 12, 24, 48])[1 + floor(random() * 4)::int]),
            (ARRAY['Maintenance de l’appareil', 'Congés', 'Formation de l’équipe', 'Panne'])[1 + floor(random() * 4)::int]
       FROM (SELECT id, date_trunc('hour', now()) + make_interval(hours => floor(random() * 24 * 30)::int - 24 * 5) AS starts
               FROM centre WHERE random() < 0.1
             UNION ALL
             SELECT id, date_trunc('hour', now()) + make_interval(hours => floor(random() * 72)::int)
               FROM centre WHERE random() < 0.03) AS closures`,
  );

  // Slots: every (centre, modality) pair gets the same number of slots a day (about 27 with 2,000,000 slots), one after
  // the other from about 07:30 local time. Rows go in day by day, centre by centre, as a daily materialisation would write them.
  const days = PAST_DAYS + FUTURE_DAYS;
  const startedAt = Date.now();
  await client.query(`SET maintenance_work_mem = '256MB'`);
  await client.query(`SELECT setseed(0.42)`);
  const { rowCount } = await client.query(
    `WITH pair AS (
       SELECT k, centre_id, modality,
              -- each centre keeps its own grid: first slot between 07:30 and 07:55, 10 to 30 minutes each
              (k * 7 % 6) * 5 AS offset_minutes,
              CASE modality WHEN 'radiography' THEN 10 WHEN 'mri' THEN 20 ELSE 15 END + (k / 4 % 2) * (CASE modality WHEN 'mri' THEN 10 ELSE 5 END) AS minutes
         FROM (SELECT (row_number() OVER (ORDER BY c.name, m.modality) - 1)::int AS k, c.id AS centre_id, m.modality
                 FROM centre c CROSS JOIN LATERAL unnest(c.modalities) AS m (modality)) AS numbered
     ), per AS (
       SELECT count(*)::int AS pairs, ($1::bigint / ($2::int * count(*)))::int AS q,
              ($1::bigint % ($2::int * count(*)))::int AS extra FROM pair
     ), raw AS (
       SELECT d, p.k, r, p.centre_id, p.modality,
              ((date_trunc('day', now() AT TIME ZONE 'Europe/Paris') + make_interval(days => d - $3::int)
                + interval '7 hours 30 minutes' + make_interval(mins => p.offset_minutes + r * p.minutes))
               AT TIME ZONE 'Europe/Paris') AS starts_at,
              p.minutes,
              random() AS r_state, random() AS r_capacity, random() AS r_indication, random() AS r_origin,
              (ARRAY[60, 120, 120, 120, 240])[1 + floor(random() * 5)::int] AS cutoff_minutes
         FROM per, generate_series(0, $2::int - 1) AS d, pair p,
              LATERAL generate_series(0, per.q - 1 + CASE WHEN d * per.pairs + p.k < per.extra THEN 1 ELSE 0 END) AS r
     ), shaped AS (
       SELECT raw.*,
              CASE WHEN modality = 'radiography' AND r_capacity < 0.1 THEN 6 ELSE 1 END AS capacity,
              CASE WHEN r_indication < 0.08 THEN
                ARRAY[(CASE modality WHEN 'radiography' THEN ARRAY['recent-trauma', 'pneumonia', 'pneumothorax']
                                     WHEN 'ultrasound' THEN ARRAY['acute-pyelonephritis', 'biliary-colic']
                                     WHEN 'ct' THEN ARRAY['renal-colic', 'sigmoiditis', 'colitis']
                                     ELSE ARRAY['radiculalgia-with-deficit', 'hyperalgic-radiculalgia'] END)
                      [1 + floor(r_indication / 0.08 * (CASE modality WHEN 'ultrasound' THEN 2 WHEN 'mri' THEN 2 ELSE 3 END))::int]]
              END AS indications,
              CASE WHEN r_origin < 0.6 THEN 'manual' WHEN r_origin < 0.8 THEN 'ical' ELSE 'fhir' END AS origin
         FROM raw
     ), stated AS (
       SELECT shaped.*,
              starts_at - make_interval(mins => cutoff_minutes) AS release_at,
              CASE
                WHEN starts_at < now() THEN CASE WHEN r_state < 0.55 THEN 'booked' WHEN r_state < 0.95 THEN 'released' ELSE 'withdrawn' END
                WHEN r_state < 0.03 THEN 'withdrawn'
                -- the nearer the start, the likelier it is booked: a third within a day, a tenth a month ahead
                WHEN r_state < 0.03 + 0.30 * exp(-extract(epoch FROM starts_at - now()) / 86400.0 / 7) + 0.07 THEN 'booked'
                ELSE 'free'
              END AS state
         FROM shaped
     )
     INSERT INTO slot (centre_id, modality, starts_at, ends_at, capacity, booked_count, status, status_reason, indications,
                       release_at, origin, external_id)
     SELECT centre_id, modality, starts_at,
            starts_at + make_interval(mins => CASE WHEN capacity > 1 THEN 60 ELSE minutes END),
            capacity,
            CASE WHEN state = 'booked' THEN capacity
                 WHEN state = 'free' AND capacity > 1 THEN floor(r_capacity * 10 * capacity / 2)::int
                 ELSE 0 END,
            CASE WHEN state = 'withdrawn' THEN 'withdrawn'
                 WHEN state = 'released' THEN 'released'
                 -- unused past the release cut-off: handed back to the centre's own agenda
                 WHEN state = 'free' AND release_at <= now() THEN 'released'
                 ELSE 'open' END,
            CASE WHEN state = 'withdrawn' THEN 'Indisponibilité de l’appareil' END,
            indications, release_at, origin,
            CASE WHEN origin <> 'manual' THEN format('bench-%s-%s-%s', d, k, r) END
       FROM stated`,
    [slotCount, days, PAST_DAYS],
  );
  log(`${rowCount} slots in ${((Date.now() - startedAt) / 1000).toFixed(0)} s`);

  const passwordHash = await hash(process.env.BENCH_PASSWORD ?? 'bench-password', {
    algorithm: 2, // argon2id, with the server's parameters (server/src/accounts/password-hasher.ts)
    memoryCost: 19_456,
    timeCost: 2,
    parallelism: 1,
  });
  await client.query(
    `INSERT INTO account (email, display_name, role, password_hash) VALUES ($1, 'Secrétariat (banc d’essai)', 'secretariat', $2)`,
    [BENCH_EMAIL, passwordHash],
  );

  const vacuumStartedAt = Date.now();
  await client.query(`VACUUM (ANALYZE)`);
  log(`VACUUM (ANALYZE) in ${((Date.now() - vacuumStartedAt) / 1000).toFixed(0)} s`);
  return describe(client);
}

/** What the data looks like, for the results file and the doc. */
async function describe(client) {
  const one = async (sql) => (await client.query(sql)).rows;
  return {
    centres: (
      await one(`SELECT count(*)::int AS total, count(*) FILTER (WHERE sector = 'public')::int AS public,
                        count(*) FILTER (WHERE NOT active)::int AS inactive,
                        count(*) FILTER (WHERE 'mri' = ANY (modalities))::int AS mri,
                        count(*) FILTER (WHERE 'ct' = ANY (modalities))::int AS ct,
                        count(*) FILTER (WHERE accepts_mr_conditional_pacemaker)::int AS mri_pacemaker,
                        count(*) FILTER (WHERE stretcher_accessible)::int AS stretcher,
                        count(*) FILTER (WHERE wheelchair_accessible)::int AS wheelchair,
                        count(*) FILTER (WHERE cardinality(accepted_indications) > 0)::int AS restricted_indications
                   FROM centre`)
    )[0],
    closures: (await one(`SELECT count(*)::int AS n FROM centre_closure`))[0].n,
    slotsByState: await one(`SELECT CASE WHEN status <> 'open' THEN status
                                         WHEN booked_count >= capacity THEN 'booked'
                                         WHEN booked_count > 0 THEN 'partly booked' ELSE 'free' END AS state,
                                    count(*)::int AS n
                               FROM slot GROUP BY 1 ORDER BY 2 DESC`),
    freeInNext48hByModality: await one(`SELECT modality, count(*)::int AS n FROM slot
                                         WHERE status = 'open' AND booked_count < capacity AND release_at > now()
                                           AND starts_at < now() + interval '48 hours'
                                         GROUP BY 1 ORDER BY 1`),
    sizes: (
      await one(`SELECT pg_size_pretty(pg_table_size('slot')) AS slot_table,
                        pg_size_pretty(pg_indexes_size('slot')) AS slot_indexes,
                        pg_size_pretty(pg_relation_size('slot_open_by_modality_idx')) AS slot_open_by_modality_idx`)
    )[0],
  };
}

function round(value, digits) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
