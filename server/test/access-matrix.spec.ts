import { ROLES, type Role } from '@creneau/contracts';
import { ApiClient } from './support/api-client';
import { startTestApp, TestApp } from './support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

interface RouteRule {
  /** Who passes the access guard: everyone (`public`) or these roles. */
  allow: 'public' | readonly Role[];
  /** The request that proves it, and what an allowed caller gets. */
  probe: { path?: string; body?: unknown; expect: number };
}

const STAFF = ['coordinator', 'admin'] as const;

/**
 * Every API route and who may call it. The test walks the routes the server really registered:
 * a route missing here (a new one without a rule) fails it, and so does a rule without a route.
 */
const MATRIX: Record<string, RouteRule> = {
  'GET /api/health': { allow: 'public', probe: { expect: 200 } },
  'POST /api/auth/login': { allow: 'public', probe: { body: { email: 'nobody@creneau.test', password: 'x' }, expect: 401 } },
  'POST /api/auth/logout': { allow: ROLES, probe: { expect: 204 } },
  'GET /api/auth/me': { allow: ROLES, probe: { expect: 200 } },
  'POST /api/auth/password': {
    allow: ROLES,
    probe: { body: { currentPassword: 'wrong', newPassword: 'long-enough-password' }, expect: 400 },
  },
  'GET /api/territories': { allow: ROLES, probe: { expect: 200 } },
  'GET /api/accounts': { allow: STAFF, probe: { expect: 200 } },
  'GET /api/accounts/:id': { allow: STAFF, probe: { path: `/api/accounts/${UNKNOWN_ID}`, expect: 404 } },
  'POST /api/accounts': { allow: STAFF, probe: { body: {}, expect: 400 } },
  'PATCH /api/accounts/:id': {
    allow: STAFF,
    probe: { path: `/api/accounts/${UNKNOWN_ID}`, body: { reason: 'matrix' }, expect: 404 },
  },
  'GET /api/audit': { allow: STAFF, probe: { expect: 200 } },
};

type Caller = Role | 'anonymous';
const CALLERS: Caller[] = ['anonymous', ...ROLES];

describe('authorization matrix', () => {
  let server: TestApp;
  let routes: string[];

  beforeAll(async () => {
    server = await startTestApp({ seedDemo: true });
    routes = registeredApiRoutes(server);
  });

  afterAll(() => server.close());

  it('has a rule for every registered API route, and a route for every rule', () => {
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.filter((route) => !(route in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((route) => !routes.includes(route))).toEqual([]);
  });

  const cells = Object.entries(MATRIX).flatMap(([route, rule]) => CALLERS.map((caller) => [route, caller, rule] as const));

  it.each(cells)('%s as %s', async (route, caller, rule) => {
    const [method, pattern] = route.split(' ');
    const client = caller === 'anonymous' ? server.client() : await server.signedIn(caller);
    const response = await client.request(method, rule.probe.path ?? pattern, { body: rule.probe.body });
    expect(response.status).toBe(expectedStatus(rule, caller));
  });
});

function expectedStatus(rule: RouteRule, caller: Caller): number {
  if (rule.allow === 'public') return rule.probe.expect;
  if (caller === 'anonymous') return 401;
  return rule.allow.includes(caller) ? rule.probe.expect : 403;
}

/**
 * `METHOD /path` of every route Express holds under /api, but the OpenAPI docs' own and the
 * request logger's catch-all middleware (`/api/{*path}`), which handles nothing.
 */
function registeredApiRoutes(server: TestApp): string[] {
  const express = server.app.getHttpAdapter().getInstance() as {
    router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
  };
  return express.router.stack
    .flatMap((layer) =>
      layer.route ? Object.keys(layer.route.methods).map((method) => `${method.toUpperCase()} ${layer.route?.path}`) : [],
    )
    .filter((route) => route.includes(' /api/') && !route.includes(' /api/docs') && !route.endsWith(' /api/{*path}'));
}
