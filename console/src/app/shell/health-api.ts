import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { HealthReport } from '@creneau/contracts';
import { catchError, Observable, of } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class HealthApi {
  private readonly http = inject(HttpClient);

  /** The server's report; a 503 still carries one, and no answer at all means unreachable. */
  check(): Observable<HealthReport | 'unreachable'> {
    return this.http
      .get<HealthReport>('/api/health')
      .pipe(
        catchError((error: { status?: number; error?: unknown }) =>
          of(error.status === 503 && isHealthReport(error.error) ? error.error : ('unreachable' as const)),
        ),
      );
  }
}

function isHealthReport(value: unknown): value is HealthReport {
  return typeof value === 'object' && value !== null && 'database' in value;
}
