import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { LoginRequest, SessionInfo } from '@creneau/contracts';
import { Observable } from 'rxjs';

export const LOGIN_URL = '/api/auth/login';
export const LOGOUT_URL = '/api/auth/logout';

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

/** The server's `/api/auth` endpoints; the session itself is an httpOnly cookie the browser keeps. */
@Injectable({ providedIn: 'root' })
export class SessionApi {
  private readonly http = inject(HttpClient);

  me(): Observable<SessionInfo> {
    return this.http.get<SessionInfo>('/api/auth/me');
  }

  login(credentials: LoginRequest): Observable<SessionInfo> {
    return this.http.post<SessionInfo>(LOGIN_URL, credentials);
  }

  logout(): Observable<void> {
    return this.http.post<void>(LOGOUT_URL, null);
  }

  changePassword(change: PasswordChange): Observable<void> {
    return this.http.post<void>('/api/auth/password', change);
  }
}
