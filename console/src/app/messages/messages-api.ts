import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { UnsentMessageView } from '@creneau/contracts';
import { Observable } from 'rxjs';

/** The outbox of messages to requesting doctors, as far as it has not left. */
@Injectable({ providedIn: 'root' })
export class MessagesApi {
  private readonly http = inject(HttpClient);

  /** Not sent yet (no SMTP, retrying) or given up, oldest first. */
  unsent(): Observable<UnsentMessageView[]> {
    return this.http.get<UnsentMessageView[]>('/api/messages/unsent');
  }
}
