import { AccountCentre } from '../accounts/account-centre.entity';
import { Account } from '../accounts/account.entity';
import { Session } from '../accounts/session.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { Centre } from '../territory/centre.entity';
import { Territory } from '../territory/territory.entity';

/** Every entity of the app, for the one data source. */
export const ENTITIES = [Territory, Centre, Account, AccountCentre, Session, AuditEvent];
