import { AccountCentre } from '../accounts/account-centre.entity';
import { Account } from '../accounts/account.entity';
import { Session } from '../accounts/session.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { Appointment } from '../booking/appointment.entity';
import { ImagingRequestEntity } from '../requests/imaging-request.entity';
import { Slot } from '../agenda/slot.entity';
import { SlotRule } from '../agenda/slot-rule.entity';
import { ImportSource } from '../agenda/imports/import-source.entity';
import { CentreClosure } from '../territory/centre-closure.entity';
import { Centre } from '../territory/centre.entity';
import { Territory } from '../territory/territory.entity';

/** Every entity of the app, for the one data source. */
export const ENTITIES = [
  Territory,
  Centre,
  CentreClosure,
  Account,
  AccountCentre,
  Session,
  AuditEvent,
  Slot,
  SlotRule,
  ImportSource,
  ImagingRequestEntity,
  Appointment,
];
