import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { LiveUpdates } from './live-updates';

/** Says so, in the page, when the live updates no longer reach the server: what is shown may be out of date. */
@Component({
  selector: 'cr-connection-notice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="connection-lost" role="status">
      @if (live.connection() === 'lost') {
        Connexion perdue : les informations affichées peuvent ne plus être à jour. Nouvelle tentative en cours…
      }
    </p>
  `,
})
export class ConnectionNoticeComponent {
  protected readonly live = inject(LiveUpdates);
}
