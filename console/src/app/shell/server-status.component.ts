import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { interval, startWith, switchMap } from 'rxjs';
import { HealthApi } from './health-api';

const POLL_MS = 30_000;

/** A discreet badge telling whether the server and its database answer. */
@Component({
  selector: 'cr-server-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="status" [class]="state()" role="status" aria-live="polite">{{ label() }}</span>`,
})
export class ServerStatusComponent {
  private readonly healthApi = inject(HealthApi);
  private readonly report = toSignal(
    interval(POLL_MS).pipe(
      startWith(0),
      switchMap(() => this.healthApi.check()),
    ),
  );

  protected readonly state = computed(() => {
    const report = this.report();
    if (report === undefined) return 'pending';
    if (report === 'unreachable') return 'down';
    return report.database === 'up' ? 'up' : 'down';
  });

  protected readonly label = computed(() => {
    switch (this.state()) {
      case 'up':
        return 'Service opérationnel';
      case 'down':
        return this.report() === 'unreachable' ? 'Serveur injoignable' : 'Base de données indisponible';
      default:
        return 'Connexion…';
    }
  });
}
