import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { configureApp } from '../../src/configure-app';
import { createTestDatabase } from './test-database';

export interface TestApp {
  app: INestApplication;
  baseUrl: string;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** The real server on a database of its own, listening on a free loopback port. */
export async function startTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config: AppConfig = {
    ...loadConfig({}),
    port: 0,
    databaseUrl: database.url,
    demoMode: false,
    logLevel: 'silent',
    consoleDir: '/nonexistent-console',
    ...overrides,
  };
  const app = await NestFactory.create(AppModule.register(config, database.url), { logger: false });
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  return {
    app,
    baseUrl: (await app.getUrl()).replace('[::1]', '127.0.0.1'),
    dataSource: app.get(DataSource),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
