import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { RequestCommentView, RequestEventView, RequestInput, RequestSummary, RequestView } from '@creneau/contracts';
import { Observable } from 'rxjs';

/** `status` of `GET /api/requests`: one status, or `open` for incomplete, to book and booked. */
export type RequestListStatus = 'open' | RequestSummary['status'];

export interface RequestFilter {
  status?: RequestListStatus;
  /** Patient's or doctor's name, or reference. */
  q?: string;
}

/** The server's `/api/requests`: the queue, the request forms, the coordinator's override, the history and the thread. */
@Injectable({ providedIn: 'root' })
export class RequestsApi {
  private readonly http = inject(HttpClient);

  list(filter: RequestFilter = {}): Observable<RequestSummary[]> {
    let params = new HttpParams();
    if (filter.status) params = params.set('status', filter.status);
    if (filter.q?.trim()) params = params.set('q', filter.q.trim());
    return this.http.get<RequestSummary[]>('/api/requests', { params });
  }

  get(id: string): Observable<RequestView> {
    return this.http.get<RequestView>(`/api/requests/${encodeURIComponent(id)}`);
  }

  create(input: RequestInput): Observable<RequestView> {
    return this.http.post<RequestView>('/api/requests', input);
  }

  /** Replaces the form of a request not yet booked; the reason goes to its history. */
  update(id: string, input: RequestInput & { reason: string }): Observable<RequestView> {
    return this.http.patch<RequestView>(`/api/requests/${encodeURIComponent(id)}`, input);
  }

  override(id: string, reason: string): Observable<RequestView> {
    return this.http.post<RequestView>(`/api/requests/${encodeURIComponent(id)}/override`, { reason });
  }

  /** Every transition of the request: who, when, from, to, why. */
  history(id: string): Observable<RequestEventView[]> {
    return this.http.get<RequestEventView[]>(`/api/requests/${encodeURIComponent(id)}/history`);
  }

  /** The thread between the requesting doctor, the secretariat and the centre's radiologist. */
  comments(id: string): Observable<RequestCommentView[]> {
    return this.http.get<RequestCommentView[]>(`/api/requests/${encodeURIComponent(id)}/comments`);
  }

  addComment(id: string, body: string): Observable<RequestCommentView> {
    return this.http.post<RequestCommentView>(`/api/requests/${encodeURIComponent(id)}/comments`, { body });
  }
}
