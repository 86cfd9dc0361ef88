import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { LiveFeed } from './live-feed';
import { LiveHandshake } from './live-handshake';
import { LiveRetention } from './live-retention';
import { LiveGateway } from './live.gateway';
import { SocketCluster } from './socket-cluster';

/** Live updates over socket.io; the services record their changes with `recordLiveEvent`, without this module. */
@Module({
  imports: [AccountsModule],
  providers: [LiveFeed, LiveHandshake, SocketCluster, LiveGateway, LiveRetention],
})
export class LiveModule {}
