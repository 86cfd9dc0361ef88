import type { ImportRunOutcome } from '@creneau/contracts';
import { runOutcomeLabel } from './import-run-labels';

const outcome = (overrides: Partial<ImportRunOutcome>): ImportRunOutcome =>
  ({
    sourceId: 's1',
    ok: true,
    ranAt: '2026-11-24T10:00:00.000Z',
    error: null,
    counts: { created: 0, updated: 0, unchanged: 0, withdrawn: 0, conflicts: 0, skipped: 0 },
    skipped: [],
    conflicts: [],
    ...overrides,
  }) as ImportRunOutcome;

describe('runOutcomeLabel', () => {
  it('counts what a good import did, naming withdrawals, conflicts and skipped items only when there are some', () => {
    expect(runOutcomeLabel(outcome({}))).toBe('Import réussi : 0 créé, 0 mis à jour, 0 inchangé.');
    expect(
      runOutcomeLabel(outcome({ counts: { created: 3, updated: 1, unchanged: 12, withdrawn: 2, conflicts: 1, skipped: 4 } })),
    ).toBe(
      'Import réussi : 3 créés, 1 mis à jour, 12 inchangés, 2 retirés, 1 réservé disparu de la source, à vérifier, 4 ignorés.',
    );
  });

  it('says a failed import left the slots as they were', () => {
    expect(runOutcomeLabel(outcome({ ok: false, error: 'Source injoignable (HTTP 503)' }))).toBe(
      'Import impossible : Source injoignable (HTTP 503). Les créneaux déjà importés sont conservés.',
    );
  });
});
