import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AccountSummary, Role } from '@creneau/contracts';
import { Observable } from 'rxjs';

/** The body of `POST /api/accounts` (the server's CreateAccountDto). */
export interface NewAccount {
  email: string;
  displayName: string;
  role: Role;
  password: string;
  centreIds?: string[];
  rpps?: string;
}

/** The body of `PATCH /api/accounts/:id`: every change carries its reason, kept in the audit trail. */
export interface AccountChange {
  disabled?: boolean;
  reason: string;
}

@Injectable({ providedIn: 'root' })
export class AccountsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<AccountSummary[]> {
    return this.http.get<AccountSummary[]>('/api/accounts');
  }

  create(account: NewAccount): Observable<AccountSummary> {
    return this.http.post<AccountSummary>('/api/accounts', account);
  }

  update(id: string, change: AccountChange): Observable<AccountSummary> {
    return this.http.patch<AccountSummary>(`/api/accounts/${encodeURIComponent(id)}`, change);
  }
}
