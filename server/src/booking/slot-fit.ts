import { ConflictException, UnprocessableEntityException } from '@nestjs/common';
import type { RequestAssessment, SlotIneligibility } from '@creneau/contracts';
import { checkSlotEligibility } from '@creneau/domain';
import { slotState } from '../agenda/slot-view';
import type { BookingContext } from './booking-context';

/** Ineligibility that comes from others' actions on the slot: a conflict (409), not a mismatch (422). */
const TAKEN: readonly SlotIneligibility['code'][] = ['slot-not-free', 'slot-full'];

/**
 * Checks, with the domain's rules, that the slot fits the request: 422 when the request cannot be booked yet,
 * 409 when someone else has the slot, 422 with every reason when it does not fit (modality, indication, safety,
 * window, centre closed).
 */
export function assertSlotFits(context: BookingContext, assessment: RequestAssessment): void {
  if (!assessment.bookable) {
    throw new UnprocessableEntityException({
      message: 'Cette demande ne peut pas encore être programmée.',
      readiness: assessment.readiness,
    });
  }
  const slot = { status: context.slot_status, bookedCount: context.booked_count, capacity: context.capacity };
  const full = slot.bookedCount + context.held_by_others >= slot.capacity;
  const state = slot.status === 'open' && full && slot.bookedCount < slot.capacity ? 'held' : slotState(slot);
  const eligibility = checkSlotEligibility({
    request: context.form,
    assessment,
    centre: {
      id: context.centre_id,
      modalities: context.modalities,
      wheelchairAccessible: context.wheelchair_accessible,
      stretcherAccessible: context.stretcher_accessible,
      acceptsMrConditionalPacemaker: context.accepts_mr_conditional_pacemaker,
      active: context.active,
      closures: context.closures,
      acceptedIndications: context.accepted_indications,
    },
    slot: {
      centreId: context.centre_id,
      modality: context.modality,
      start: context.starts_at,
      end: context.ends_at,
      indications: context.indications,
      state,
      capacity: context.capacity,
      bookedCount: context.booked_count,
      heldBy: null,
    },
    receivedAt: context.received_at,
    now: context.now,
    policy: { targetDelayHours: context.target_delay_hours, maximumDelayHours: context.maximum_delay_hours },
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
