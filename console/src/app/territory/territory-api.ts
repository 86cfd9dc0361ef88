import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CreatedClosureView, TerritorySummary } from '@creneau/contracts';
import { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class TerritoryApi {
  private readonly http = inject(HttpClient);

  list(): Observable<TerritorySummary[]> {
    return this.http.get<TerritorySummary[]>('/api/territories');
  }

  /** Closes a centre for a period; the answer lists the appointments already made during it. */
  closeCentre(id: string, closure: { from: string; to: string; reason: string }): Observable<CreatedClosureView> {
    return this.http.post<CreatedClosureView>(`/api/centres/${encodeURIComponent(id)}/closures`, closure);
  }
}
