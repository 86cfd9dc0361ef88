import type { BuiltServer } from './built-server';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { creneauServer?: BuiltServer }).creneauServer?.stop();
}
