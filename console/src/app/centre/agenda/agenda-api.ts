import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AppointmentView, ImagingResult, Modality, SlotView } from '@creneau/contracts';
import { Observable } from 'rxjs';

export interface NewSlot {
  centreId: string;
  modality: Modality;
  /** ISO 8601 instant. */
  start: string;
  durationMinutes: number;
  capacity: number;
}

/** What a centre answers about an appointment booked with it. */
export type AppointmentAnswer =
  | { kind: 'confirm' }
  | { kind: 'refuse'; reason: string; slot: 'free' | 'withdraw' }
  | { kind: 'done'; result: ImagingResult; note?: string }
  | { kind: 'no-show' };

/** A centre's agenda: its reserved slots, the appointments booked in them, and its answers. */
@Injectable({ providedIn: 'root' })
export class AgendaApi {
  private readonly http = inject(HttpClient);

  slots(centreId: string, from: string, to: string): Observable<SlotView[]> {
    return this.http.get<SlotView[]>('/api/slots', { params: new HttpParams({ fromObject: { centreId, from, to } }) });
  }

  appointments(centreId: string): Observable<AppointmentView[]> {
    return this.http.get<AppointmentView[]>('/api/appointments', { params: new HttpParams({ fromObject: { centreId } }) });
  }

  publish(slot: NewSlot): Observable<SlotView> {
    return this.http.post<SlotView>('/api/slots', slot);
  }

  answer(appointmentId: string, answer: AppointmentAnswer): Observable<AppointmentView> {
    const { kind, ...body } = answer;
    return this.http.post<AppointmentView>(`/api/appointments/${encodeURIComponent(appointmentId)}/${kind}`, body);
  }
}
