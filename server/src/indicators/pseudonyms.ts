import { createHmac, randomBytes } from 'node:crypto';

/**
 * Pseudonyms of one export: keyed by a secret drawn for that export and forgotten with it, so that they are
 * stable within the file and lead back to no request, no reference number and no other export.
 */
export class Pseudonyms {
  private readonly key = randomBytes(32);

  request(caseId: string): string {
    return `D-${this.digest(`request:${caseId}`, 16)}`;
  }

  doctor(doctorKey: string | null): string {
    return doctorKey ? `M-${this.digest(`doctor:${doctorKey}`, 12)}` : '';
  }

  private digest(text: string, length: number): string {
    return createHmac('sha256', this.key).update(text).digest('hex').slice(0, length);
  }
}
