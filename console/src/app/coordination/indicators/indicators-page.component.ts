import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MODALITIES, MODALITY_LABELS, type IndicatorsReport, type Modality } from '@creneau/contracts';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { apiErrorMessage, apiFieldErrors } from '../../api/api-error';
import { TerritoryStore } from '../../territory/territory-store';
import { BreakdownTableComponent } from './breakdown-table.component';
import { ChartComponent } from './chart.component';
import { EvaluationImportComponent } from './evaluation-import.component';
import { delayChart, monthlyChart, outcomesChart, slotUseChart } from './indicator-charts';
import { keyFigures } from './indicator-figures';
import { formatCount, formatDays, formatShare } from './indicator-format';
import { IndicatorsApi, type IndicatorsFilter } from './indicators-api';
import { lastTwelveMonths } from './period';

type Loaded = { state: 'loading' } | { state: 'loaded'; report: IndicatorsReport } | { state: 'error'; message: string };

/** The coordinator's dashboard: the territory's evaluation over a period, by centre and modality, with its export. */
@Component({
  selector: 'cr-indicators-page',
  imports: [ReactiveFormsModule, BreakdownTableComponent, ChartComponent, EvaluationImportComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './indicators-page.component.html',
  styles: `
    .figures {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
      gap: 0.75rem;
      padding: 0;
      list-style: none;
    }
    .figure .value {
      font-size: 1.6rem;
      font-weight: 700;
      margin: 0.2rem 0;
    }
    .figure p {
      margin: 0.2rem 0;
    }
    .charts {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(28rem, 1fr));
      gap: 1rem;
    }
    section {
      margin-top: 1.5rem;
    }
    caption {
      text-align: left;
      font-weight: 600;
      padding: 0.5rem 0;
    }
  `,
})
export class IndicatorsPageComponent {
  private readonly api = inject(IndicatorsApi);
  private readonly territory = inject(TerritoryStore);
  protected readonly centres = this.territory.centres;
  protected readonly modalities = MODALITIES.map((modality) => ({ value: modality, label: MODALITY_LABELS[modality] }));

  private readonly filter = signal<IndicatorsFilter>(lastTwelveMonths(new Date(), this.territory.timeZone()));
  protected readonly form = inject(FormBuilder).nonNullable.group({
    from: this.filter().from,
    to: this.filter().to,
    centreId: '',
    modality: '',
  });
  protected readonly periodError = signal<string | null>(null);

  protected readonly view = toSignal(
    toObservable(this.filter).pipe(
      switchMap((filter) =>
        this.api.report(filter).pipe(
          map((report): Loaded => ({ state: 'loaded', report })),
          catchError((error: unknown) => of<Loaded>({ state: 'error', message: errorText(error) })),
          startWith<Loaded>({ state: 'loading' }),
        ),
      ),
    ),
    { initialValue: { state: 'loading' } as Loaded },
  );
  protected readonly report = computed(() => {
    const view = this.view();
    return view.state === 'loaded' ? view.report : null;
  });
  protected readonly errorMessage = computed(() => {
    const view = this.view();
    return view.state === 'error' ? view.message : '';
  });
  protected readonly figures = computed(() => {
    const report = this.report();
    return report ? keyFigures(report) : [];
  });
  protected readonly charts = computed(() => {
    const report = this.report();
    return report
      ? {
          monthly: monthlyChart(report),
          delays: delayChart(report),
          outcomes: outcomesChart(report),
          slots: slotUseChart(report),
        }
      : null;
  });
  protected readonly exportUrl = computed(() => this.api.exportUrl(this.filter()));

  protected readonly count = formatCount;
  protected readonly days = formatDays;
  protected readonly share = formatShare;

  protected apply(): void {
    const { from, to, centreId, modality } = this.form.getRawValue();
    if (!from || !to || to < from) {
      this.periodError.set('Indiquez une période dont la fin ne précède pas le début.');
      return;
    }
    this.periodError.set(null);
    this.filter.set({
      from,
      to,
      ...(centreId ? { centreId } : {}),
      ...(modality ? { modality: modality as Modality } : {}),
    });
  }
}

function errorText(error: unknown): string {
  const fields = Object.values(apiFieldErrors(error)).flat();
  return fields.length > 0 ? fields.join(' ; ') : apiErrorMessage(error);
}
