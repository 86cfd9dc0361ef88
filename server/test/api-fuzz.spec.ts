import fc from 'fast-check';
import { ApiClient } from './support/api-client';
import { registeredApiRoutes } from './support/routes';
import { startTestApp, TestApp } from './support/test-app';

const RUNS_PER_ROUTE = 20;

/** Values a careless or hostile client sends: wrong types, out of range, too long, nested, empty. */
const junkValue = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ minLength: 300, maxLength: 600 }),
  fc.integer(),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(
    '2026-13-45T99:00:00Z',
    '00000000-0000-4000-8000-000000000000',
    'not-a-uuid',
    '',
    ' ',
    '../../etc/passwd',
    "'; DROP TABLE slot; --",
  ),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxKeys: 3 }),
);
/** Bodies with the routes' real field names among random ones, so that validation is really exercised. */
const FIELD_NAMES = [
  'email',
  'password',
  'reason',
  'form',
  'slotId',
  'requestId',
  'centreId',
  'modality',
  'start',
  'durationMinutes',
  'capacity',
  'rrule',
  'startLocal',
  'validFrom',
  'from',
  'to',
  'result',
  'slot',
  'body',
  'disabled',
  'role',
  'url',
  'kind',
];
const junkBody = fc.oneof(
  fc.dictionary(fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 8 })), junkValue, { maxKeys: 6 }),
  junkValue,
);
const junkPathParam = fc.oneof(fc.uuid(), fc.constantFrom('not-a-uuid', '0', '%00', 'é', '..'));
const junkQuery = fc.dictionary(
  fc.oneof(
    fc.constantFrom('from', 'to', 'modality', 'latitude', 'longitude', 'limit', 'status', 'q', 'centreId'),
    fc.string({ maxLength: 6 }),
  ),
  fc.string({ maxLength: 30 }),
  { maxKeys: 4 },
);

describe('every API route under malformed input', () => {
  let server: TestApp;
  let admin: ApiClient;

  beforeAll(async () => {
    server = await startTestApp({ seedDemo: true });
    admin = await server.signedIn('admin');
  });

  afterAll(() => server.close());

  // About a thousand requests through the real server.
  jest.setTimeout(300_000);

  it('answers with a 4xx that says why, never a 5xx', async () => {
    const routes = registeredApiRoutes(server.app).filter((route) => route !== 'POST /api/auth/logout');
    expect(routes.length).toBeGreaterThan(30);
    const failures: string[] = [];
    for (const route of routes) {
      const [method, pattern] = route.split(' ');
      await fc.assert(
        fc.asyncProperty(junkPathParam, junkQuery, junkBody, fc.string({ maxLength: 120 }), async (param, query, body, key) => {
          const path = pattern.replace(/:[A-Za-z]+/g, encodeURIComponent(param));
          const search = new URLSearchParams(query).toString();
          const response = await admin.request(method, `${path}${search ? `?${search}` : ''}`, {
            body: method === 'GET' || method === 'DELETE' ? undefined : body,
            headers: { 'idempotency-key': key },
          });
          if (response.status >= 500) failures.push(`${route} → ${response.status} for ${JSON.stringify({ path, query, body })}`);
          if (response.status === 400) {
            const answer = response.body as { message?: unknown };
            if (!answer?.message) failures.push(`${route} → 400 without a message`);
          }
          if (response.status === 401) await admin.login('admin@creneau.test', 'demo-password-for-tests');
        }),
        { numRuns: RUNS_PER_ROUTE, seed: 20261123 },
      );
    }
    expect(failures).toEqual([]);
  });
});
