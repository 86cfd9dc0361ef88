import { ChangeDetectionStrategy, Component, inject, input, OnInit, output, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MODALITY_LABELS, type CentreSummary, type Modality, type SlotView } from '@creneau/contracts';
import { parseIsoDate, parseLocalTime, wallTimeToInstant } from '@creneau/domain';
import { firstValueFrom } from 'rxjs';
import { apiErrorMessage } from '../../api/api-error';
import { formatInstant, localDate } from '../../time/format-instant';
import { AgendaApi } from './agenda-api';

/** A one-off reserved slot, in the territory's local time. */
@Component({
  selector: 'cr-publish-slot-form',
  imports: [ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="stacked" [formGroup]="form" (ngSubmit)="publish()" novalidate>
      <label for="slot-modality">Examen</label>
      <select id="slot-modality" formControlName="modality">
        @for (modality of centre().modalities; track modality) {
          <option [value]="modality">{{ modalityLabels[modality] }}</option>
        }
      </select>
      <label for="slot-date">Jour</label>
      <input id="slot-date" type="date" formControlName="date" />
      <label for="slot-time">Heure</label>
      <input id="slot-time" type="time" formControlName="time" />
      <label for="slot-duration">Durée (minutes)</label>
      <input id="slot-duration" type="number" min="5" max="720" formControlName="durationMinutes" />
      <label for="slot-capacity">Patients</label>
      <input id="slot-capacity" type="number" min="1" max="500" formControlName="capacity" />
      @if (outcome(); as outcome) {
        <p [class]="outcome.kind" [attr.role]="outcome.kind === 'error' ? 'alert' : 'status'">{{ outcome.text }}</p>
      }
      <button type="submit" class="primary">Publier le créneau</button>
    </form>
  `,
})
export class PublishSlotFormComponent implements OnInit {
  readonly centre = input.required<CentreSummary>();
  readonly timeZone = input.required<string>();
  readonly published = output<SlotView>();

  private readonly api = inject(AgendaApi);
  protected readonly modalityLabels = MODALITY_LABELS;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    modality: '' as Modality | '',
    date: '',
    time: '',
    durationMinutes: 20,
    capacity: 1,
  });
  protected readonly outcome = signal<{ kind: 'success' | 'error'; text: string } | null>(null);

  ngOnInit(): void {
    this.form.patchValue({ modality: this.centre().modalities[0] ?? '', date: localDate(new Date(), this.timeZone()) });
  }

  protected async publish(): Promise<void> {
    const { modality, date, time, durationMinutes, capacity } = this.form.getRawValue();
    const day = parseIsoDate(date);
    const at = parseLocalTime(time);
    const chosen = modality || this.centre().modalities[0];
    if (!day || !at || !chosen) {
      this.outcome.set({ kind: 'error', text: 'Indiquez le jour et l’heure du créneau.' });
      return;
    }
    const start = wallTimeToInstant({ ...day, ...at }, this.timeZone()).toISOString();
    try {
      const slot = await firstValueFrom(
        this.api.publish({ centreId: this.centre().id, modality: chosen, start, durationMinutes, capacity }),
      );
      this.outcome.set({ kind: 'success', text: `Créneau publié : ${formatInstant(start, this.timeZone(), 'long')}.` });
      this.published.emit(slot);
    } catch (error) {
      this.outcome.set({ kind: 'error', text: apiErrorMessage(error) });
    }
  }
}
