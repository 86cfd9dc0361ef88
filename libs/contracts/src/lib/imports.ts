import type { Modality } from './modality';

/** 'ical': an iCalendar feed; 'fhir': the `$bulk-publish` manifest of a SMART Scheduling Links publication. */
export const IMPORT_KINDS = ['ical', 'fhir'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

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

/** A centre's own system that publishes its reserved slots (`GET /api/centres/:id/import-sources`). */
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

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  withdrawn: number;
  conflicts: number;
  skipped: number;
}

/** A booked slot the source no longer publishes: left booked, to look at. */
export interface ImportConflict {
  slotId: string;
  externalId: string;
  reason: string;
}

/** An item of the source that looks like a reserved slot but cannot be imported, and why (French). */
export interface SkippedItem {
  externalId: string | null;
  reason: string;
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
