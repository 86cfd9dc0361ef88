import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ImportKind, ImportRunOutcome, ImportSourceView, Modality } from '@creneau/contracts';
import { Observable } from 'rxjs';

/** Body of `POST /api/centres/:id/import-sources`. */
export interface NewImportSource {
  kind: ImportKind;
  url: string;
  marker?: string;
  modality?: Modality;
  pollIntervalMinutes?: number;
}

/** A centre's own systems whose reserved slots Créneau imports, and how their imports are going. */
@Injectable({ providedIn: 'root' })
export class ImportSourcesApi {
  private readonly http = inject(HttpClient);

  list(centreId: string): Observable<ImportSourceView[]> {
    return this.http.get<ImportSourceView[]>(`/api/centres/${encodeURIComponent(centreId)}/import-sources`);
  }

  create(centreId: string, source: NewImportSource): Observable<ImportSourceView> {
    return this.http.post<ImportSourceView>(`/api/centres/${encodeURIComponent(centreId)}/import-sources`, source);
  }

  /** Stops (false) or resumes (true) the polling, with a reason kept in the audit trail. */
  setActive(id: string, active: boolean, reason: string): Observable<ImportSourceView> {
    return this.http.patch<ImportSourceView>(`/api/import-sources/${encodeURIComponent(id)}`, { active, reason });
  }

  /** Imports now: a source that cannot be read answers ok: false with its error, its slots untouched. */
  run(id: string): Observable<ImportRunOutcome> {
    return this.http.post<ImportRunOutcome>(`/api/import-sources/${encodeURIComponent(id)}/run`, {});
  }
}
