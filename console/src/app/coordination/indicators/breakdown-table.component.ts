import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { IndicatorBreakdown } from '@creneau/contracts';
import { formatCount, formatDays, formatShare } from './indicator-format';

/** Requests, bookings and delays of each line of a breakdown (by modality, exam or suspected diagnosis). */
@Component({
  selector: 'cr-breakdown-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table class="data">
      <caption>
        {{
          caption()
        }}
      </caption>
      <thead>
        <tr>
          <th scope="col">{{ heading() }}</th>
          <th scope="col">Demandes</th>
          <th scope="col">Programmées</th>
          <th scope="col">Délai moyen</th>
          <th scope="col">Sous {{ targetHours() }} h</th>
        </tr>
      </thead>
      <tbody>
        @for (line of lines(); track line.key) {
          <tr>
            <th scope="row">{{ line.label }}</th>
            <td>{{ count(line.received) }}</td>
            <td>{{ count(line.booked) }}</td>
            <td>{{ days(line.meanDelayDays) }}</td>
            <td>{{ share(line.withinTarget) }}</td>
          </tr>
        } @empty {
          <tr>
            <td colspan="5">Aucune demande.</td>
          </tr>
        }
      </tbody>
    </table>
  `,
})
export class BreakdownTableComponent {
  readonly caption = input.required<string>();
  readonly heading = input.required<string>();
  readonly lines = input.required<IndicatorBreakdown[]>();
  readonly targetHours = input.required<number>();

  protected readonly count = formatCount;
  protected readonly days = formatDays;
  protected readonly share = formatShare;
}
