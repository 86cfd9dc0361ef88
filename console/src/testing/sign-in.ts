import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { SessionInfo } from '@creneau/contracts';
import { SessionStore } from '../app/session/session-store';

/** Loads the store as at start, the server answering /api/auth/me with this session (null: signed out). */
export async function signIn(session: SessionInfo | null): Promise<SessionStore> {
  const store = TestBed.inject(SessionStore);
  const loading = store.load();
  const request = TestBed.inject(HttpTestingController).expectOne('/api/auth/me');
  if (session) request.flush(session);
  else request.flush({ message: 'Connexion requise.' }, { status: 401, statusText: 'Unauthorized' });
  await loading;
  return store;
}
