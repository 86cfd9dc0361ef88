import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { EvaluationImportResult, IndicatorsQuery, IndicatorsReport } from '@creneau/contracts';
import { Observable } from 'rxjs';

/** The filters both the figures and the export take. */
export type IndicatorsFilter = Pick<IndicatorsQuery, 'from' | 'to' | 'centreId' | 'modality'>;

@Injectable({ providedIn: 'root' })
export class IndicatorsApi {
  private readonly http = inject(HttpClient);

  report(filter: IndicatorsFilter): Observable<IndicatorsReport> {
    return this.http.get<IndicatorsReport>('/api/indicators', { params: paramsOf(filter) });
  }

  /** A plain link: the browser downloads the file itself (with the session cookie), as large as it is. */
  exportUrl(filter: IndicatorsFilter): string {
    return `/api/indicators/export?${paramsOf(filter).toString()}`;
  }

  import(file: File, reason: string): Observable<EvaluationImportResult> {
    const form = new FormData();
    form.set('reason', reason);
    form.set('file', file, file.name);
    return this.http.post<EvaluationImportResult>('/api/indicators/import', form);
  }
}

function paramsOf(filter: IndicatorsFilter): HttpParams {
  let params = new HttpParams().set('from', filter.from).set('to', filter.to);
  if (filter.centreId) params = params.set('centreId', filter.centreId);
  if (filter.modality) params = params.set('modality', filter.modality);
  return params;
}
