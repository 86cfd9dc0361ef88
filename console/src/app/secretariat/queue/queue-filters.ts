import type { RequestSummary } from '@creneau/contracts';
import type { RequestListStatus } from '../../requests/requests-api';

export type QueueFilterKey = 'open' | 'incomplete' | 'to-book' | 'booked' | 'refused';

export interface QueueFilter {
  key: QueueFilterKey;
  label: string;
  status: RequestListStatus;
  /** Of those, only the requests a centre refused (back in the queue to be booked elsewhere). */
  refusedOnly?: boolean;
}

export const QUEUE_FILTERS: readonly QueueFilter[] = [
  { key: 'open', label: 'Toutes', status: 'open' },
  { key: 'incomplete', label: 'Incomplètes', status: 'incomplete' },
  { key: 'to-book', label: 'À programmer', status: 'to-book' },
  { key: 'booked', label: 'Réservées, en attente du centre', status: 'booked' },
  { key: 'refused', label: 'Refusées par un centre', status: 'to-book', refusedOnly: true },
];

/** The queue's lines for a filter, most urgent first: the nearest 72 h maximum, then the nearest 48 h target. */
export function queueLines(requests: readonly RequestSummary[], filter: QueueFilter): RequestSummary[] {
  return requests
    .filter((request) => !filter.refusedOnly || request.refusalCount > 0)
    .sort((a, b) => Date.parse(a.maximumAt) - Date.parse(b.maximumAt) || Date.parse(a.targetAt) - Date.parse(b.targetAt));
}
