import type { LiveEntity, LiveEvent, LiveEventType } from '@creneau/contracts';

/**
 * What a view watches: the secretariat's queue, the free slots of a search, a centre's agenda, a doctor's requests,
 * a request's comment thread.
 */
export type LiveTopic = 'queue' | 'slots' | 'agenda' | 'requests' | 'comments';

/** The entities whose changes may change what each topic shows. */
export const TOPIC_ENTITIES: Record<LiveTopic, readonly LiveEntity[]> = {
  // A request's status follows its appointment's (booked, refused…): both tell the queue.
  queue: ['request', 'appointment'],
  slots: ['slot'],
  agenda: ['slot', 'appointment', 'request'],
  requests: ['request', 'appointment'],
  comments: ['request'],
};

/** Events of a request's thread: they change nothing of the request a list or an agenda shows, only the thread. */
const THREAD_EVENTS: readonly LiveEventType[] = ['request.commented'];

/** Whether an event may change what a view of the topic shows. */
export function concerns(topic: LiveTopic, event: LiveEvent): boolean {
  const ofThread = THREAD_EVENTS.includes(event.type);
  if (topic === 'comments') return ofThread;
  return !ofThread && TOPIC_ENTITIES[topic].includes(event.entity);
}
