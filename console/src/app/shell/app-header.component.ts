import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Router, RouterLink, RouterLinkActive } from '@angular/router';
import { ROLE_LABELS } from '@creneau/contracts';
import { SessionStore } from '../session/session-store';
import { LOGIN_PATH } from '../session/workspace-paths';
import { ServerStatusComponent } from './server-status.component';
import { WORKSPACE_LINKS } from './workspace-links';

/** The bar above every page: the user's workspace pages and account, and whether the server answers. */
@Component({
  selector: 'cr-app-header',
  imports: [RouterLink, RouterLinkActive, ServerStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="app-header">
      <a class="brand" routerLink="/">Créneau</a>
      @if (account(); as account) {
        <nav aria-label="Espace de travail">
          @for (link of links(); track link.path) {
            <a
              [routerLink]="link.path"
              routerLinkActive="active"
              [routerLinkActiveOptions]="{ exact: true }"
              ariaCurrentWhenActive="page"
              >{{ link.label }}</a
            >
          }
        </nav>
        <span class="account">
          <span class="name">{{ account.displayName }}</span>
          <span class="role">{{ roleLabel() }}</span>
        </span>
        <a routerLink="/mot-de-passe" routerLinkActive="active" ariaCurrentWhenActive="page">Mot de passe</a>
        <button type="button" class="quiet" (click)="logout()">Se déconnecter</button>
      } @else {
        <span class="tagline">Imagerie en soins non programmés</span>
      }
      <cr-server-status />
    </header>
  `,
})
export class AppHeaderComponent {
  private readonly store = inject(SessionStore);
  private readonly router = inject(Router);

  protected readonly account = this.store.account;
  protected readonly roleLabel = computed(() => {
    const account = this.account();
    return account ? ROLE_LABELS[account.role] : '';
  });
  protected readonly links = computed(() => {
    const account = this.account();
    return account ? WORKSPACE_LINKS[account.role] : [];
  });

  protected async logout(): Promise<void> {
    await this.store.logout();
    await this.router.navigateByUrl(LOGIN_PATH);
  }
}
