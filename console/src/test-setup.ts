import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';
import { installFakeLiveSocket } from './testing/fake-live-socket';

setupZonelessTestEnv();
installFakeLiveSocket();
