import { computed, inject, Injectable, signal } from '@angular/core';
import type { CentreSummary } from '@creneau/contracts';
import { SessionStore } from '../session/session-store';
import { TerritoryStore } from '../territory/territory-store';

/** The centre the staff member works on now: their first, or the one chosen among theirs. */
@Injectable({ providedIn: 'root' })
export class OwnCentre {
  private readonly territory = inject(TerritoryStore);
  private readonly account = inject(SessionStore).account;
  private readonly chosen = signal<string | null>(null);

  readonly centres = computed(() => {
    const ids = this.account()?.centreIds ?? [];
    return this.territory.centres().filter((centre) => ids.includes(centre.id));
  });
  readonly centre = computed<CentreSummary | null>(
    () => this.centres().find((c) => c.id === this.chosen()) ?? this.centres()[0] ?? null,
  );

  choose(id: string): void {
    this.chosen.set(id);
  }
}
