import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Modality, SlotRuleView } from '@creneau/contracts';
import { Observable } from 'rxjs';

/** When a rule's slots recur (the server's SlotRuleScheduleDto). */
export interface RuleSchedule {
  rrule: string;
  startLocal: string;
  durationMinutes: number;
  validFrom: string;
  validUntil?: string | null;
}

export interface NewRule extends RuleSchedule {
  centreId: string;
  modality: Modality;
  capacity: number;
}

export interface RuleChange {
  rule: SlotRuleView;
  slots: Record<string, number>;
}

/** A centre's recurring rules: preview, create, edit and stop (each change with its reason). */
@Injectable({ providedIn: 'root' })
export class SlotRulesApi {
  private readonly http = inject(HttpClient);

  list(centreId: string): Observable<SlotRuleView[]> {
    return this.http.get<SlotRuleView[]>(`/api/centres/${encodeURIComponent(centreId)}/slot-rules`);
  }

  preview(centreId: string, schedule: RuleSchedule): Observable<{ start: string; end: string }[]> {
    return this.http.post<{ start: string; end: string }[]>(
      `/api/centres/${encodeURIComponent(centreId)}/slot-rules/preview`,
      schedule,
    );
  }

  create(rule: NewRule): Observable<RuleChange> {
    return this.http.post<RuleChange>('/api/slot-rules', rule);
  }

  update(id: string, change: RuleSchedule & { capacity: number; reason: string }): Observable<RuleChange> {
    return this.http.patch<RuleChange>(`/api/slot-rules/${encodeURIComponent(id)}`, change);
  }

  stop(id: string, reason: string): Observable<RuleChange> {
    return this.http.post<RuleChange>(`/api/slot-rules/${encodeURIComponent(id)}/stop`, { reason });
  }
}
