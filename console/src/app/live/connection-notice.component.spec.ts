import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { FakeLiveSocket, provideFakeLiveSocket } from '../../testing/fake-live-socket';
import { sessionOf } from '../../testing/session-fixtures';
import { signIn } from '../../testing/sign-in';
import { ConnectionNoticeComponent, RECOVERED_NOTICE_MS } from './connection-notice.component';

describe('ConnectionNoticeComponent', () => {
  it('says nothing while connected, says a lost connection, then briefly that it is back', async () => {
    const socket = new FakeLiveSocket();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideFakeLiveSocket(socket)],
    });
    const fixture = TestBed.createComponent(ConnectionNoticeComponent);
    const text = () => (fixture.nativeElement as HTMLElement).querySelector('[role="status"]')?.textContent?.trim();
    await signIn(sessionOf('secretariat'));
    await fixture.whenStable();
    socket.open();
    socket.answer({ status: 'live', head: 0, replayed: 0 });
    await fixture.whenStable();
    expect(text()).toBe('');

    socket.drop();
    await fixture.whenStable();
    expect(text()).toContain('Connexion perdue');
    expect(text()).toContain('Reconnexion…');

    jest.useFakeTimers();
    try {
      socket.open();
      socket.answer({ status: 'live', head: 0, replayed: 0 });
      TestBed.tick();
      expect(text()).toContain('Connexion rétablie');
      jest.advanceTimersByTime(RECOVERED_NOTICE_MS);
      TestBed.tick();
      expect(text()).toBe('');
    } finally {
      jest.useRealTimers();
    }
  });
});
