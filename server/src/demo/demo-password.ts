import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The demo accounts' password: `DEMO_PASSWORD` when set; otherwise generated on first start and
 * kept beside the embedded data (mode 600) so that every later start can print it again.
 */
export async function demoPassword(configured: string | undefined, dataDir: string): Promise<string> {
  if (configured) return configured;
  const file = join(dataDir, 'demo-password');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const generated = randomBytes(12).toString('base64url');
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, `${generated}\n`, { mode: 0o600 });
    return generated;
  }
}
