import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { ServerStatusComponent } from './shell/server-status.component';

@Component({
  selector: 'cr-root',
  imports: [RouterOutlet, ServerStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="app-header">
      <a class="brand" href="/">Créneau</a>
      <span class="tagline">Imagerie en soins non programmés</span>
      <cr-server-status />
    </header>
    <main id="contenu">
      <router-outlet />
    </main>
  `,
})
export class AppComponent {}
