import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { configureApp } from '../../src/configure-app';
import { seedDemoTerritory } from '../../src/demo/demo-seed';
import { ApiClient } from './api-client';
import { FakeClock } from './fake-clock';
import type { Role } from '@creneau/contracts';
import { DEMO_TEST_PASSWORD, demoEmail } from './test-app';
import { createTestDatabase } from './test-database';

export interface ClockedApp {
  app: INestApplication;
  dataSource: DataSource;
  /** A client signed in as the demo account of that role. */
  signedIn(role: Role): Promise<ApiClient>;
  close(): Promise<void>;
}

/** The real server on a database of its own, seeded with the demo, its jobs going by `clock` (their timers off). */
export async function startClockedApp(clock: FakeClock, overrides: Partial<AppConfig> = {}): Promise<ClockedApp> {
  const database = await createTestDatabase();
  const config: AppConfig = {
    ...loadConfig({}),
    port: 0,
    databaseUrl: database.url,
    demoMode: false,
    logLevel: process.env['LOG'] === '1' ? 'debug' : 'silent',
    consoleDir: '/nonexistent-console',
    loginRateLimitPerMinute: 10_000,
    jobsEnabled: false,
    ...overrides,
  };
  const app = await NestFactory.create(AppModule.register(config, database.url, clock), {
    logger: process.env['LOG'] === '1' ? undefined : false,
  });
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  const dataSource = app.get(DataSource);
  await seedDemoTerritory(dataSource, DEMO_TEST_PASSWORD);
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    dataSource,
    signedIn: (role) => new ApiClient(baseUrl).login(demoEmail(role), DEMO_TEST_PASSWORD),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
