import { ForbiddenException } from '@nestjs/common';
import type { Actor } from './actor';

/** Coordinators and admins act on every centre; centre staff on their own centres only. */
export function mayActForCentre(actor: Actor, centreId: string): boolean {
  if (actor.role === 'coordinator' || actor.role === 'admin') return true;
  return actor.role === 'centre' && actor.centreIds.includes(centreId);
}

export function assertMayActForCentre(actor: Actor, centreId: string): void {
  if (!mayActForCentre(actor, centreId)) throw new ForbiddenException('Ce centre ne fait pas partie de vos centres.');
}

/** The centres whose data the actor may see: null means all of them. */
export function visibleCentreIds(actor: Actor): string[] | null {
  return actor.role === 'centre' ? actor.centreIds : null;
}
