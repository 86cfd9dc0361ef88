import type { LiveEntity, LiveEvent } from '@creneau/contracts';

/** What a view watches: the secretariat's queue, the free slots of a search, a centre's agenda, a doctor's requests. */
export type LiveTopic = 'queue' | 'slots' | 'agenda' | 'requests';

/** The entities whose changes may change what each topic shows. */
export const TOPIC_ENTITIES: Record<LiveTopic, readonly LiveEntity[]> = {
  // A request's status follows its appointment's (booked, refused…): both tell the queue.
  queue: ['request', 'appointment'],
  slots: ['slot'],
  agenda: ['slot', 'appointment', 'request'],
  requests: ['request', 'appointment'],
};

/** Whether an event may change what a view of the topic shows. */
export function concerns(topic: LiveTopic, event: LiveEvent): boolean {
  return TOPIC_ENTITIES[topic].includes(event.entity);
}
