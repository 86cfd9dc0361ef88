import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createAdapter } from '@socket.io/postgres-adapter';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';

const SHUTDOWN_WAIT_MS = 1_000;

/**
 * The socket.io adapter that joins this instance's sockets to the other instances' on the same
 * database (LISTEN/NOTIFY): what one instance does to a room, such as disconnecting the sockets of a
 * disabled account, reaches every instance. Its connections are its own, not the app's pool.
 */
@Injectable()
export class SocketCluster implements OnApplicationShutdown {
  private readonly logger = new Logger(SocketCluster.name);
  private pool?: Pool;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  adapter(): ReturnType<typeof createAdapter> {
    const { url } = this.dataSource.options as { url?: string };
    const pool = new Pool({ connectionString: url, max: 4, application_name: 'creneau-socket-cluster' });
    const warn = (error: Error) => this.logger.warn(`socket.io adapter: ${error.message}`);
    pool.on('error', warn);
    pool.on('connect', (client) => client.on('error', warn)); // the adapter's LISTEN client is never idle
    this.pool = pool;
    return createAdapter(pool, { tableName: 'live_adapter_attachment', errorHandler: warn });
  }

  /**
   * After the socket server has closed, which gives the adapter's connection back; but the adapter
   * never gives back a connection the database dropped, so the wait is bounded.
   */
  async onApplicationShutdown(): Promise<void> {
    const ended = this.pool?.end();
    await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, SHUTDOWN_WAIT_MS).unref())]);
  }
}
