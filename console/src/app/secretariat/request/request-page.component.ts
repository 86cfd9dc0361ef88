import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import {
  IMAGING_REQUEST_FIELD_LABELS,
  type AppointmentView,
  type ImagingRequestField,
  type RequestView,
} from '@creneau/contracts';
import { firstValueFrom } from 'rxjs';
import { apiErrorMessage } from '../../api/api-error';
import { ConnectionNoticeComponent } from '../../live/connection-notice.component';
import { RequestFormComponent } from '../../requests/form/request-form.component';
import { RequestCommentsComponent } from '../../requests/follow-up/request-comments.component';
import { RequestHistoryComponent } from '../../requests/follow-up/request-history.component';
import { RequestHeaderComponent } from '../../requests/request-header.component';
import { RequestsApi } from '../../requests/requests-api';
import { BookingSummaryComponent } from '../finder/booking-summary.component';
import { SlotFinderComponent } from '../finder/slot-finder.component';
import { AppointmentFollowUpComponent } from './appointment-follow-up.component';

type Loaded = { state: 'loading' } | { state: 'error'; message: string } | { state: 'loaded'; request: RequestView };

/**
 * One request on the phone: a new one to type, an incomplete one to complete (what is missing, the GP to call back),
 * a bookable one with its slot finder, a booked one with what to read back, to cancel or to move; and for every
 * request its history and its thread.
 */
@Component({
  selector: 'cr-request-page',
  imports: [
    RouterLink,
    RequestFormComponent,
    RequestHeaderComponent,
    SlotFinderComponent,
    BookingSummaryComponent,
    ConnectionNoticeComponent,
    AppointmentFollowUpComponent,
    RequestHistoryComponent,
    RequestCommentsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './request-page.component.html',
})
export class RequestPageComponent implements OnInit {
  /** The request's id from the route; none for a new request. */
  readonly id = input<string>();

  private readonly api = inject(RequestsApi);
  private readonly router = inject(Router);

  protected readonly view = signal<Loaded>({ state: 'loading' });
  protected readonly request = computed(() => {
    const view = this.view();
    return view.state === 'loaded' ? view.request : null;
  });
  protected readonly editing = signal(false);
  protected readonly booked = signal<AppointmentView | null>(null);
  /** Bumped after each change made here, so that the history is read again. */
  protected readonly historyRefresh = signal(0);
  /** What the last cancel or move did, announced once the request is read again. */
  protected readonly followUpNotice = signal<string | null>(null);
  protected readonly bookable = computed(() => {
    const request = this.request();
    return request?.status === 'to-book' && request.assessment.bookable;
  });
  protected readonly missing = computed(() =>
    (this.request()?.assessment.missing ?? []).map((p) => IMAGING_REQUEST_FIELD_LABELS[p.field as ImagingRequestField]),
  );
  /** The appointment to show: the one just booked, else the request's live one. */
  protected readonly appointment = computed(() => {
    const request = this.request();
    const live =
      request?.appointment && ['booked', 'confirmed'].includes(request.appointment.status) ? request.appointment : null;
    return this.booked() ?? live;
  });

  async ngOnInit(): Promise<void> {
    const id = this.id();
    if (!id) return;
    try {
      this.view.set({ state: 'loaded', request: await firstValueFrom(this.api.get(id)) });
    } catch (error) {
      this.view.set({ state: 'error', message: apiErrorMessage(error) });
    }
  }

  protected async saved(request: RequestView): Promise<void> {
    this.editing.set(false);
    if (!this.id()) {
      await this.router.navigate(['/secretariat/demandes', request.id], { replaceUrl: true });
      return;
    }
    this.view.set({ state: 'loaded', request });
  }

  protected onBooked(appointment: AppointmentView): void {
    this.booked.set(appointment);
    const request = this.request();
    if (request) this.view.set({ state: 'loaded', request: { ...request, status: 'booked', appointment } });
    this.historyRefresh.update((n) => n + 1);
  }

  /** After a cancel or a move: the request as it now is (back in the queue, closed, or booked elsewhere). */
  protected async onFollowedUp(appointment: AppointmentView): Promise<void> {
    this.booked.set(null);
    this.followUpNotice.set(
      appointment.status === 'cancelled'
        ? 'Rendez-vous annulé : le créneau est rendu.'
        : 'Rendez-vous déplacé : l’ancien créneau est rendu. Relisez le nouveau rendez-vous au médecin.',
    );
    this.historyRefresh.update((n) => n + 1);
    const id = this.id();
    if (!id) return;
    try {
      this.view.set({ state: 'loaded', request: await firstValueFrom(this.api.get(id)) });
    } catch (error) {
      this.view.set({ state: 'error', message: apiErrorMessage(error) });
    }
  }
}
