import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AppointmentView, HoldView, IndicationCode, MobilityAid, Modality, SlotSearchResult } from '@creneau/contracts';
import { firstValueFrom, Observable } from 'rxjs';

/** The query of `GET /api/slots/search`: the exam, the patient's constraints, the window. */
export interface SlotSearchQuery {
  modality: Modality;
  indication?: IndicationCode;
  from?: string;
  to?: string;
  /** The patient's postal code and commune, as on the form: the server finds them in the territory's list. */
  postalCode?: string;
  commune?: string;
  ambulatory: boolean;
  mobilityAid?: MobilityAid;
  pacemaker: boolean;
}

/** The pooled search, holds while on the phone, and booking. */
@Injectable({ providedIn: 'root' })
export class BookingApi {
  private readonly http = inject(HttpClient);

  search(query: SlotSearchQuery): Observable<SlotSearchResult> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params = params.set(key, String(value));
    return this.http.get<SlotSearchResult>('/api/slots/search', { params });
  }

  hold(slotId: string, requestId: string): Observable<HoldView> {
    return this.http.post<HoldView>(`/api/slots/${encodeURIComponent(slotId)}/hold`, { requestId });
  }

  release(slotId: string): Observable<void> {
    return this.http.delete<void>(`/api/slots/${encodeURIComponent(slotId)}/hold`);
  }

  /** Gives a hold back; a hold left behind expires by itself within minutes, so a failure is no reason to stop the call. */
  async releaseQuietly(slotId: string): Promise<void> {
    try {
      await firstValueFrom(this.release(slotId));
    } catch {
      // it expires on its own
    }
  }

  /** One Idempotency-Key per booking attempt: a retry of the same attempt gets the first answer back. */
  book(requestId: string, slotId: string, idempotencyKey: string): Observable<AppointmentView> {
    return this.http.post<AppointmentView>(
      '/api/appointments',
      { requestId, slotId },
      { headers: new HttpHeaders({ 'Idempotency-Key': idempotencyKey }) },
    );
  }
}
