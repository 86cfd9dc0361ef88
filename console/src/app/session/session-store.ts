import { computed, inject, Injectable, signal } from '@angular/core';
import type { LoginRequest, SessionInfo } from '@creneau/contracts';
import { firstValueFrom } from 'rxjs';
import { PasswordChange, SessionApi } from './session-api';
import { LOGIN_PATH, WORKSPACE_PATHS } from './workspace-paths';

/** Who is signed in, as the server last said; null when nobody is. */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly api = inject(SessionApi);
  private readonly current = signal<SessionInfo | null>(null);

  readonly session = this.current.asReadonly();
  readonly account = computed(() => this.current()?.account ?? null);
  readonly signedIn = computed(() => this.current() !== null);
  /** The signed-in user's workspace, or the login page. */
  readonly homePath = computed(() => {
    const account = this.account();
    return account ? WORKSPACE_PATHS[account.role] : LOGIN_PATH;
  });

  /** Asks the server whether the browser's cookie still opens a session; any failure means signed out. */
  async load(): Promise<void> {
    try {
      this.current.set(await firstValueFrom(this.api.me()));
    } catch {
      this.current.set(null);
    }
  }

  async login(credentials: LoginRequest): Promise<SessionInfo> {
    const session = await firstValueFrom(this.api.login(credentials));
    this.current.set(session);
    return session;
  }

  /** Signs out locally even when the server cannot be told (the session then ends at its idle timeout). */
  async logout(): Promise<void> {
    try {
      await firstValueFrom(this.api.logout());
    } catch {
      // nothing more to do: the local session goes either way
    } finally {
      this.clear();
    }
  }

  changePassword(change: PasswordChange): Promise<void> {
    return firstValueFrom(this.api.changePassword(change));
  }

  /** Forgets the session without telling the server: it already ended there. */
  clear(): void {
    this.current.set(null);
  }
}
