import { DataSource } from 'typeorm';
import { communeMatchKey } from '@creneau/domain';
import { AccountCentre } from '../accounts/account-centre.entity';
import { Account } from '../accounts/account.entity';
import { hashPassword } from '../accounts/password-hasher';
import { Centre } from '../territory/centre.entity';
import { Territory } from '../territory/territory.entity';
import { DEMO_ACCOUNTS, DEMO_CENTRES, DEMO_COMMUNES, DEMO_TERRITORY } from './demo-territory';

export type DemoSeedOutcome = 'seeded' | 'database-not-empty';

/** Seeds the demo territory, its centres and one account per role, only into a database with no territory. */
export async function seedDemoTerritory(dataSource: DataSource, password: string): Promise<DemoSeedOutcome> {
  const passwordHashes = await Promise.all(DEMO_ACCOUNTS.map(() => hashPassword(password)));
  return dataSource.transaction(async (manager) => {
    // Serialises concurrent seeders (several instances starting on one empty database).
    await manager.query('LOCK TABLE territory IN EXCLUSIVE MODE');
    if ((await manager.count(Territory)) > 0) return 'database-not-empty';

    const territory = await manager.save(manager.create(Territory, DEMO_TERRITORY));
    const centreIds = new Map<string, string>();
    for (const { key, ...centre } of DEMO_CENTRES) {
      const saved = await manager.save(manager.create(Centre, { ...centre, territoryId: territory.id }));
      centreIds.set(key, saved.id);
    }
    for (const commune of DEMO_COMMUNES) {
      await manager.query(
        `INSERT INTO commune (territory_id, name, postal_code, latitude, longitude, match_key) VALUES ($1, $2, $3, $4, $5, $6)`,
        [territory.id, commune.name, commune.postalCode, commune.latitude, commune.longitude, communeMatchKey(commune.name)],
      );
    }
    for (const [index, demo] of DEMO_ACCOUNTS.entries()) {
      const account = await manager.save(
        manager.create(Account, {
          email: demo.email,
          displayName: demo.displayName,
          role: demo.role,
          rpps: demo.rpps ?? null,
          passwordHash: passwordHashes[index],
        }),
      );
      for (const key of demo.centres ?? []) {
        await manager.save(manager.create(AccountCentre, { accountId: account.id, centreId: centreIds.get(key) }));
      }
    }
    return 'seeded';
  });
}
