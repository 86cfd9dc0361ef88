import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startBuiltServer, WORKSPACE_ROOT } from './built-server';

/** One server for the whole run; the tests read its address from E2E_BASE_URL. */
export default async function globalSetup(): Promise<void> {
  for (const built of ['dist/server/main.js', 'dist/console/browser/index.html']) {
    if (!existsSync(join(WORKSPACE_ROOT, built))) {
      throw new Error(`${built} is missing: run \`npx nx e2e console\`, which builds the server and the console first.`);
    }
  }
  const server = await startBuiltServer();
  process.env['E2E_BASE_URL'] = server.baseUrl;
  (globalThis as { creneauServer?: typeof server }).creneauServer = server;
}
