import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AppointmentView } from '@creneau/contracts';
import { Observable } from 'rxjs';

/** What follows a booking on the secretariat's side: cancel (with a reason) or move to another slot. */
@Injectable({ providedIn: 'root' })
export class AppointmentsApi {
  private readonly http = inject(HttpClient);

  /**
   * Cancels before the exam; the place is given back. `closeRequest`: the patient no longer needs the exam and the
   * request is closed; otherwise it goes back to the queue, to be booked again.
   */
  cancel(id: string, reason: string, closeRequest = false): Observable<AppointmentView> {
    return this.http.post<AppointmentView>(`/api/appointments/${encodeURIComponent(id)}/cancel`, { reason, closeRequest });
  }

  /** Moves the appointment to another slot in one transaction, saying why if known: the new appointment comes back. */
  reschedule(id: string, slotId: string, reason?: string): Observable<AppointmentView> {
    return this.http.post<AppointmentView>(`/api/appointments/${encodeURIComponent(id)}/reschedule`, {
      slotId,
      ...(reason ? { reason } : {}),
    });
  }
}
