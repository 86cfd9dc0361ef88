import { request } from 'playwright-core';
import { baseUrl } from './browser';
import { DEMO_PASSWORD } from './built-server';

/** The API as one demo account, to seed what a test needs (the demo territory has no slot). */
export interface ApiSession {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown, headers?: Record<string, string>): Promise<T>;
  dispose(): Promise<void>;
}

export async function apiAs(email: string, password = DEMO_PASSWORD): Promise<ApiSession> {
  const context = await request.newContext({ baseURL: baseUrl() });
  // The first answer hands out the CSRF cookie that every change must echo.
  await context.get('/api/health');
  const send = async <T>(method: 'get' | 'post', path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const token = (await context.storageState()).cookies.find((cookie) => cookie.name === 'XSRF-TOKEN')?.value ?? '';
    const response = await context[method](path, { data: body, headers: { 'X-XSRF-TOKEN': token, ...headers } });
    if (!response.ok()) throw new Error(`${method.toUpperCase()} ${path}: ${response.status()} ${await response.text()}`);
    return (response.status() === 204 ? undefined : await response.json()) as T;
  };
  await send('post', '/api/auth/login', { email, password });
  return {
    get: (path) => send('get', path),
    post: (path, body, headers) => send('post', path, body, headers),
    dispose: () => context.dispose(),
  };
}

/** A secretariat account of the test's own (created by the coordination), so that e2e files never share one. */
export async function createSecretary(email: string, displayName: string): Promise<void> {
  const coordination = await apiAs('coordination@creneau.test');
  await coordination.post('/api/accounts', { email, displayName, role: 'secretariat', password: DEMO_PASSWORD });
  await coordination.dispose();
}

/** An instant some whole hours from now, on the hour: slots the tests publish start there. */
export function hoursFromNow(hours: number): string {
  const date = new Date(Date.now() + hours * 3_600_000);
  date.setUTCMinutes(0, 0, 0);
  return date.toISOString();
}
