import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { configureApp } from '../../src/configure-app';
import { seedDemoTerritory } from '../../src/demo/demo-seed';
import { DEMO_ACCOUNTS } from '../../src/demo/demo-territory';
import type { Role } from '@creneau/contracts';
import { ApiClient } from './api-client';
import { createTestDatabase } from './test-database';

export const DEMO_TEST_PASSWORD = 'demo-password-for-tests';

export interface TestApp {
  app: INestApplication;
  baseUrl: string;
  databaseUrl: string;
  dataSource: DataSource;
  /** A fresh client, not signed in. */
  client(): ApiClient;
  /** A client signed in as the demo account of that role (the first centre account for `centre`). */
  signedIn(role: Role): Promise<ApiClient>;
  close(): Promise<void>;
}

export interface TestAppOptions extends Partial<AppConfig> {
  /** Seed the demo territory and accounts (password DEMO_TEST_PASSWORD). */
  seedDemo?: boolean;
  /** Another instance on that app's database, as when several servers run; the first app drops it. */
  sameDatabaseAs?: TestApp;
}

/** The real server on a database of its own, listening on a free loopback port. */
export async function startTestApp({ seedDemo = false, sameDatabaseAs, ...overrides }: TestAppOptions = {}): Promise<TestApp> {
  const database = sameDatabaseAs ? { url: sameDatabaseAs.databaseUrl, drop: async () => undefined } : await createTestDatabase();
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
  const app = await NestFactory.create(AppModule.register(config, database.url), {
    logger: process.env['LOG'] === '1' ? undefined : false,
  });
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  const dataSource = app.get(DataSource);
  if (seedDemo) await seedDemoTerritory(dataSource, DEMO_TEST_PASSWORD);
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    baseUrl,
    databaseUrl: database.url,
    dataSource,
    client: () => new ApiClient(baseUrl),
    signedIn: (role) => new ApiClient(baseUrl).login(demoEmail(role), DEMO_TEST_PASSWORD),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

export function demoEmail(role: Role): string {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.role === role);
  if (!account) throw new Error(`no demo account with role ${role}`);
  return account.email;
}
