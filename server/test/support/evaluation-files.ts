import { parse } from 'csv-parse/sync';
import { SESSION_COOKIE, XSRF_COOKIE, XSRF_HEADER } from '../../src/access/cookies';
import { ApiClient } from './api-client';

/** POSTs a file to the import as the console does: a multipart form with the file and the reason. */
export async function uploadEvaluation(
  client: ApiClient,
  baseUrl: string,
  content: Buffer | string,
  options: { reason?: string; fileName?: string } = {},
): Promise<{ status: number; body: unknown }> {
  if (!client.cookie(XSRF_COOKIE)) await client.get('/api/health');
  const form = new FormData();
  form.set('reason', options.reason ?? 'reprise de l’évaluation 2025');
  form.set('file', new Blob([content]), options.fileName ?? 'evaluation.csv');
  const response = await fetch(`${baseUrl}/api/indicators/import`, {
    method: 'POST',
    headers: {
      cookie: `${SESSION_COOKIE}=${client.cookie(SESSION_COOKIE)}; ${XSRF_COOKIE}=${client.cookie(XSRF_COOKIE)}`,
      [XSRF_HEADER]: client.cookie(XSRF_COOKIE) ?? '',
    },
    body: form,
  });
  return { status: response.status, body: await response.json() };
}

/** Reads an export as a spreadsheet would: BOM, `;`, the first line naming the columns. */
export function parseEvaluationCsv(text: string): Record<string, string>[] {
  return parse(text, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
}

/** GETs the export's bytes (fetch's text() would drop the BOM the test wants to see). */
export async function downloadEvaluation(
  client: ApiClient,
  baseUrl: string,
  query: Record<string, string>,
): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const response = await fetch(`${baseUrl}/api/indicators/export?${new URLSearchParams(query)}`, {
    headers: { cookie: `${SESSION_COOKIE}=${client.cookie(SESSION_COOKIE)}` },
  });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}
