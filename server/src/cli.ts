import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from './config/app-config';
import { openDatabase } from './database/open-database';
import { typeOrmOptions } from './database/typeorm-options';
import { demoPassword } from './demo/demo-password';
import { seedDemoActivity } from './demo/demo-activity';
import { seedDemoTerritory } from './demo/demo-seed';

const COMMANDS: Record<string, string> = {
  migrate: 'apply the pending migrations',
  'seed:demo': 'seed the demo territory into an empty database (migrating first)',
};

/** Maintenance commands, outside dependency injection: `node dist/server/cli.js <command>`. */
async function cli(command: string | undefined): Promise<void> {
  if (!command || !(command in COMMANDS)) {
    const usage = Object.entries(COMMANDS).map(([name, what]) => `  ${name.padEnd(10)} ${what}`);
    throw new Error(`usage: cli <command>\n${usage.join('\n')}`);
  }
  const config = loadConfig();
  const database = await openDatabase(config);
  const dataSource = new DataSource({ ...typeOrmOptions(database.url), migrationsRun: false });
  try {
    await dataSource.initialize();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    process.stdout.write(`${applied.length} migration(s) applied.\n`);
    if (command === 'seed:demo') {
      const password = await demoPassword(config.demoPassword, config.dataDir);
      const outcome = await seedDemoTerritory(dataSource, password);
      if (outcome === 'seeded') await seedDemoActivity(dataSource);
      process.stdout.write(
        outcome === 'seeded'
          ? `Demo territory seeded; password: ${password}\n`
          : 'The database already holds a territory: nothing seeded.\n',
      );
    }
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await database.close();
  }
}

cli(process.argv[2]).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
