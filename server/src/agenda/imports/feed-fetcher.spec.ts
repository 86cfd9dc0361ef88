import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FeedError } from './feed-error';
import { fetchText } from './feed-fetcher';

describe('fetchText', () => {
  let server: Server;
  let base: string;
  const timers = new Set<NodeJS.Timeout>();

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/ok') response.end('BEGIN:VCALENDAR');
      else if (request.url === '/big') response.end('x'.repeat(2048));
      else if (request.url === '/slow') timers.add(setTimeout(() => response.end('late'), 2_000));
      else response.writeHead(503).end('down');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    timers.forEach(clearTimeout);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('answers the body', async () => {
    await expect(fetchText(`${base}/ok`)).resolves.toBe('BEGIN:VCALENDAR');
  });

  it.each([
    ['an HTTP error', '/down', { timeoutMs: 1_000, maxBytes: 1_000_000 }, /HTTP 503/],
    ['a timeout', '/slow', { timeoutMs: 200, maxBytes: 1_000_000 }, /Pas de réponse de la source en 0.2 s/],
    ['a body too large', '/big', { timeoutMs: 1_000, maxBytes: 1_024 }, /trop volumineuse/],
  ])('turns %s into a FeedError', async (_label, path, limits, message) => {
    const failure = fetchText(`${base}${path}`, limits);
    await expect(failure).rejects.toThrow(FeedError);
    await expect(failure).rejects.toThrow(message);
  });

  it('says when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(fetchText(`http://127.0.0.1:${port}/feed.ics`)).rejects.toThrow(/Source injoignable \(ECONNREFUSED\)/);
  });
});
