import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Account } from './account.entity';
import type { Centre } from '../territory/centre.entity';

/** Binds a centre-staff account to a centre it works for. */
@Entity({ name: 'account_centre' })
export class AccountCentre {
  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId!: string;

  @PrimaryColumn({ name: 'centre_id', type: 'uuid' })
  centreId!: string;

  @ManyToOne('Account', (account: Account) => account.centres, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account!: Account;

  @ManyToOne('Centre', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'centre_id' })
  centre!: Centre;
}
