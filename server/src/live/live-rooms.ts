import type { Actor } from '../access/actor';

/** Who may see an event, as written beside it. */
export interface LiveAudience {
  territoryId: string;
  centreIds: readonly string[];
  doctorRpps: string | null;
}

export const accountRoom = (accountId: string) => `account:${accountId}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

/** The rooms an event goes to: its territory's (secretariat, coordination), its centres', its doctor's. */
export function eventRooms(audience: LiveAudience): string[] {
  const rooms = [`territory:${audience.territoryId}`, ...audience.centreIds.map((id) => `centre:${id}`)];
  if (audience.doctorRpps) rooms.push(`doctor:${audience.doctorRpps}`);
  return rooms;
}

/**
 * The rooms a console joins, by role, as the API scopes reads: the secretariat and the coordination
 * see the territory (accounts are not tied to one: every territory), centre staff their centres,
 * a requesting doctor their own requests.
 */
export function actorRooms(actor: Actor, territoryIds: readonly string[]): string[] {
  switch (actor.role) {
    case 'secretariat':
    case 'coordinator':
    case 'admin':
      return territoryIds.map((id) => `territory:${id}`);
    case 'centre':
      return actor.centreIds.map((id) => `centre:${id}`);
    case 'doctor':
      return actor.rpps ? [`doctor:${actor.rpps}`] : [];
  }
}
