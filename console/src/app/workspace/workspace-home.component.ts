import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { SessionStore } from '../session/session-store';
import { TerritoryOverviewComponent } from '../territory/territory-overview.component';

/**
 * The landing page of a workspace until its own tools exist: its title, what is coming, and the
 * territory every role works in. Each workspace's routes pass `heading` and `upcoming` as route data.
 */
@Component({
  selector: 'cr-workspace-home',
  imports: [TerritoryOverviewComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ heading() }}</h1>
    <p class="upcoming">{{ upcoming() }}</p>
    <cr-territory-overview [ownCentreIds]="ownCentreIds()" />
  `,
})
export class WorkspaceHomeComponent {
  readonly heading = input.required<string>();
  readonly upcoming = input.required<string>();

  private readonly store = inject(SessionStore);
  protected readonly ownCentreIds = computed(() => this.store.account()?.centreIds ?? []);
}
