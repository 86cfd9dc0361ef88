import type { ApiSession } from './api';

export interface SeededSlot {
  id: string;
  start: string;
}

interface Centre {
  id: string;
  name: string;
}

/** The centre publishes a one-off slot, `minutesFromNow` ahead (on a minute no demo rule uses), through the API. */
export async function publishSlot(
  centre: ApiSession,
  centreName: string,
  modality: string,
  minutesFromNow: number,
): Promise<SeededSlot> {
  const centres = await centre.get<Centre[]>('/api/centres');
  const centreId = centres.find((c) => c.name === centreName)?.id;
  if (!centreId) throw new Error(`No centre named ${centreName}`);
  const start = new Date(Date.now() + minutesFromNow * 60_000);
  start.setUTCSeconds(0, 0);
  if ([0, 30].includes(start.getUTCMinutes())) start.setUTCMinutes(start.getUTCMinutes() + 7);
  return centre.post<SeededSlot>('/api/slots', {
    centreId,
    modality,
    start: start.toISOString(),
    durationMinutes: 20,
    releaseCutoffMinutes: 30,
  });
}

/** How the console writes a slot's day and time (`mar. 24/11 14:07`), in the territory's zone. */
export function consoleDayTime(iso: string): string {
  return new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    weekday: 'short',
    day: '2-digit',
    month: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** How the console writes a slot in full (`mardi 24 novembre 2026 à 14:07`), in the territory's zone. */
export function consoleLongDate(iso: string): string {
  return new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}
