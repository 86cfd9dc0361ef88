import type { Server } from 'socket.io';
import {
  ROLES,
  type AccountSummary,
  type AppointmentView,
  type ClientToServerEvents,
  type LiveEvent,
  type RequestView,
  type Role,
} from '@creneau/contracts';
import { LiveGateway } from '../src/live/live.gateway';
import { SOCKET_RULES } from '../src/live/socket-rules';
import { ApiClient } from './support/api-client';
import { demoCentreIds, insertSlot } from './support/agenda-fixtures';
import { LiveConsole } from './support/live-client';
import { completeForm } from './support/request-fixtures';
import { registeredApiRoutes } from './support/routes';
import { DEMO_TEST_PASSWORD, startTestApp, TestApp } from './support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

interface RouteRule {
  /** Who passes the access guard: everyone (`public`) or these roles. */
  allow: 'public' | readonly Role[];
  /** The request that proves it, and what an allowed caller gets. */
  probe: { path?: string; body?: unknown; expect: number };
}

const STAFF = ['coordinator', 'admin'] as const;
const PUBLISHERS = ['centre', 'coordinator', 'admin'] as const;
const AGENDA_READERS = ['secretariat', 'centre', 'coordinator', 'admin'] as const;
const SEARCHERS = ['secretariat', 'coordinator', 'admin'] as const;
const SUBMITTERS = ['secretariat', 'coordinator', 'admin', 'doctor'] as const;
const FEED_MANAGERS = ['centre', 'secretariat', 'coordinator', 'admin'] as const;
const NOW = new Date().toISOString();
const IN_A_WEEK = new Date(Date.now() + 7 * 86_400_000).toISOString();
const CLOSURE = { from: '2030-01-01T00:00:00Z', to: '2030-01-02T00:00:00Z', reason: 'matrix' };
const SCHEDULE = { rrule: 'FREQ=WEEKLY;BYDAY=MO', startLocal: '11:00', durationMinutes: 20, validFrom: '2030-01-01' };

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
  'GET /api/centres/:centreId/import-sources': {
    allow: ['centre', 'coordinator', 'admin'],
    probe: { path: '/api/centres/not-a-uuid/import-sources', expect: 400 },
  },
  'POST /api/centres/:centreId/import-sources': {
    allow: ['centre', 'coordinator', 'admin'],
    probe: { path: `/api/centres/${UNKNOWN_ID}/import-sources`, body: {}, expect: 400 },
  },
  'PATCH /api/import-sources/:id': {
    allow: ['centre', 'coordinator', 'admin'],
    probe: { path: `/api/import-sources/${UNKNOWN_ID}`, body: { reason: 'matrix' }, expect: 404 },
  },
  'POST /api/import-sources/:id/run': {
    allow: ['centre', 'coordinator', 'admin'],
    probe: { path: `/api/import-sources/${UNKNOWN_ID}/run`, expect: 404 },
  },
  'GET /api/accounts': { allow: STAFF, probe: { expect: 200 } },
  'GET /api/accounts/:id': { allow: STAFF, probe: { path: `/api/accounts/${UNKNOWN_ID}`, expect: 404 } },
  'POST /api/accounts': { allow: STAFF, probe: { body: {}, expect: 400 } },
  'PATCH /api/accounts/:id': {
    allow: STAFF,
    probe: { path: `/api/accounts/${UNKNOWN_ID}`, body: { reason: 'matrix' }, expect: 404 },
  },
  'GET /api/audit': { allow: STAFF, probe: { expect: 200 } },
  'GET /api/indicators': { allow: STAFF, probe: { path: '/api/indicators?from=2025-01-01&to=2025-12-31', expect: 200 } },
  'GET /api/indicators/export': {
    allow: STAFF,
    probe: { path: '/api/indicators/export?from=2025-01-01&to=2025-01-31', expect: 200 },
  },
  'POST /api/indicators/import': { allow: STAFF, probe: { body: { reason: 'matrix' }, expect: 400 } },
  'GET /api/jobs/runs': { allow: STAFF, probe: { expect: 200 } },
  'GET /api/fhir/$bulk-publish': { allow: 'public', probe: { expect: 200 } },
  'GET /api/fhir/locations.ndjson': { allow: 'public', probe: { expect: 200 } },
  'GET /api/fhir/schedules.ndjson': { allow: 'public', probe: { expect: 200 } },
  'GET /api/fhir/slots.ndjson': { allow: 'public', probe: { expect: 200 } },
  'GET /api/centres': { allow: ROLES, probe: { expect: 200 } },
  'GET /api/communes': { allow: STAFF, probe: { expect: 200 } },
  'GET /api/communes/suggestions': { allow: SUBMITTERS, probe: { path: '/api/communes/suggestions?query=roche', expect: 200 } },
  'PUT /api/communes': { allow: STAFF, probe: { body: { reason: 'matrix' }, expect: 400 } },
  'GET /api/centres/:id': { allow: ROLES, probe: { path: `/api/centres/${UNKNOWN_ID}`, expect: 404 } },
  'POST /api/centres': { allow: STAFF, probe: { body: {}, expect: 400 } },
  'PATCH /api/centres/:id': {
    allow: STAFF,
    probe: { path: `/api/centres/${UNKNOWN_ID}`, body: { reason: 'matrix' }, expect: 404 },
  },
  'GET /api/centres/:id/closures': { allow: ROLES, probe: { path: `/api/centres/${UNKNOWN_ID}/closures`, expect: 404 } },
  'POST /api/centres/:id/closures': {
    allow: PUBLISHERS,
    probe: { path: `/api/centres/${UNKNOWN_ID}/closures`, body: CLOSURE, expect: 404 },
  },
  'GET /api/slots': { allow: AGENDA_READERS, probe: { path: `/api/slots?from=${NOW}&to=${IN_A_WEEK}`, expect: 200 } },
  'GET /api/slots/search': { allow: SEARCHERS, probe: { path: '/api/slots/search?modality=ct', expect: 200 } },
  'GET /api/slots/:id': { allow: AGENDA_READERS, probe: { path: `/api/slots/${UNKNOWN_ID}`, expect: 404 } },
  'POST /api/slots': { allow: PUBLISHERS, probe: { body: {}, expect: 400 } },
  'POST /api/slots/:id/withdraw': {
    allow: PUBLISHERS,
    probe: { path: `/api/slots/${UNKNOWN_ID}/withdraw`, body: { reason: 'matrix' }, expect: 404 },
  },
  'GET /api/centres/:centreId/slot-rules': {
    allow: AGENDA_READERS,
    probe: { path: `/api/centres/${UNKNOWN_ID}/slot-rules`, expect: 404 },
  },
  'POST /api/centres/:centreId/slot-rules/preview': {
    allow: PUBLISHERS,
    probe: { path: `/api/centres/${UNKNOWN_ID}/slot-rules/preview`, body: SCHEDULE, expect: 404 },
  },
  'POST /api/slot-rules': { allow: PUBLISHERS, probe: { body: {}, expect: 400 } },
  'PATCH /api/slot-rules/:id': {
    allow: PUBLISHERS,
    probe: { path: `/api/slot-rules/${UNKNOWN_ID}`, body: { ...SCHEDULE, reason: 'matrix' }, expect: 404 },
  },
  'POST /api/slot-rules/:id/stop': {
    allow: PUBLISHERS,
    probe: { path: `/api/slot-rules/${UNKNOWN_ID}/stop`, body: { reason: 'matrix' }, expect: 404 },
  },
  'POST /api/requests': { allow: SUBMITTERS, probe: { body: {}, expect: 400 } },
  'GET /api/requests': { allow: ROLES, probe: { expect: 200 } },
  'GET /api/requests/:id': { allow: ROLES, probe: { path: `/api/requests/${UNKNOWN_ID}`, expect: 404 } },
  'PATCH /api/requests/:id': {
    allow: SUBMITTERS,
    probe: { path: `/api/requests/${UNKNOWN_ID}`, body: { form: {}, reason: 'matrix' }, expect: 404 },
  },
  'POST /api/requests/:id/override': {
    allow: STAFF,
    probe: { path: `/api/requests/${UNKNOWN_ID}/override`, body: { reason: 'matrix' }, expect: 404 },
  },
  'GET /api/requests/:id/history': { allow: ROLES, probe: { path: `/api/requests/${UNKNOWN_ID}/history`, expect: 404 } },
  'GET /api/requests/:id/comments': { allow: ROLES, probe: { path: `/api/requests/${UNKNOWN_ID}/comments`, expect: 404 } },
  'POST /api/requests/:id/comments': {
    allow: ROLES,
    probe: { path: `/api/requests/${UNKNOWN_ID}/comments`, body: { body: 'matrix' }, expect: 404 },
  },
  'POST /api/slots/:id/hold': { allow: SEARCHERS, probe: { path: `/api/slots/${UNKNOWN_ID}/hold`, body: {}, expect: 404 } },
  'DELETE /api/slots/:id/hold': { allow: SEARCHERS, probe: { path: `/api/slots/${UNKNOWN_ID}/hold`, expect: 204 } },
  'POST /api/appointments': { allow: SEARCHERS, probe: { body: {}, expect: 400 } },
  'GET /api/appointments': { allow: AGENDA_READERS, probe: { expect: 200 } },
  'GET /api/appointments/:id': { allow: ROLES, probe: { path: `/api/appointments/${UNKNOWN_ID}`, expect: 404 } },
  'POST /api/appointments/:id/confirm': {
    allow: PUBLISHERS,
    probe: { path: `/api/appointments/${UNKNOWN_ID}/confirm`, expect: 404 },
  },
  'POST /api/appointments/:id/refuse': {
    allow: PUBLISHERS,
    probe: { path: `/api/appointments/${UNKNOWN_ID}/refuse`, body: { reason: 'matrix', slot: 'free' }, expect: 404 },
  },
  'POST /api/appointments/:id/done': {
    allow: PUBLISHERS,
    probe: { path: `/api/appointments/${UNKNOWN_ID}/done`, body: { result: 'confirmed' }, expect: 404 },
  },
  'POST /api/appointments/:id/no-show': {
    allow: PUBLISHERS,
    probe: { path: `/api/appointments/${UNKNOWN_ID}/no-show`, expect: 404 },
  },
  'POST /api/appointments/:id/cancel': {
    allow: ROLES,
    probe: { path: `/api/appointments/${UNKNOWN_ID}/cancel`, body: { reason: 'matrix' }, expect: 404 },
  },
  'POST /api/appointments/:id/reschedule': {
    allow: SEARCHERS,
    probe: { path: `/api/appointments/${UNKNOWN_ID}/reschedule`, body: { slotId: UNKNOWN_ID }, expect: 404 },
  },
  'GET /api/appointments/:id/calendar.ics': {
    allow: ROLES,
    probe: { path: `/api/appointments/${UNKNOWN_ID}/calendar.ics`, expect: 404 },
  },
  'GET /api/calendars/feed.ics': {
    allow: 'public',
    probe: { path: `/api/calendars/feed.ics?token=${'x'.repeat(43)}`, expect: 404 },
  },
  'GET /api/calendar-feeds': { allow: FEED_MANAGERS, probe: { expect: 200 } },
  'POST /api/calendar-feeds': { allow: FEED_MANAGERS, probe: { body: {}, expect: 400 } },
  'POST /api/calendar-feeds/:id/revoke': {
    allow: FEED_MANAGERS,
    probe: { path: `/api/calendar-feeds/${UNKNOWN_ID}/revoke`, body: { reason: 'matrix' }, expect: 404 },
  },
  'POST /api/calendar-feeds/:id/regenerate': {
    allow: FEED_MANAGERS,
    probe: { path: `/api/calendar-feeds/${UNKNOWN_ID}/regenerate`, body: { reason: 'matrix' }, expect: 404 },
  },
  'GET /api/centres/:centreId/calendar-settings': {
    allow: PUBLISHERS,
    probe: { path: `/api/centres/${UNKNOWN_ID}/calendar-settings`, expect: 404 },
  },
  'PATCH /api/centres/:centreId/calendar-settings': {
    allow: PUBLISHERS,
    probe: {
      path: `/api/centres/${UNKNOWN_ID}/calendar-settings`,
      body: { showPatientNames: true, reason: 'matrix' },
      expect: 404,
    },
  },
  'GET /api/messages/unsent': { allow: SEARCHERS, probe: { expect: 200 } },
};

/**
 * Every client event of the live gateway has its rule in SOCKET_RULES (who may send it, default deny);
 * here, a well-formed payload of each, what an allowed caller sends. Typed, so a new event needs one.
 */
const SOCKET_PROBES: Record<keyof ClientToServerEvents, unknown> = {
  'live:subscribe': { after: null },
};
/** What socket.io itself emits on a server-side socket: not events a client sends. */
const RESERVED_SOCKET_EVENTS = new Set(['disconnect', 'disconnecting', 'error']);
const QUIET_MS = 400;

type Caller = Role | 'anonymous';
const CALLERS: Caller[] = ['anonymous', ...ROLES];

describe('authorization matrix', () => {
  let server: TestApp;
  let routes: string[];

  beforeAll(async () => {
    server = await startTestApp({ seedDemo: true });
    routes = registeredApiRoutes(server.app);
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

  describe('socket events', () => {
    const consoles: LiveConsole[] = [];
    const connect = async (client: ApiClient) => {
      const live = await LiveConsole.connect(server.baseUrl, client);
      consoles.push(live);
      return live;
    };

    afterAll(() => {
      for (const live of consoles) live.close();
    });

    it('has a rule for every client event the gateway listens to, and a listener for every rule', async () => {
      const live = await connect(await server.signedIn('secretariat'));
      // The gateway's own socket server: what a connected socket really listens to, not a list kept here.
      const io = (server.app.get(LiveGateway) as unknown as { server?: Server }).server;
      const socket = io?.of('/').sockets.get(live.socket.id ?? '');
      expect(socket).toBeDefined();
      const listened = (socket?.eventNames() ?? []).map(String).filter((name) => !RESERVED_SOCKET_EVENTS.has(name));
      expect(listened.length).toBeGreaterThan(0);
      expect(listened.sort()).toEqual(Object.keys(SOCKET_RULES).sort());
      expect(Object.keys(SOCKET_PROBES).sort()).toEqual(Object.keys(SOCKET_RULES).sort());
    });

    const socketCells = Object.keys(SOCKET_RULES).flatMap((name) => CALLERS.map((caller) => [name, caller] as const));

    it.each(socketCells)('%s as %s', async (name, caller) => {
      const event = name as keyof ClientToServerEvents;
      if (caller === 'anonymous') {
        await expect(connect(server.client())).rejects.toThrow('Connexion requise.');
        return;
      }
      const live = await connect(await server.signedIn(caller));
      const answer: unknown = await live.socket.timeout(5_000).emitWithAck(event, SOCKET_PROBES[event] as never);
      if (SOCKET_RULES[event].includes(caller)) expect(answer).not.toMatchObject({ status: 'refused' });
      else expect(answer).toEqual({ status: 'refused', message: 'Votre rôle ne permet pas cette action.' });
    });

    it('delivers each change only to who may see it: the territory all, a centre its bookings, a doctor their requests', async () => {
      const secretary = await server.signedIn('secretariat');
      const coordinator = await server.signedIn('coordinator');
      const otherRpps = '10009876543';
      const password = 'un-mot-de-passe-solide';
      const otherDoctor = await coordinator.post<AccountSummary>('/api/accounts', {
        email: 'dr.autre@creneau.test',
        displayName: 'Dr Autre Médecin',
        role: 'doctor',
        rpps: otherRpps,
        password,
        reason: 'matrix',
      });
      expect(otherDoctor.status).toBe(201);
      const demo = (email: string) => server.client().login(email, DEMO_TEST_PASSWORD);
      const receivers: { name: string; role: Role; client: ApiClient }[] = [
        { name: 'secretariat', role: 'secretariat', client: secretary },
        { name: 'coordinator', role: 'coordinator', client: coordinator },
        { name: 'admin', role: 'admin', client: await server.signedIn('admin') },
        { name: 'clinic', role: 'centre', client: await demo('imagerie.clinique@creneau.test') },
        { name: 'hospital', role: 'centre', client: await demo('imagerie.hopital@creneau.test') },
        { name: 'practice', role: 'centre', client: await demo('radiologie.essarts@creneau.test') },
        { name: 'Dr Martin', role: 'doctor', client: await demo('dr.martin@creneau.test') },
        { name: 'other doctor', role: 'doctor', client: await server.client().login('dr.autre@creneau.test', password) },
      ];
      expect(new Set(receivers.map((receiver) => receiver.role))).toEqual(new Set(ROLES));
      const live = new Map<string, LiveConsole>();
      for (const receiver of receivers) {
        const socket = await connect(receiver.client);
        expect(await socket.subscribe(null)).toMatchObject({ status: 'live' });
        live.set(receiver.name, socket);
      }

      // Dr Martin's request booked at the clinic, the other doctor's at the hospital; nothing at the practice.
      const centres = await demoCentreIds(server.dataSource);
      const request = async (form = completeForm()) => (await secretary.post<RequestView>('/api/requests', { form })).body;
      const book = async (requestId: string, slotId: string) => {
        const booked = await secretary.request<AppointmentView>('POST', '/api/appointments', {
          body: { requestId, slotId },
          headers: { 'idempotency-key': `matrix-${requestId}` },
        });
        expect(booked.status).toBe(201);
        return booked.body.id;
      };
      const mine = await request();
      const other = await request(
        completeForm({ doctor: { name: 'Dr Autre Médecin', rpps: otherRpps, phone: '02 51 00 00 00' } }),
      );
      const clinicSlot = await insertSlot(server.dataSource, { centreId: centres.clinic, modality: 'ct', startsInHours: 20 });
      const hospitalSlot = await insertSlot(server.dataSource, { centreId: centres.hospital, modality: 'ct', startsInHours: 21 });
      const names: Record<string, string> = {
        [mine.id]: 'request of Dr Martin',
        [other.id]: 'request of the other doctor',
        [clinicSlot]: 'clinic slot',
        [hospitalSlot]: 'hospital slot',
        [await book(mine.id, clinicSlot)]: 'clinic appointment',
        [await book(other.id, hospitalSlot)]: 'hospital appointment',
      };

      const ofMine = ['request.created request of Dr Martin'];
      const ofOther = ['request.created request of the other doctor'];
      const clinicBooking = [
        'slot.booked clinic slot',
        'appointment.booked clinic appointment',
        'request.updated request of Dr Martin',
      ];
      const hospitalBooking = [
        'slot.booked hospital slot',
        'appointment.booked hospital appointment',
        'request.updated request of the other doctor',
      ];
      const everything = [...ofMine, ...ofOther, ...clinicBooking, ...hospitalBooking];
      const expected: Record<string, string[]> = {
        secretariat: everything,
        coordinator: everything,
        admin: everything,
        // A centre sees a booking into its slot, not the request's creation (not theirs yet), nor another centre's.
        clinic: clinicBooking,
        hospital: hospitalBooking,
        practice: [],
        // A doctor follows their own request and its appointment, never the agenda's slots.
        'Dr Martin': [...ofMine, ...clinicBooking.slice(1)],
        'other doctor': [...ofOther, ...hospitalBooking.slice(1)],
      };
      const ours = (event: LiveEvent) => event.entityId in names;
      for (const receiver of receivers) {
        const count = expected[receiver.name].length;
        if (count > 0) await live.get(receiver.name)?.waitFor(ours, count);
      }
      await new Promise((resolve) => setTimeout(resolve, QUIET_MS)); // room for anything that should not come
      const received = Object.fromEntries(
        receivers.map((receiver) => [
          receiver.name,
          (live.get(receiver.name)?.events ?? [])
            .filter(ours)
            .map((event) => `${event.type} ${names[event.entityId]}`)
            .sort(),
        ]),
      );
      expect(received).toEqual(Object.fromEntries(Object.entries(expected).map(([name, labels]) => [name, [...labels].sort()])));
    });
  });
});

function expectedStatus(rule: RouteRule, caller: Caller): number {
  if (rule.allow === 'public') return rule.probe.expect;
  if (caller === 'anonymous') return 401;
  return rule.allow.includes(caller) ? rule.probe.expect : 403;
}
