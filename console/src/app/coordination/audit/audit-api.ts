import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AuditEventView } from '@creneau/contracts';
import { Observable } from 'rxjs';

/** Filters of `GET /api/audit`; `from` inclusive and `to` exclusive, ISO 8601 instants. */
export interface AuditFilter {
  accountId?: string;
  from?: string;
  to?: string;
  limit: number;
}

@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  find(filter: AuditFilter): Observable<AuditEventView[]> {
    let params = new HttpParams();
    for (const [name, value] of Object.entries(filter)) {
      if (value !== undefined) params = params.set(name, String(value));
    }
    return this.http.get<AuditEventView[]>('/api/audit', { params });
  }
}
