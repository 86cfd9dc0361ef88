import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { JobStatusView } from '@creneau/contracts';
import { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class JobsApi {
  private readonly http = inject(HttpClient);

  /** Each scheduled job with its last run, whichever server instance ran it. */
  latest(): Observable<JobStatusView[]> {
    return this.http.get<JobStatusView[]>('/api/jobs/runs');
  }
}
