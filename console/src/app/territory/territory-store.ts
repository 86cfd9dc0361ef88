import { computed, inject, Injectable } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { CentreSummary, TerritorySummary } from '@creneau/contracts';
import { DEFAULT_DELAY_POLICY, type DelayPolicy } from '@creneau/domain';
import { catchError, of, shareReplay } from 'rxjs';
import { TerritoryApi } from './territory-api';

const FALLBACK_TIME_ZONE = 'Europe/Paris';

/** The territory the user works in, loaded once: its time zone, its delays and its centres. */
@Injectable({ providedIn: 'root' })
export class TerritoryStore {
  private readonly territories = toSignal(
    inject(TerritoryApi)
      .list()
      .pipe(
        catchError(() => of<TerritorySummary[]>([])),
        shareReplay(1),
      ),
  );

  readonly loaded = computed(() => this.territories() !== undefined);
  readonly territory = computed(() => this.territories()?.[0] ?? null);
  readonly timeZone = computed(() => this.territory()?.timezone ?? FALLBACK_TIME_ZONE);
  readonly policy = computed<DelayPolicy>(() => this.territory() ?? DEFAULT_DELAY_POLICY);
  readonly centres = computed<CentreSummary[]>(() => this.territories()?.flatMap((t) => t.centres) ?? []);
  readonly centresById = computed(() => new Map(this.centres().map((centre) => [centre.id, centre])));
}
