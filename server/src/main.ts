import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { AppConfig, loadConfig } from './config/app-config';
import { configureApp } from './configure-app';
import { DatabaseHandle, openDatabase } from './database/open-database';
import { demoPassword } from './demo/demo-password';
import { seedDemoActivity } from './demo/demo-activity';
import { seedDemoTerritory } from './demo/demo-seed';
import { DEMO_ACCOUNTS } from './demo/demo-territory';

async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = loadConfig();
  const database = await openDatabase(config);
  let app: INestApplication | undefined;
  stopOnSignals(() => app, database);
  try {
    app = await NestFactory.create(AppModule.register(config, database.url), { bufferLogs: true });
    configureApp(app);
    const password = config.demoMode ? await seedDemo(app, config) : undefined;
    await app.listen(config.port);
    printBanner(config, database, password, performance.now() - startedAt);
  } catch (error) {
    await app?.close();
    await database.close();
    throw error;
  }
}

async function seedDemo(app: INestApplication, config: AppConfig): Promise<string> {
  const password = await demoPassword(config.demoPassword, config.dataDir);
  await seedDemoTerritory(app.get(DataSource), password);
  await seedDemoActivity(app.get(DataSource));
  return password;
}

/** Closes the app (HTTP, sockets, pool) before the embedded PostgreSQL, on Ctrl-C or a stop. */
function stopOnSignals(app: () => INestApplication | undefined, database: DatabaseHandle): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal} received: stopping Créneau…\n`);
    try {
      await app()?.close();
    } finally {
      await database.close();
      process.exit(0);
    }
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function printBanner(config: AppConfig, database: DatabaseHandle, password: string | undefined, elapsedMs: number): void {
  const lines = [
    '',
    `Créneau is ready in ${(elapsedMs / 1000).toFixed(1)} s: http://localhost:${config.port}/`,
    `  API docs:  http://localhost:${config.port}/api/docs`,
    `  Database:  ${database.embedded ? `embedded PostgreSQL, data in ${config.dataDir}` : 'DATABASE_URL'}`,
  ];
  if (password) {
    lines.push('  Demo accounts (password: ' + password + '):');
    for (const account of DEMO_ACCOUNTS) lines.push(`    ${account.email.padEnd(34)} ${account.role}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Créneau could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
