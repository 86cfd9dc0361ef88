import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, signal } from '@angular/core';
import { LiveUpdates } from './live-updates';

/** How long « Connexion rétablie » stays once the live updates are back. */
export const RECOVERED_NOTICE_MS = 4_000;

/**
 * Says so, in the page, when the live updates no longer reach the server (what is shown may be out of date,
 * a reconnection is under way), and briefly when they are back.
 */
@Component({
  selector: 'cr-connection-notice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .connection-lost.back {
      background: #1d6b3a;
    }
  `,
  template: `
    <p class="connection-lost" role="status" [class.back]="recovered()">
      @if (live.connection() === 'lost') {
        Connexion perdue : les informations affichées peuvent ne plus être à jour. Reconnexion…
      } @else if (recovered()) {
        Connexion rétablie : mise à jour des informations affichées.
      }
    </p>
  `,
})
export class ConnectionNoticeComponent {
  protected readonly live = inject(LiveUpdates);
  protected readonly recovered = signal(false);

  constructor() {
    let previous = this.live.connection();
    let timer: ReturnType<typeof setTimeout> | undefined;
    effect(() => {
      const state = this.live.connection();
      if (previous === 'lost' && state === 'connected') {
        this.recovered.set(true);
        clearTimeout(timer);
        timer = setTimeout(() => this.recovered.set(false), RECOVERED_NOTICE_MS);
      } else if (state !== 'connected') {
        this.recovered.set(false);
      }
      previous = state;
    });
    inject(DestroyRef).onDestroy(() => clearTimeout(timer));
  }
}
