import { CreateTerritoryCentreAccount1763920000000 } from './1763920000000-CreateTerritoryCentreAccount';
import { AddSessionsLockoutAndAudit1763930000000 } from './1763930000000-AddSessionsLockoutAndAudit';
import { CreateAgenda1763940000000 } from './1763940000000-CreateAgenda';
import { CreateRequestsAndBooking1763960000000 } from './1763960000000-CreateRequestsAndBooking';
import { CreateJobRunsAndFlags1764030000000 } from './1764030000000-CreateJobRunsAndFlags';
import { CreateLiveEvents1763990000000 } from './1763990000000-CreateLiveEvents';
import { CreateCalendarFeeds1764041000000 } from './1764041000000-CreateCalendarFeeds';
import { CreateOutbox1764042000000 } from './1764042000000-CreateOutbox';
import { TuneSlotSearch1764100000000 } from './1764100000000-TuneSlotSearch';
import { CreateEvaluationCases1764110000000 } from './1764110000000-CreateEvaluationCases';
import { CreateCommunes1764120000000 } from './1764120000000-CreateCommunes';
import { CacheEvaluationRefresh1764130000000 } from './1764130000000-CacheEvaluationRefresh';
import { SealLiveEventsAfterCommit1764140000000 } from './1764140000000-SealLiveEventsAfterCommit';
import { CreateWriteConflict1764150000000 } from './1764150000000-CreateWriteConflict';
import { QueueEvaluationRefresh1764160000000 } from './1764160000000-QueueEvaluationRefresh';

/** Every migration, oldest first. Listed here so that the bundled server carries them. */
export const ALL_MIGRATIONS = [
  CreateTerritoryCentreAccount1763920000000,
  AddSessionsLockoutAndAudit1763930000000,
  CreateAgenda1763940000000,
  CreateRequestsAndBooking1763960000000,
  CreateJobRunsAndFlags1764030000000,
  CreateLiveEvents1763990000000,
  CreateCalendarFeeds1764041000000,
  CreateOutbox1764042000000,
  TuneSlotSearch1764100000000,
  CreateEvaluationCases1764110000000,
  CreateCommunes1764120000000,
  CacheEvaluationRefresh1764130000000,
  SealLiveEventsAfterCommit1764140000000,
  CreateWriteConflict1764150000000,
  QueueEvaluationRefresh1764160000000,
];
