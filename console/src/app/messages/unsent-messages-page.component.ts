import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { MESSAGE_KIND_LABELS, type UnsentMessageView } from '@creneau/contracts';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { apiErrorMessage } from '../api/api-error';
import { TerritoryStore } from '../territory/territory-store';
import { InstantPipe } from '../time/instant.pipe';
import { MessagesApi } from './messages-api';

type Loaded = { state: 'loading' } | { state: 'loaded'; messages: UnsentMessageView[] } | { state: 'error'; message: string };

/**
 * Messages to requesting doctors that have not left (no mail server, retrying, or given up), oldest first, with
 * the doctor's phone: whoever reads this calls the doctor instead.
 */
@Component({
  selector: 'cr-unsent-messages-page',
  imports: [InstantPipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Messages non envoyés</h1>
    <p class="hint">
      Ces messages aux médecins demandeurs ne sont pas partis. Si l’attente compte, appelez le médecin pour lui dire ce qu’ils
      contiennent.
    </p>
    <p><button type="button" (click)="reload()">Actualiser</button></p>
    @switch (view().state) {
      @case ('loading') {
        <p>Chargement des messages…</p>
      }
      @case ('error') {
        <p class="error" role="alert">Les messages n’ont pas pu être chargés. {{ errorMessage() }}</p>
      }
      @case ('loaded') {
        @if (messages().length === 0) {
          <p class="success">Tous les messages sont partis.</p>
        } @else {
          <table class="data messages">
            <caption class="visually-hidden">
              Messages non envoyés, du plus ancien au plus récent
            </caption>
            <thead>
              <tr>
                <th scope="col">Écrit le</th>
                <th scope="col">Demande</th>
                <th scope="col">Médecin à appeler</th>
                <th scope="col">Message</th>
                <th scope="col">État</th>
              </tr>
            </thead>
            <tbody>
              @for (message of messages(); track message.id) {
                <tr>
                  <td class="nowrap">{{ message.createdAt | instant: timeZone() }}</td>
                  <td class="nowrap">
                    @if (requestPath(); as path) {
                      <a [routerLink]="[path, message.requestId]">{{ message.reference }}</a>
                    } @else {
                      {{ message.reference }}
                    }
                  </td>
                  <td>
                    {{ message.doctorName ?? 'Médecin non nommé' }}
                    @if (message.doctorPhone; as phone) {
                      <a class="details phone" [href]="telHref(phone)">{{ phone }}</a>
                    }
                    @if (message.recipientNote; as note) {
                      <span class="details">{{ note }}</span>
                    }
                  </td>
                  <td>
                    <strong>{{ kindLabels[message.kind] }}</strong>
                    <details>
                      <summary>{{ message.subject }}</summary>
                      <p class="body">{{ message.body }}</p>
                      <p class="details">À : {{ recipients(message) }}</p>
                    </details>
                  </td>
                  <td [class.error]="message.status === 'failed'">
                    @if (message.status === 'failed') {
                      Abandonné après {{ message.attempts }} essais
                    } @else if (message.attempts === 0) {
                      En attente d’envoi
                    } @else {
                      Nouvel essai le {{ message.nextAttemptAt | instant: timeZone() }}
                      <span class="details">{{ message.attempts }} essai(s)</span>
                    }
                    @if (message.lastError; as lastError) {
                      <span class="details">{{ lastError }}</span>
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        }
      }
    }
  `,
  styles: `
    .details {
      display: block;
    }
    .body {
      white-space: pre-wrap;
      max-width: 40rem;
    }
  `,
})
export class UnsentMessagesPageComponent {
  /** Where a request opens in this workspace (route data); none where there is no request page. */
  readonly requestPath = input<string | null>(null);

  private readonly api = inject(MessagesApi);
  protected readonly timeZone = inject(TerritoryStore).timeZone;
  protected readonly kindLabels = MESSAGE_KIND_LABELS;

  private readonly reloads = signal(0);
  protected readonly view = toSignal(
    toObservable(this.reloads).pipe(
      switchMap(() =>
        this.api.unsent().pipe(
          map((messages): Loaded => ({ state: 'loaded', messages })),
          catchError((error: unknown) => of<Loaded>({ state: 'error', message: apiErrorMessage(error) })),
          startWith<Loaded>({ state: 'loading' }),
        ),
      ),
    ),
    { initialValue: { state: 'loading' } as Loaded },
  );
  protected readonly messages = computed(() => {
    const view = this.view();
    return view.state === 'loaded' ? view.messages : [];
  });
  protected readonly errorMessage = computed(() => {
    const view = this.view();
    return view.state === 'error' ? view.message : '';
  });

  protected recipients(message: UnsentMessageView): string {
    const to = message.recipients.join(', ');
    return message.copyTo.length > 0 ? `${to || '—'} (copie : ${message.copyTo.join(', ')})` : to || '—';
  }

  protected telHref(phone: string): string {
    return `tel:${phone.replace(/[^\d+]/g, '')}`;
  }

  protected reload(): void {
    this.reloads.update((count) => count + 1);
  }
}
