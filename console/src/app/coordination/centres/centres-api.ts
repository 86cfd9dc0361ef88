import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CentreSector, CentreSummary, Modality, UpdatedCentreView } from '@creneau/contracts';
import { Observable } from 'rxjs';

/** The body of `POST /api/centres` (the server's CreateCentreDto). */
export interface NewCentre {
  name: string;
  sector: CentreSector;
  organisation: string;
  streetAddress: string;
  postcode: string;
  city: string;
  latitude: number;
  longitude: number;
  phone: string;
  secureEmail: string;
  modalities: Modality[];
  wheelchairAccessible: boolean;
  stretcherAccessible: boolean;
  acceptsMrConditionalPacemaker: boolean;
}

/** The body of `PATCH /api/centres/:id`: any of the fields, always with the reason of the change. */
export type CentreChange = Partial<NewCentre> & { active?: boolean; reason: string };

/** The partner centres, as the coordination manages them. */
@Injectable({ providedIn: 'root' })
export class CentresApi {
  private readonly http = inject(HttpClient);

  list(): Observable<CentreSummary[]> {
    return this.http.get<CentreSummary[]>('/api/centres');
  }

  create(centre: NewCentre): Observable<CentreSummary> {
    return this.http.post<CentreSummary>('/api/centres', centre);
  }

  update(id: string, change: CentreChange): Observable<UpdatedCentreView> {
    return this.http.patch<UpdatedCentreView>(`/api/centres/${encodeURIComponent(id)}`, change);
  }
}
