import { DOCUMENT } from '@angular/common';
import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import type { CalendarFeedAccess, CalendarFeedView, CentreSummary, FeedScopeKind } from '@creneau/contracts';
import { catchError, firstValueFrom, map, of, startWith, switchMap } from 'rxjs';
import { apiErrorMessage } from '../../api/api-error';
import { TerritoryStore } from '../../territory/territory-store';
import { InstantPipe } from '../../time/instant.pipe';
import { CalendarFeedsApi, feedAddress } from './calendar-feeds-api';

const MINIMUM_REASON_LENGTH = 3;

type Loaded = { state: 'loading' } | { state: 'loaded'; feeds: CalendarFeedView[] } | { state: 'error'; message: string };

/** A revoke or a new address under way, with its reason. */
interface FeedChange {
  feed: CalendarFeedView;
  kind: 'regenerate' | 'revoke';
}

export const FEED_SCOPE_LABELS: Record<FeedScopeKind, string> = {
  centre: 'Agenda du centre',
  account: 'Agenda personnel (mes centres)',
  secretariat: 'Télésecrétariat',
};

/**
 * The centre's iCal feeds: each subscription's address is shown once, when the feed is made or given a new
 * address (only its hash is kept), to copy into Outlook, Google Agenda or the RIS; a feed can be revoked for good.
 */
@Component({
  selector: 'cr-calendar-feeds',
  imports: [InstantPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="feeds-title">
      <h2 id="feeds-title">Flux d’agenda (iCal)</h2>
      <p class="hint">
        Abonnez votre agenda (Outlook, Google Agenda, Thunderbird, votre RIS) à cette adresse : les créneaux réservés et les
        rendez-vous du centre y apparaissent. Elle ne montre que l’examen, le centre et la référence de la demande.
      </p>

      @if (access(); as access) {
        <div class="panel address" aria-labelledby="address-title">
          <h3 id="address-title" #addressTitle tabindex="-1">Adresse d’abonnement — {{ access.label }}</h3>
          <label for="feed-address">Adresse iCal à copier dans votre agenda</label>
          <div class="copy">
            <input #addressField id="feed-address" readonly [value]="address()" (focus)="addressField.select()" />
            <button type="button" class="primary" (click)="copy()">Copier l’adresse</button>
          </div>
          <p class="success" role="status">{{ copied() }}</p>
          <p class="hint">
            Elle ne sera plus affichée : copiez-la maintenant. Pour la retrouver, donnez au flux une nouvelle adresse (l’ancienne
            cessera de fonctionner).
          </p>
        </div>
      }

      <form class="stacked new-feed" (submit)="$event.preventDefault(); create()" novalidate>
        <h3>Nouveau flux</h3>
        <label for="feed-label">Nom du flux <span class="hint">(l’agenda qui s’y abonne)</span></label>
        <input
          #labelField
          id="feed-label"
          autocomplete="off"
          maxlength="120"
          [value]="label()"
          (input)="label.set(labelField.value)"
        />
        <label for="feed-scope">Contenu</label>
        <select #scopeField id="feed-scope" (change)="scope.set($any(scopeField.value))">
          <option value="centre" [selected]="scope() === 'centre'">{{ scopeLabels.centre }} — {{ centre().name }}</option>
          <option value="account" [selected]="scope() === 'account'">{{ scopeLabels.account }}</option>
        </select>
        <div class="actions">
          <button type="submit" [attr.aria-busy]="pending()">Créer le flux</button>
        </div>
      </form>

      @if (error(); as error) {
        <p class="error" role="alert">{{ error }}</p>
      }
      <p class="success" role="status">{{ notice() }}</p>

      @switch (view().state) {
        @case ('loading') {
          <p>Chargement des flux…</p>
        }
        @case ('error') {
          <p class="error" role="alert">Les flux n’ont pas pu être chargés. {{ loadError() }}</p>
        }
        @case ('loaded') {
          @if (feeds().length === 0) {
            <p>Aucun flux pour l’instant.</p>
          } @else {
            <table class="data feeds">
              <caption class="visually-hidden">
                Flux d’agenda, les actifs d’abord
              </caption>
              <thead>
                <tr>
                  <th scope="col">Flux</th>
                  <th scope="col">Contenu</th>
                  <th scope="col">Adresse créée le</th>
                  <th scope="col">État</th>
                  <th scope="col"><span class="visually-hidden">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                @for (feed of feeds(); track feed.id) {
                  <tr [class.disabled]="feed.revokedAt !== null">
                    <th scope="row">{{ feed.label }}</th>
                    <td>{{ scopeLabels[feed.scope] }}{{ feed.centreName ? ' — ' + feed.centreName : '' }}</td>
                    <td class="nowrap">{{ feed.tokenCreatedAt | instant: timeZone() }}</td>
                    <td>
                      @if (feed.revokedAt; as revokedAt) {
                        Révoqué le {{ revokedAt | instant: timeZone() }}
                      } @else {
                        Actif
                      }
                    </td>
                    <td>
                      @if (feed.revokedAt === null) {
                        <div class="actions">
                          <button
                            type="button"
                            class="small"
                            [attr.aria-label]="'Nouvelle adresse pour ' + feed.label"
                            (click)="startChange(feed, 'regenerate')"
                          >
                            Nouvelle adresse
                          </button>
                          <button
                            type="button"
                            class="small"
                            [attr.aria-label]="'Révoquer ' + feed.label"
                            (click)="startChange(feed, 'revoke')"
                          >
                            Révoquer
                          </button>
                        </div>
                      }
                    </td>
                  </tr>
                  @if (change()?.feed?.id === feed.id) {
                    <tr>
                      <td colspan="5">
                        <form
                          class="stacked change"
                          (submit)="$event.preventDefault(); applyChange()"
                          (keydown.escape)="change.set(null)"
                          novalidate
                        >
                          <label for="feed-reason">
                            {{ change()?.kind === 'revoke' ? 'Motif de la révocation' : 'Motif de la nouvelle adresse' }}
                          </label>
                          <input
                            #reasonField
                            id="feed-reason"
                            autocomplete="off"
                            maxlength="500"
                            [value]="reason()"
                            (input)="reason.set(reasonField.value)"
                          />
                          <p class="hint">
                            {{
                              change()?.kind === 'revoke'
                                ? 'L’adresse cessera de fonctionner, définitivement.'
                                : 'L’ancienne adresse cessera de fonctionner ; abonnez les agendas à la nouvelle.'
                            }}
                          </p>
                          <div class="actions">
                            <button type="submit" [class.danger]="change()?.kind === 'revoke'" class="small">
                              {{ change()?.kind === 'revoke' ? 'Confirmer la révocation' : 'Donner une nouvelle adresse' }}
                            </button>
                            <button type="button" class="small" (click)="change.set(null)">Retour</button>
                          </div>
                        </form>
                      </td>
                    </tr>
                  }
                }
              </tbody>
            </table>
          }
        }
      }
    </section>
  `,
  styles: `
    .address {
      margin-bottom: 1rem;
    }
    .copy {
      display: flex;
      gap: 0.5rem;
    }
    .copy input {
      flex: 1;
      font-family: monospace;
      font-size: 0.85rem;
    }
    .new-feed {
      max-width: 32rem;
      margin-bottom: 1rem;
    }
    .new-feed h3 {
      margin: 0;
    }
  `,
})
export class CalendarFeedsComponent {
  readonly centre = input.required<CentreSummary>();

  private readonly api = inject(CalendarFeedsApi);
  private readonly document = inject(DOCUMENT);
  protected readonly timeZone = inject(TerritoryStore).timeZone;
  protected readonly scopeLabels = FEED_SCOPE_LABELS;

  private readonly reloads = signal(0);
  protected readonly view = toSignal(
    toObservable(this.reloads).pipe(
      switchMap(() =>
        this.api.list().pipe(
          map((feeds): Loaded => ({ state: 'loaded', feeds })),
          catchError((error: unknown) => of<Loaded>({ state: 'error', message: apiErrorMessage(error) })),
          startWith<Loaded>({ state: 'loading' }),
        ),
      ),
    ),
    { initialValue: { state: 'loading' } as Loaded },
  );
  /** The feeds of this centre and the caller's own; the others (another centre's) are on their own page. */
  protected readonly feeds = computed(() => {
    const view = this.view();
    if (view.state !== 'loaded') return [];
    return view.feeds.filter((feed) => feed.scope !== 'centre' || feed.centreId === this.centre().id);
  });
  protected readonly loadError = computed(() => {
    const view = this.view();
    return view.state === 'error' ? view.message : '';
  });

  protected readonly label = signal('Agenda du centre');
  protected readonly scope = signal<'centre' | 'account'>('centre');
  protected readonly access = signal<CalendarFeedAccess | null>(null);
  protected readonly address = computed(() => {
    const access = this.access();
    return access ? feedAddress(access, this.document.location.origin) : '';
  });
  protected readonly copied = signal('');
  protected readonly notice = signal('');
  protected readonly change = signal<FeedChange | null>(null);
  protected readonly reason = signal('');
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);

  private readonly addressTitle = viewChild<ElementRef<HTMLElement>>('addressTitle');
  private readonly addressField = viewChild<ElementRef<HTMLInputElement>>('addressField');
  private readonly reasonField = viewChild<ElementRef<HTMLInputElement>>('reasonField');
  private shownAddress: string | null = null;
  private focusReason = false;

  constructor() {
    // A new address takes the focus (its heading), and the reason field when a change opens.
    afterRenderEffect(() => {
      const access = this.access();
      const title = this.addressTitle();
      if (access && title && this.shownAddress !== access.token) {
        this.shownAddress = access.token;
        title.nativeElement.focus();
      }
      const field = this.reasonField();
      if (this.change() && field && this.focusReason) {
        this.focusReason = false;
        field.nativeElement.focus();
      }
    });
  }

  protected async create(): Promise<void> {
    const label = this.label().trim();
    if (this.pending()) return;
    if (label === '') {
      this.error.set('Donnez un nom au flux (par exemple « Outlook du secrétariat du centre »).');
      return;
    }
    await this.run(async () => {
      const scope = this.scope();
      const access = await firstValueFrom(
        this.api.create(scope === 'centre' ? { scope, centreId: this.centre().id, label } : { scope, label }),
      );
      this.show(access);
    });
  }

  protected startChange(feed: CalendarFeedView, kind: FeedChange['kind']): void {
    this.error.set(null);
    this.reason.set('');
    this.focusReason = true;
    this.change.set({ feed, kind });
  }

  protected async applyChange(): Promise<void> {
    const change = this.change();
    const reason = this.reason().trim();
    if (!change || this.pending()) return;
    if (reason.length < MINIMUM_REASON_LENGTH) {
      this.error.set(`Indiquez le motif (${MINIMUM_REASON_LENGTH} caractères au moins).`);
      this.reasonField()?.nativeElement.focus();
      return;
    }
    await this.run(async () => {
      if (change.kind === 'regenerate') {
        this.show(await firstValueFrom(this.api.regenerate(change.feed.id, reason)));
      } else {
        await firstValueFrom(this.api.revoke(change.feed.id, reason));
        if (this.access()?.id === change.feed.id) this.access.set(null);
        this.notice.set(`Flux « ${change.feed.label} » révoqué.`);
        this.reloads.update((n) => n + 1);
      }
      this.change.set(null);
    });
  }

  /** Copies the address; where the browser refuses, selects it for Ctrl+C. */
  protected async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.address());
      this.copied.set('Adresse copiée.');
    } catch {
      this.addressField()?.nativeElement.select();
      this.copied.set('Copie impossible ici : l’adresse est sélectionnée, copiez-la avec Ctrl+C.');
    }
  }

  private show(access: CalendarFeedAccess): void {
    this.copied.set('');
    this.notice.set('');
    this.access.set(access);
    this.reloads.update((n) => n + 1);
  }

  private async run(action: () => Promise<void>): Promise<void> {
    this.error.set(null);
    this.pending.set(true);
    try {
      await action();
    } catch (error) {
      this.error.set(apiErrorMessage(error));
    } finally {
      this.pending.set(false);
    }
  }
}
