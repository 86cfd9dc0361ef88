import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CalendarFeedAccess, CalendarFeedInput, CalendarFeedView } from '@creneau/contracts';
import { Observable } from 'rxjs';

/** The calendar feeds the caller manages: a token is only ever in the answer that creates or regenerates it. */
@Injectable({ providedIn: 'root' })
export class CalendarFeedsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<CalendarFeedView[]> {
    return this.http.get<CalendarFeedView[]>('/api/calendar-feeds');
  }

  create(input: CalendarFeedInput): Observable<CalendarFeedAccess> {
    return this.http.post<CalendarFeedAccess>('/api/calendar-feeds', input);
  }

  /** A new address for the feed; the old one answers 404 from now on. */
  regenerate(id: string, reason: string): Observable<CalendarFeedAccess> {
    return this.http.post<CalendarFeedAccess>(`/api/calendar-feeds/${encodeURIComponent(id)}/regenerate`, { reason });
  }

  /** For good: its address answers 404 and it cannot be regenerated. */
  revoke(id: string, reason: string): Observable<CalendarFeedView> {
    return this.http.post<CalendarFeedView>(`/api/calendar-feeds/${encodeURIComponent(id)}/revoke`, { reason });
  }
}

/** The address to give the calendar application: the server's origin and the feed's path. */
export function feedAddress(access: Pick<CalendarFeedAccess, 'path'>, origin: string): string {
  return new URL(access.path, origin).toString();
}
