// What the telesecretaries ask: a fixed, deterministic pool of searches, and the named cases EXPLAIN looks at.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CITIES, INDICATIONS, pick, prng } from './region.mjs';

const HOUR_MS = 3_600_000;
const DEFAULT_WINDOW_HOURS = 48;
const LOOK_AHEAD_DAYS = 30;
const FIRST_AFTER_WINDOW_COUNT = 5;

/**
 * The search SQL as the server runs it, read from its source (slot-search.sql.ts: template literals built from one
 * another) so that the SQL-only timings and the EXPLAIN output can never drift from the code under test.
 */
export function searchSql(workspaceRoot) {
  const source = readFileSync(join(workspaceRoot, 'server/src/agenda/slot-search.sql.ts'), 'utf8');
  const constants = new Map([...source.matchAll(/const (\w+) = `([\s\S]*?)`;/g)].map((match) => [match[1], match[2]]));
  const expand = (text) => text.replace(/\$\{(\w+)\}/g, (_, name) => expand(constants.get(name) ?? missing(name)));
  const missing = (name) => {
    throw new Error(`${name} not found in server/src/agenda/slot-search.sql.ts`);
  };
  if (!constants.has('SEARCH_SQL')) missing('SEARCH_SQL');
  return expand(constants.get('SEARCH_SQL'));
}

/**
 * `count` searches: modality, mostly with a retained indication, mostly with the patient's coordinates, a tenth
 * of patients not ambulatory, pacemakers (which matter for MRI), the default 48 h window and a fifth of 72 h ones.
 */
export function queryPool(count, now = new Date(), seed = 7) {
  const random = prng(seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const from = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  return Array.from({ length: count }, () => {
    const modality = pick(random, [
      { value: 'radiography', weight: 35 },
      { value: 'ultrasound', weight: 30 },
      { value: 'ct', weight: 20 },
      { value: 'mri', weight: 15 },
    ]).value;
    const query = { modality };
    if (random() < 0.85) query.indication = pick(random, INDICATIONS[modality]);
    if (random() < 0.92) {
      const city = pick(random, CITIES);
      query.latitude = (city.latitude + gaussian() * 0.12).toFixed(4);
      query.longitude = (city.longitude + gaussian() * 0.16).toFixed(4);
    }
    if (random() < 0.1) {
      query.ambulatory = 'false';
      const aid = random();
      if (aid < 0.5) query.mobilityAid = 'wheelchair';
      else if (aid < 0.75) query.mobilityAid = 'stretcher';
    }
    if (random() < (modality === 'mri' ? 0.1 : 0.02)) query.pacemaker = 'true';
    if (random() < 0.2) {
      query.from = from.toISOString();
      query.to = new Date(from.getTime() + 72 * HOUR_MS).toISOString();
    }
    return query;
  });
}

export function searchPath(query) {
  return `/api/slots/search?${new URLSearchParams(query).toString()}`;
}

/** The cases shown with EXPLAIN (ANALYZE, BUFFERS) in docs/benchmarks.md. */
export const EXPLAIN_CASES = {
  typical: {
    what: 'radiography, recent trauma, ambulatory patient in Nantes, default 48 h window',
    query: { modality: 'radiography', indication: 'recent-trauma', latitude: '47.2100', longitude: '-1.5600' },
  },
  worst: {
    what: 'MRI, hyperalgic radiculalgia (not taken by restricted centres), MR-conditional pacemaker, patient on a stretcher in Mamers, 72 h window',
    query: {
      modality: 'mri',
      indication: 'hyperalgic-radiculalgia',
      latitude: '48.3497',
      longitude: '0.3697',
      ambulatory: 'false',
      mobilityAid: 'stretcher',
      pacemaker: 'true',
      window72h: true,
    },
  },
};

/** The caller of the SQL-only timings: no account of the territory, so every hold counts as someone else's. */
const NO_ACCOUNT = '00000000-0000-4000-8000-000000000000';

/** The positional parameters the server binds (slot-search.service.ts), for a query, its window and the strategy. */
export function sqlParameters(query, from, to, limit, strategy) {
  return [
    query.modality,
    from,
    to,
    query.indication ?? null,
    query.latitude === undefined ? null : Number(query.latitude),
    query.longitude === undefined ? null : Number(query.longitude),
    query.pacemaker === 'true',
    query.ambulatory !== 'false',
    query.mobilityAid ?? null,
    limit,
    NO_ACCOUNT,
    strategy,
  ];
}

/** What the server's strategy chooser (slot-search-strategy.ts) reads of the centres. */
export async function centreTraits(client) {
  const { rows } = await client.query(
    `SELECT modalities, accepted_indications, accepts_mr_conditional_pacemaker, wheelchair_accessible, stretcher_accessible
       FROM centre WHERE active`,
  );
  return rows;
}

/** The server's choice (SlotSearchStrategyChooser), for a query of the pool: by centre when eligible² <= 16 x offering. */
export function chooseStrategy(centres, query) {
  const takes = (centre) => {
    const accepted = centre.accepted_indications;
    if (query.indication !== undefined && accepted.length > 0 && !accepted.includes(query.indication)) return false;
    if (query.pacemaker === 'true' && query.modality === 'mri' && !centre.accepts_mr_conditional_pacemaker) return false;
    if (query.ambulatory !== 'false') return true;
    if (query.mobilityAid === 'wheelchair') return centre.wheelchair_accessible;
    if (query.mobilityAid === 'stretcher') return centre.stretcher_accessible;
    return centre.wheelchair_accessible || centre.stretcher_accessible;
  };
  const offering = centres.filter((centre) => centre.modalities.includes(query.modality));
  const eligible = offering.filter(takes).length;
  return eligible * eligible <= 16 * offering.length ? 'by-centre' : 'start-order';
}

/** The windows the server would query: the asked one, then the 30-day look-ahead when it is empty. */
export function searchWindows(query, now = new Date()) {
  const from = query.from ? new Date(query.from) : now;
  const to = query.to ? new Date(query.to) : new Date(from.getTime() + DEFAULT_WINDOW_HOURS * HOUR_MS);
  return {
    window: { from, to, limit: Number(query.limit ?? 50) },
    lookAhead: { from: to, to: new Date(to.getTime() + LOOK_AHEAD_DAYS * 24 * HOUR_MS), limit: FIRST_AFTER_WINDOW_COUNT },
  };
}

/** The name the bench prepares the statement under on its own connection (the server's is its own business). */
export const STATEMENT = 'bench-slot-search';

/** Runs the search as the service does (window, then look-ahead when empty, prepared); resolves with what it found. */
export async function runSearchSql(client, sql, query, strategy, now = new Date()) {
  const { window, lookAhead } = searchWindows(query, now);
  const run = (values) => client.query({ name: STATEMENT, text: sql, values });
  const { rows } = await run(sqlParameters(query, window.from, window.to, window.limit, strategy));
  if (rows.length > 0) return { hits: rows.length, lookAhead: false };
  const after = await run(sqlParameters(query, lookAhead.from, lookAhead.to, lookAhead.limit, strategy));
  return { hits: 0, firstAfterWindow: after.rows.length, lookAhead: true };
}
