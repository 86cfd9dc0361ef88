import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { TerritorySummary } from '@creneau/contracts';
import { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class TerritoryApi {
  private readonly http = inject(HttpClient);

  list(): Observable<TerritorySummary[]> {
    return this.http.get<TerritorySummary[]>('/api/territories');
  }
}
