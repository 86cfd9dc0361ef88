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
import {
  MODALITIES,
  MODALITY_LABELS,
  type CentreSummary,
  type ImportKind,
  type ImportSourceView,
  type Modality,
} from '@creneau/contracts';
import { catchError, firstValueFrom, map, of, startWith, switchMap } from 'rxjs';
import { apiErrorMessage, apiFieldErrors } from '../../api/api-error';
import { TerritoryStore } from '../../territory/territory-store';
import { InstantPipe } from '../../time/instant.pipe';
import { IMPORT_KIND_LABELS, runOutcomeLabel } from './import-run-labels';
import { ImportSourcesApi } from './import-sources-api';

const MINIMUM_REASON_LENGTH = 3;

type Loaded = { state: 'loading' } | { state: 'loaded'; sources: ImportSourceView[] } | { state: 'error'; message: string };

/**
 * The centre's own systems whose reserved slots Créneau imports (an iCal feed, a SMART Scheduling Links
 * publication): how each is going (last good import, last error and when), import now, stop or resume, add one.
 */
@Component({
  selector: 'cr-import-sources',
  imports: [InstantPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="imports-title">
      <h2 id="imports-title">Imports depuis l’agenda du centre</h2>
      <p class="hint">
        Créneau lit ces sources à intervalles réguliers : les créneaux réservés qu’elles publient sont ajoutés, mis à jour ou
        retirés ici. Une source en erreur garde ses créneaux déjà importés.
      </p>
      <p class="success" role="status">{{ notice() }}</p>
      @if (error(); as error) {
        <p class="error" role="alert">{{ error }}</p>
      }
      @switch (view().state) {
        @case ('loading') {
          <p>Chargement des sources…</p>
        }
        @case ('error') {
          <p class="error" role="alert">Les sources n’ont pas pu être chargées. {{ loadError() }}</p>
        }
        @case ('loaded') {
          @if (sources().length === 0) {
            <p>Aucune source d’import : les créneaux sont publiés dans Créneau.</p>
          } @else {
            <table class="data sources">
              <caption class="visually-hidden">
                Sources d’import et état de leurs imports
              </caption>
              <thead>
                <tr>
                  <th scope="col">Source</th>
                  <th scope="col">État</th>
                  <th scope="col">Dernier import réussi</th>
                  <th scope="col">Dernière erreur</th>
                  <th scope="col">Prochain import</th>
                  <th scope="col"><span class="visually-hidden">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                @for (source of sources(); track source.id) {
                  <tr [class.disabled]="!source.active">
                    <th scope="row">
                      {{ kindLabels[source.kind] }}
                      <span class="details url">{{ source.url }}</span>
                      @if (source.marker || source.modality) {
                        <span class="details">
                          {{ source.marker ? 'repère « ' + source.marker + ' »' : '' }}
                          {{ source.modality ? modalityLabels[source.modality] : '' }}
                        </span>
                      }
                    </th>
                    <td>
                      {{ source.active ? 'Active' : 'Suspendue' }}
                      <span class="details">toutes les {{ source.pollIntervalMinutes }} min</span>
                    </td>
                    <td class="nowrap">
                      @if (source.status.lastSuccessAt; as at) {
                        {{ at | instant: timeZone() }}
                      } @else {
                        Jamais
                      }
                    </td>
                    <td [class.error]="source.status.lastError !== null">
                      @if (source.status.lastError; as lastError) {
                        {{ lastError }}
                        @if (source.status.lastAttemptAt; as at) {
                          <span class="details">le {{ at | instant: timeZone() }}</span>
                        }
                        @if (source.status.consecutiveFailures > 1) {
                          <span class="details">{{ source.status.consecutiveFailures }} échecs de suite</span>
                        }
                      } @else {
                        Aucune
                      }
                    </td>
                    <td class="nowrap">
                      @if (source.status.nextPollAt; as at) {
                        {{ at | instant: timeZone() }}
                      } @else {
                        —
                      }
                    </td>
                    <td>
                      <div class="actions">
                        <button
                          type="button"
                          class="small"
                          [attr.aria-label]="'Importer maintenant depuis ' + source.url"
                          [attr.aria-busy]="running() === source.id"
                          (click)="run(source)"
                        >
                          Importer maintenant
                        </button>
                        <button type="button" class="small" (click)="startToggle(source)">
                          {{ source.active ? 'Suspendre' : 'Reprendre' }}
                        </button>
                      </div>
                    </td>
                  </tr>
                  @if (toggling()?.id === source.id) {
                    <tr>
                      <td colspan="6">
                        <form
                          class="stacked toggle"
                          (submit)="$event.preventDefault(); toggle(source)"
                          (keydown.escape)="toggling.set(null)"
                          novalidate
                        >
                          <label for="source-reason">{{
                            source.active ? 'Motif de la suspension' : 'Motif de la reprise'
                          }}</label>
                          <input
                            #reasonField
                            id="source-reason"
                            autocomplete="off"
                            maxlength="500"
                            [value]="reason()"
                            (input)="reason.set(reasonField.value)"
                          />
                          <div class="actions">
                            <button type="submit" class="small">
                              {{ source.active ? 'Suspendre les imports' : 'Reprendre les imports' }}
                            </button>
                            <button type="button" class="small" (click)="toggling.set(null)">Retour</button>
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

      <form class="stacked new-source" (submit)="$event.preventDefault(); add()" novalidate>
        <h3>Ajouter une source</h3>
        <label for="source-kind">Type</label>
        <select #kindField id="source-kind" (change)="kind.set($any(kindField.value))">
          @for (kind of kinds; track kind) {
            <option [value]="kind" [selected]="kind === this.kind()">{{ kindLabels[kind] }}</option>
          }
        </select>
        <label for="source-url">Adresse de la source</label>
        <input
          #urlField
          id="source-url"
          type="url"
          autocomplete="off"
          maxlength="2000"
          placeholder="https://"
          [value]="url()"
          [attr.aria-invalid]="!!fieldErrors()['url']"
          [attr.aria-describedby]="fieldErrors()['url'] ? 'source-url-error' : null"
          (input)="url.set(urlField.value)"
        />
        @if (fieldErrors()['url']; as errors) {
          <p id="source-url-error" class="field-error">{{ errors.join(', ') }}</p>
        }
        @if (kind() === 'ical') {
          <label for="source-marker">Repère des créneaux réservés <span class="hint">(facultatif)</span></label>
          <input
            #markerField
            id="source-marker"
            autocomplete="off"
            maxlength="100"
            aria-describedby="source-marker-hint"
            [value]="marker()"
            (input)="marker.set(markerField.value)"
          />
          <p id="source-marker-hint" class="hint">
            Texte du titre ou des catégories qui signale un créneau semi-urgent ; sans repère, chaque événement en est un.
          </p>
        }
        <label for="source-modality">Examen <span class="hint">(quand la source ne le dit pas)</span></label>
        <select #modalityField id="source-modality" (change)="modality.set($any(modalityField.value))">
          <option value="" [selected]="modality() === ''">Non précisé</option>
          @for (modality of modalities; track modality) {
            <option [value]="modality" [selected]="modality === this.modality()">{{ modalityLabels[modality] }}</option>
          }
        </select>
        <label for="source-interval">Intervalle entre deux imports (minutes)</label>
        <input
          #intervalField
          id="source-interval"
          type="number"
          min="1"
          max="1440"
          [value]="interval()"
          (input)="interval.set(+intervalField.value)"
        />
        <div class="actions">
          <button type="submit" [attr.aria-busy]="pending()">Ajouter la source</button>
        </div>
      </form>
    </section>
  `,
  styles: `
    .url {
      display: block;
      font-weight: normal;
      font-family: monospace;
      font-size: 0.8rem;
      word-break: break-all;
    }
    th .details {
      font-weight: normal;
    }
    .new-source {
      max-width: 32rem;
      margin-top: 1rem;
    }
    .new-source h3 {
      margin: 0;
    }
  `,
})
export class ImportSourcesComponent {
  readonly centre = input.required<CentreSummary>();

  private readonly api = inject(ImportSourcesApi);
  protected readonly timeZone = inject(TerritoryStore).timeZone;
  protected readonly kindLabels = IMPORT_KIND_LABELS;
  protected readonly modalityLabels = MODALITY_LABELS;
  protected readonly kinds = Object.keys(IMPORT_KIND_LABELS) as ImportKind[];
  protected readonly modalities = MODALITIES;

  private readonly reloads = signal(0);
  protected readonly view = toSignal(
    toObservable(computed(() => ({ centreId: this.centre().id, reloads: this.reloads() }))).pipe(
      switchMap(({ centreId }) =>
        this.api.list(centreId).pipe(
          map((sources): Loaded => ({ state: 'loaded', sources })),
          catchError((error: unknown) => of<Loaded>({ state: 'error', message: apiErrorMessage(error) })),
          startWith<Loaded>({ state: 'loading' }),
        ),
      ),
    ),
    { initialValue: { state: 'loading' } as Loaded },
  );
  protected readonly sources = computed(() => {
    const view = this.view();
    return view.state === 'loaded' ? view.sources : [];
  });
  protected readonly loadError = computed(() => {
    const view = this.view();
    return view.state === 'error' ? view.message : '';
  });

  protected readonly notice = signal('');
  protected readonly error = signal<string | null>(null);
  protected readonly running = signal<string | null>(null);
  protected readonly toggling = signal<ImportSourceView | null>(null);
  protected readonly reason = signal('');
  protected readonly pending = signal(false);
  protected readonly fieldErrors = signal<Record<string, string[]>>({});
  protected readonly kind = signal<ImportKind>('ical');
  protected readonly url = signal('');
  protected readonly marker = signal('');
  protected readonly modality = signal<Modality | ''>('');
  protected readonly interval = signal(15);

  private readonly reasonField = viewChild<ElementRef<HTMLInputElement>>('reasonField');
  private focusReason = false;

  constructor() {
    afterRenderEffect(() => {
      const field = this.reasonField();
      if (this.toggling() && field && this.focusReason) {
        this.focusReason = false;
        field.nativeElement.focus();
      }
    });
  }

  protected async run(source: ImportSourceView): Promise<void> {
    if (this.running()) return;
    this.error.set(null);
    this.notice.set('');
    this.running.set(source.id);
    try {
      const outcome = await firstValueFrom(this.api.run(source.id));
      this.notice.set(runOutcomeLabel(outcome));
      this.reloads.update((n) => n + 1);
    } catch (error) {
      this.error.set(apiErrorMessage(error));
    } finally {
      this.running.set(null);
    }
  }

  protected startToggle(source: ImportSourceView): void {
    this.reason.set('');
    this.error.set(null);
    this.focusReason = true;
    this.toggling.set(source);
  }

  protected async toggle(source: ImportSourceView): Promise<void> {
    const reason = this.reason().trim();
    if (reason.length < MINIMUM_REASON_LENGTH) {
      this.error.set(`Indiquez le motif (${MINIMUM_REASON_LENGTH} caractères au moins).`);
      this.reasonField()?.nativeElement.focus();
      return;
    }
    this.error.set(null);
    try {
      await firstValueFrom(this.api.setActive(source.id, !source.active, reason));
      this.notice.set(source.active ? 'Imports suspendus.' : 'Imports repris.');
      this.toggling.set(null);
      this.reloads.update((n) => n + 1);
    } catch (error) {
      this.error.set(apiErrorMessage(error));
    }
  }

  protected async add(): Promise<void> {
    if (this.pending()) return;
    this.error.set(null);
    this.fieldErrors.set({});
    const kind = this.kind();
    const marker = this.marker().trim();
    const modality = this.modality();
    const interval = this.interval();
    this.pending.set(true);
    try {
      await firstValueFrom(
        this.api.create(this.centre().id, {
          kind,
          url: this.url().trim(),
          ...(kind === 'ical' && marker ? { marker } : {}),
          ...(modality ? { modality } : {}),
          ...(Number.isInteger(interval) ? { pollIntervalMinutes: interval } : {}),
        }),
      );
      this.notice.set('Source ajoutée : son premier import a lieu dans la minute.');
      this.url.set('');
      this.marker.set('');
      this.reloads.update((n) => n + 1);
    } catch (error) {
      this.fieldErrors.set(apiFieldErrors(error));
      this.error.set(apiErrorMessage(error));
    } finally {
      this.pending.set(false);
    }
  }
}
