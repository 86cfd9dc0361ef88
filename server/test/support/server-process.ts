import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export const WORKSPACE_ROOT = join(__dirname, '../../..');

export interface ServerProcess {
  child: ChildProcess;
  /** Everything printed on stdout so far. */
  output(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

/** Runs a script of the built server (`dist/server/*.js`) as `npm start` would, with the given environment. */
export function runBuiltServer(script: 'main.js' | 'cli.js', args: string[], env: NodeJS.ProcessEnv): ServerProcess {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, [join(WORKSPACE_ROOT, 'dist/server', script), ...args], {
    cwd: WORKSPACE_ROOT,
    env: { ...inherited, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => stdout, exited };
}

/** Waits until the process prints `text`, or fails with what it printed. */
export async function waitForOutput(server: ServerProcess, text: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!server.output().includes(text)) {
    if (server.child.exitCode !== null) throw new Error(`The server exited (${server.child.exitCode}):\n${server.output()}`);
    if (Date.now() > deadline) throw new Error(`"${text}" never came:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
