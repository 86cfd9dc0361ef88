import { afterNextRender, ChangeDetectionStrategy, Component, ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { loginErrorMessage } from './login-error';
import { SessionStore } from './session-store';
import { LOGIN_PATH } from './workspace-paths';

/** Sign-in, keyboard first: the e-mail field has the focus, Enter submits, a failure returns to the password. */
@Component({
  selector: 'cr-login-page',
  imports: [ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .login {
      max-width: 24rem;
      margin: 3rem auto;
    }
  `,
  template: `
    <section class="panel login" aria-labelledby="login-title">
      <h1 id="login-title">Connexion</h1>
      @if (session() === 'expiree') {
        <p class="notice" role="status">Votre session a expiré. Reconnectez-vous pour continuer.</p>
      }
      <form class="stacked" [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <label for="login-email">Adresse e-mail</label>
        <input #email id="login-email" type="email" formControlName="email" autocomplete="username" required />
        <label for="login-password">Mot de passe</label>
        <input
          #password
          id="login-password"
          type="password"
          formControlName="password"
          autocomplete="current-password"
          required
        />
        @if (error(); as error) {
          <p class="error" role="alert">{{ error }}</p>
        }
        <button type="submit" class="primary" [attr.aria-busy]="pending()">
          {{ pending() ? 'Connexion…' : 'Se connecter' }}
        </button>
      </form>
    </section>
  `,
})
export class LoginPageComponent {
  /** Where to go once signed in (query parameter set by the guard). */
  readonly retour = input<string>();
  /** `expiree` when the server ended the previous session. */
  readonly session = input<string>();

  private readonly store = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly emailInput = viewChild.required<ElementRef<HTMLInputElement>>('email');
  private readonly passwordInput = viewChild.required<ElementRef<HTMLInputElement>>('password');

  protected readonly form = inject(FormBuilder).nonNullable.group({ email: '', password: '' });
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    // `autofocus` only works on a document's first load; this page is also reached by navigation.
    afterNextRender(() => this.emailInput().nativeElement.focus());
  }

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    const email = this.form.controls.email.value.trim();
    const password = this.form.controls.password.value;
    if (!email || !password) {
      this.error.set('Saisissez votre adresse e-mail et votre mot de passe.');
      (email ? this.passwordInput() : this.emailInput()).nativeElement.focus();
      return;
    }
    this.pending.set(true);
    this.error.set(null);
    try {
      await this.store.login({ email, password });
      await this.router.navigateByUrl(this.destination());
    } catch (error) {
      this.error.set(loginErrorMessage(error));
      this.form.controls.password.reset();
      this.passwordInput().nativeElement.focus();
    } finally {
      this.pending.set(false);
    }
  }

  /** The page asked for before signing in, if it is one of ours; the role's guard then checks it fits. */
  private destination(): string {
    const retour = this.retour() ?? '';
    const internal = retour.startsWith('/') && !retour.startsWith('//') && !retour.startsWith(LOGIN_PATH);
    return internal ? retour : this.store.homePath();
  }
}
