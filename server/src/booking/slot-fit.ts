import { ConflictException, UnprocessableEntityException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ImagingRequest, RequestAssessment, SlotIneligibility } from '@creneau/contracts';
import { checkSlotEligibility } from '@creneau/domain';
import { Slot } from '../agenda/slot.entity';
import { slotState } from '../agenda/slot-view';
import { CentreClosure } from '../territory/centre-closure.entity';
import { Centre } from '../territory/centre.entity';
import { Territory } from '../territory/territory.entity';
import type { ImagingRequestEntity } from '../requests/imaging-request.entity';

/** Ineligibility that comes from others' actions on the slot: a conflict (409), not a mismatch (422). */
const TAKEN: readonly SlotIneligibility['code'][] = ['slot-not-free', 'slot-full'];

/**
 * Checks, with the domain's rules, that the slot fits the request: 409 when someone else has it,
 * 422 with every reason when it does not fit (modality, indication, safety, window, centre closed).
 */
export async function assertSlotFits(
  manager: EntityManager,
  request: ImagingRequestEntity,
  assessment: RequestAssessment,
  slot: Slot,
  heldByOthers: number,
): Promise<void> {
  const centre = await manager.findOneByOrFail(Centre, { id: slot.centreId });
  const territory = await manager.findOneByOrFail(Territory, { id: centre.territoryId });
  const closures = await manager.findBy(CentreClosure, { centreId: centre.id });
  const full = slot.bookedCount + heldByOthers >= slot.capacity;
  const state = slot.status === 'open' && full && slot.bookedCount < slot.capacity ? 'held' : slotState(slot);
  const eligibility = checkSlotEligibility({
    request: request.form as ImagingRequest,
    assessment,
    centre: {
      ...centre,
      closures: closures.map((closure) => ({ from: closure.startsAt, to: closure.endsAt, reason: closure.reason })),
      acceptedIndications: centre.acceptedIndications,
    },
    slot: {
      centreId: slot.centreId,
      modality: slot.modality,
      start: slot.startsAt,
      end: slot.endsAt,
      indications: slot.indications,
      state,
      capacity: slot.capacity,
      bookedCount: slot.bookedCount,
      heldBy: null,
    },
    receivedAt: request.receivedAt,
    now: new Date(),
    policy: territory,
  });
  if (eligibility.eligible) return;
  const body = (message: string) => ({ message, reasons: eligibility.reasons });
  if (eligibility.reasons.some((reason) => TAKEN.includes(reason.code))) {
    throw new ConflictException(
      body(state === 'held' ? 'Ce créneau est retenu par un autre secrétariat.' : 'Ce créneau n’est plus libre.'),
    );
  }
  throw new UnprocessableEntityException(body('Ce créneau ne convient pas à cette demande.'));
}
