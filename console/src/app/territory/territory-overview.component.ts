import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { catchError, map, of } from 'rxjs';
import type { TerritorySummary } from '@creneau/contracts';
import { CentreCardComponent } from './centre-card.component';
import { TerritoryApi } from './territory-api';

type Loaded = { state: 'loaded'; territories: TerritorySummary[] } | { state: 'loading' } | { state: 'error' };

/** The territory at a glance, shown in every workspace: its protocol delays and its imaging centres. */
@Component({
  selector: 'cr-territory-overview',
  imports: [CentreCardComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @switch (view().state) {
      @case ('loading') {
        <p>Chargement du territoire…</p>
      }
      @case ('error') {
        <p class="error" role="alert">Le territoire n'a pas pu être chargé. Vérifiez la connexion au serveur.</p>
      }
      @case ('loaded') {
        @for (territory of territories(); track territory.id) {
          <section [attr.aria-labelledby]="'territoire-' + territory.id">
            <h2 [id]="'territoire-' + territory.id">{{ territory.name }}</h2>
            <p class="protocol">
              Délai cible {{ territory.targetDelayHours }} h, maximum {{ territory.maximumDelayHours }} h —
              {{ territory.centres.length }} centres partenaires
            </p>
            <ul class="centres">
              @for (centre of territory.centres; track centre.id) {
                <li><cr-centre-card [centre]="centre" [own]="ownCentreIds().includes(centre.id)" /></li>
              }
            </ul>
          </section>
        } @empty {
          <p>Aucun territoire n'est encore configuré.</p>
        }
      }
    }
  `,
})
export class TerritoryOverviewComponent {
  /** Centres to mark as the user's own (centre staff). */
  readonly ownCentreIds = input<readonly string[]>([]);

  protected readonly view = toSignal(
    inject(TerritoryApi)
      .list()
      .pipe(
        map((territories): Loaded => ({ state: 'loaded', territories })),
        catchError(() => of<Loaded>({ state: 'error' })),
      ),
    { initialValue: { state: 'loading' } as Loaded },
  );

  protected territories(): TerritorySummary[] {
    const view = this.view();
    return view.state === 'loaded' ? view.territories : [];
  }
}
