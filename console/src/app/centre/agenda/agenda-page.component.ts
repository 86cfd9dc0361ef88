import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { MODALITY_LABELS, SLOT_STATE_LABELS, type AppointmentView, type RequestSummary, type SlotView } from '@creneau/contracts';
import { combineLatest, map, of, switchMap } from 'rxjs';
import { ConnectionNoticeComponent } from '../../live/connection-notice.component';
import { LiveUpdates } from '../../live/live-updates';
import { examLabel } from '../../requests/request-labels';
import { RequestsApi } from '../../requests/requests-api';
import { ClosureFormComponent } from '../../territory/closure-form.component';
import { TerritoryStore } from '../../territory/territory-store';
import { AtPipe } from '../../time/at.pipe';
import { addDays, formatInstant, localDate } from '../../time/format-instant';
import { startOfDay } from '../../time/start-of-day';
import { OwnCentre } from '../own-centre';
import { AgendaApi } from './agenda-api';
import { agendaPeriod, AgendaScale } from './agenda-period';
import { AppointmentActionsComponent } from './appointment-actions.component';
import { APPOINTMENT_STATUS_LABELS } from './appointment-labels';
import { PublishSlotFormComponent } from './publish-slot-form.component';

interface AgendaEntry {
  slot: SlotView;
  appointments: { appointment: AppointmentView; request: RequestSummary | undefined }[];
}

/** The centre's day or week: its reserved slots, who is booked in them, and its answers on each appointment. */
@Component({
  selector: 'cr-agenda-page',
  imports: [
    NgTemplateOutlet,
    RouterLink,
    AtPipe,
    ConnectionNoticeComponent,
    AppointmentActionsComponent,
    PublishSlotFormComponent,
    ClosureFormComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './agenda-page.component.html',
})
export class AgendaPageComponent {
  private readonly api = inject(AgendaApi);
  private readonly requestsApi = inject(RequestsApi);
  private readonly live = inject(LiveUpdates);
  protected readonly own = inject(OwnCentre);
  protected readonly timeZone = inject(TerritoryStore).timeZone;

  protected readonly scale = signal<AgendaScale>('week');
  protected readonly date = signal(localDate(new Date(), this.timeZone()));
  protected readonly period = computed(() => agendaPeriod(this.date(), this.scale(), this.timeZone()));
  private readonly refresh = signal(0);
  protected readonly closing = signal(false);
  /** What the last closure said, with the appointments already made during it, to move or cancel. */
  protected readonly closureNotice = signal<string | null>(null);

  private readonly data = toSignal(
    combineLatest([toObservable(this.own.centre), toObservable(this.period), toObservable(this.refresh)]).pipe(
      switchMap(([centre, period]) =>
        centre
          ? this.live.watch(
              'agenda',
              () =>
                combineLatest([
                  this.api.slots(centre.id, period.from, period.to),
                  this.api.appointments(centre.id),
                  this.requestsApi.list(),
                ]).pipe(map(([slots, appointments, requests]) => ({ slots, appointments, requests }))),
              // Staff of several centres: another centre's slots and appointments change nothing here.
              (event) => event.entity === 'request' || event.data.centreId === centre.id,
            )
          : of(null),
      ),
    ),
  );

  protected readonly entries = computed<AgendaEntry[] | null>(() => {
    const data = this.data();
    if (!data) return null;
    const requests = new Map(data.requests.map((request) => [request.id, request]));
    return data.slots.map((slot) => ({
      slot,
      appointments: data.appointments
        .filter((appointment) => appointment.slotId === slot.id && appointment.status !== 'cancelled')
        .map((appointment) => ({ appointment, request: requests.get(appointment.requestId) })),
    }));
  });
  protected readonly days = computed(() => {
    const entries = this.entries() ?? [];
    return this.period().days.map((day) => ({
      date: day,
      label: formatInstant(startOfDay(day, this.timeZone()), this.timeZone(), 'day'),
      entries: entries.filter((entry) => localDate(entry.slot.start, this.timeZone()) === day),
    }));
  });
  /** Appointments booked with the centre and not answered yet, whatever their day: the first thing to do. */
  protected readonly toConfirm = computed(() => {
    const data = this.data();
    if (!data) return [];
    const requests = new Map(data.requests.map((request) => [request.id, request]));
    return data.appointments
      .filter((appointment) => appointment.status === 'booked')
      .map((appointment) => ({ appointment, request: requests.get(appointment.requestId) }));
  });

  /** Appointments past their day whose outcome is still unknown (the lost-to-follow-up job flagged them): done or no-show? */
  protected readonly outcomeDue = computed(() => {
    const data = this.data();
    if (!data) return [];
    const requests = new Map(data.requests.map((request) => [request.id, request]));
    return data.appointments
      .filter((appointment) => appointment.status === 'confirmed' && appointment.lostToFollowUpAt !== null)
      .map((appointment) => ({ appointment, request: requests.get(appointment.requestId) }));
  });

  protected readonly modalityLabels = MODALITY_LABELS;
  protected readonly slotStateLabels = SLOT_STATE_LABELS;
  protected readonly statusLabels = APPOINTMENT_STATUS_LABELS;
  protected readonly examLabel = examLabel;

  protected move(steps: number): void {
    this.date.update((date) => addDays(date, steps * (this.scale() === 'day' ? 1 : 7)));
  }

  protected today(): void {
    this.date.set(localDate(new Date(), this.timeZone()));
  }

  protected showDay(date: string): void {
    this.date.set(date);
    this.scale.set('day');
  }

  protected changed(): void {
    this.refresh.update((n) => n + 1);
  }

  protected closed(notice: string): void {
    this.closing.set(false);
    this.closureNotice.set(notice);
    this.changed();
  }

  protected chooseCentre(event: Event): void {
    this.own.choose((event.target as HTMLSelectElement).value);
  }
}
