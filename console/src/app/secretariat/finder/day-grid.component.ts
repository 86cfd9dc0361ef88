import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { SlotSearchHit } from '@creneau/contracts';
import { AtPipe } from '../../time/at.pipe';
import { formatInstant, localDate } from '../../time/format-instant';

interface GridRow {
  centreId: string;
  centreName: string;
  sector: SlotSearchHit['sector'];
  city: string;
  /** The centre's slots of each day of the window, in the columns' order. */
  days: SlotSearchHit[][];
}

/** The free slots as a grid: one row per centre, one column per day of the window. */
@Component({
  selector: 'cr-day-grid',
  imports: [AtPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table class="data day-grid">
      <caption class="visually-hidden">
        Créneaux libres par centre et par jour
      </caption>
      <thead>
        <tr>
          <th scope="col">Centre</th>
          @for (day of days(); track day.date) {
            <th scope="col">{{ day.label }}</th>
          }
        </tr>
      </thead>
      <tbody>
        @for (row of rows(); track row.centreId) {
          <tr>
            <th scope="row">
              {{ row.centreName }}
              <span class="sector" [class.public]="row.sector === 'public'">{{
                row.sector === 'public' ? 'Public' : 'Privé'
              }}</span>
            </th>
            @for (slots of row.days; track $index) {
              <td>
                @for (hit of slots; track hit.slotId) {
                  <button
                    type="button"
                    class="small slot-time"
                    [disabled]="taken().has(hit.slotId)"
                    [attr.aria-label]="'Retenir ' + (hit.start | at: timeZone() : 'day-time') + ', ' + row.centreName"
                    (click)="chosen.emit(hit)"
                  >
                    {{ hit.start | at: timeZone() : 'time' }}
                  </button>
                }
              </td>
            }
          </tr>
        }
      </tbody>
    </table>
  `,
})
export class DayGridComponent {
  readonly hits = input.required<SlotSearchHit[]>();
  readonly window = input.required<{ from: string; to: string }>();
  readonly timeZone = input.required<string>();
  /** Slots found taken by someone else: shown, but greyed out. */
  readonly taken = input<ReadonlySet<string>>(new Set());
  readonly chosen = output<SlotSearchHit>();

  protected readonly days = computed(() => {
    const zone = this.timeZone();
    const dates: { date: string; label: string }[] = [];
    for (let t = new Date(this.window().from).getTime(); t < new Date(this.window().to).getTime(); t += 3_600_000) {
      const date = localDate(new Date(t), zone);
      if (!dates.some((d) => d.date === date)) dates.push({ date, label: formatInstant(new Date(t), zone, 'short-day') });
    }
    return dates;
  });

  protected readonly rows = computed<GridRow[]>(() => {
    const zone = this.timeZone();
    const dates = this.days().map((day) => day.date);
    const rows = new Map<string, GridRow>();
    for (const hit of this.hits()) {
      const row = rows.get(hit.centreId) ?? {
        centreId: hit.centreId,
        centreName: hit.centreName,
        sector: hit.sector,
        city: hit.city,
        days: dates.map(() => []),
      };
      rows.set(hit.centreId, row);
      row.days[dates.indexOf(localDate(hit.start, zone))]?.push(hit);
    }
    return [...rows.values()].sort((a, b) => a.centreName.localeCompare(b.centreName));
  });
}
