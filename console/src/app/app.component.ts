import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { AppHeaderComponent } from './shell/app-header.component';

@Component({
  selector: 'cr-root',
  imports: [RouterOutlet, AppHeaderComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <cr-app-header />
    <main id="contenu">
      <router-outlet />
    </main>
  `,
})
export class AppComponent {}
