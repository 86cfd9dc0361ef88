// The search with no framework: node:http, node-postgres and the server's own prepared statement, nothing else (no
// session, no validation, no logging, no per-row work). `run.mjs --floor` loads it beside the real server, so that
// the distance between the two is the framework's and the app's share, and this one is the floor of the machine.
//
//   DATABASE_URL=… PORT=… node bench/search/bare-server.mjs        (the bench starts it; prints "ready")
import http from 'node:http';
import pg from 'pg';
import { centreTraits, chooseStrategy, searchSql, searchWindows, sqlParameters } from './queries.mjs';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const sql = searchSql(process.env.WORKSPACE_ROOT ?? '.');
const centres = await centreTraits(pool);

http
  .createServer(async (request, response) => {
    const query = Object.fromEntries(new URL(request.url, 'http://bare').searchParams);
    const { window } = searchWindows(query);
    const strategy = chooseStrategy(centres, query);
    const { rows } = await pool.query({
      name: 'bare-slot-search',
      text: sql,
      values: sqlParameters(query, window.from, window.to, window.limit, strategy),
    });
    const body = JSON.stringify({ hits: rows });
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    response.end(body);
  })
  .listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\n'));
