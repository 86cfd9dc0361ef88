import type { RequestSummary } from '@creneau/contracts';
import { QUEUE_FILTERS, queueLines } from './queue-filters';

const line = (id: string, maximumAt: string, refusalCount = 0) =>
  ({ id, maximumAt, targetAt: maximumAt, refusalCount }) as RequestSummary;

describe('queueLines', () => {
  const requests = [
    line('late', '2026-11-26T10:00:00Z'),
    line('urgent', '2026-11-24T10:00:00Z', 1),
    line('mid', '2026-11-25T10:00:00Z'),
  ];

  it('puts the nearest maximum delay first', () => {
    expect(queueLines(requests, QUEUE_FILTERS[0]).map((r) => r.id)).toEqual(['urgent', 'mid', 'late']);
  });

  it('keeps only the refused ones under “Refusées”', () => {
    const refused = QUEUE_FILTERS.find((f) => f.key === 'refused');
    expect(refused?.status).toBe('to-book');
    expect(queueLines(requests, refused ?? QUEUE_FILTERS[0]).map((r) => r.id)).toEqual(['urgent']);
  });
});
