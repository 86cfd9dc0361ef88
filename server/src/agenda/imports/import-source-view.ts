import type { ImportSourceView } from '@creneau/contracts';
import type { ImportSource } from './import-source.entity';

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
