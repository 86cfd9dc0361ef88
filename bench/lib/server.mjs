// The built server (`dist/server/main.js`) as a bench drives it: a child process on a free port, a
// signed-in client that follows the server's cookies and CSRF rule.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * `dist`: the build to run (another one, to compare two builds). BENCH_SERVER_NODE_OPTIONS: Node flags for the server
 * alone, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
 */
export async function startServer(root, { port, databaseUrl, env = {}, dist = join(root, 'dist/server') }) {
  const nodeFlags = process.env.BENCH_SERVER_NODE_OPTIONS?.split(/\s+/).filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeFlags, join(dist, 'main.js')], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      DEMO: 'false',
      JOBS_ENABLED: 'false',
      LOG_LEVEL: 'warn',
      LOGIN_RATE_LIMIT: '1000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const deadline = Date.now() + 60_000;
  while (!output.includes('Créneau is ready')) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) throw new Error(`the server did not start within 60 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, exited, baseUrl: `http://127.0.0.1:${port}`, output: () => output };
}

export async function stopServer({ child, exited }) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Signs in like the console: XSRF cookie first, echoed in X-XSRF-TOKEN; returns the headers of later calls. */
export async function signIn(baseUrl, email, password) {
  const health = await fetch(`${baseUrl}/api/health`);
  const xsrf = cookieOf(health, 'XSRF-TOKEN');
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `XSRF-TOKEN=${xsrf}`, 'x-xsrf-token': xsrf },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`login of ${email} answered ${response.status}: ${await response.text()}`);
  return {
    cookie: `creneau_session=${cookieOf(response, 'creneau_session')}; XSRF-TOKEN=${xsrf}`,
    'x-xsrf-token': xsrf,
    'content-type': 'application/json',
  };
}

function cookieOf(response, name) {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    if (pair.startsWith(`${name}=`)) return pair.slice(name.length + 1);
  }
  throw new Error(`no ${name} cookie in the answer`);
}
