import type { Modality } from '@creneau/contracts';
import type { ImportKind, ImportSource } from './import-source.entity';
import type { ImportConflict, ImportCounts } from './slot-import.applier';
import type { SkippedItem } from './imported-slot';

/** How the source's imports are going; instants are ISO 8601. */
export interface ImportSourceStatus {
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  /** The last attempt's error, null once an import succeeds again. */
  lastError: string | null;
  consecutiveFailures: number;
  /** Null while the source is inactive. */
  nextPollAt: string | null;
}

export interface ImportSourceView {
  id: string;
  centreId: string;
  kind: ImportKind;
  url: string;
  marker: string | null;
  modality: Modality | null;
  pollIntervalMinutes: number;
  active: boolean;
  status: ImportSourceStatus;
}

/** What one run did: counts, what it could not import and why, the booked slots to look at. */
export interface ImportRunOutcome {
  sourceId: string;
  ok: boolean;
  ranAt: string;
  /** Why nothing was imported (unreachable, malformed…); existing slots were left as they were. */
  error: string | null;
  counts: ImportCounts;
  /** The first 100 items that could not be imported, with why; `counts.skipped` has them all. */
  skipped: SkippedItem[];
  conflicts: ImportConflict[];
  /** The source after the run, with the time of its last good import. */
  source: ImportSourceView;
}

export function toImportSourceView(source: ImportSource): ImportSourceView {
  return {
    id: source.id,
    centreId: source.centreId,
    kind: source.kind,
    url: source.url,
    marker: source.marker,
    modality: source.modality,
    pollIntervalMinutes: source.pollIntervalMinutes,
    active: source.active,
    status: {
      lastAttemptAt: source.lastAttemptAt?.toISOString() ?? null,
      lastSuccessAt: source.lastSuccessAt?.toISOString() ?? null,
      lastError: source.lastError,
      consecutiveFailures: source.consecutiveFailures,
      nextPollAt: source.active ? source.nextPollAt.toISOString() : null,
    },
  };
}
