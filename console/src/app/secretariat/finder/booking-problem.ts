import type { SlotIneligibility } from '@creneau/contracts';
import { apiErrorMessage, apiStatus } from '../../api/api-error';
import { HttpErrorResponse } from '@angular/common/http';

export interface BookingProblem {
  /** taken: someone else has the slot (409); unfit: the slot does not fit the request (422); other: anything else. */
  kind: 'taken' | 'unfit' | 'other';
  text: string;
  reasons: string[];
}

/** What to tell the secretary when a hold or a booking fails. */
export function bookingProblem(error: unknown): BookingProblem {
  const status = apiStatus(error);
  const body =
    error instanceof HttpErrorResponse ? (error.error as { reasons?: SlotIneligibility[]; missing?: string[] } | null) : null;
  if (status === 409)
    return { kind: 'taken', text: `Créneau pris : ${apiErrorMessage(error)} Choisissez-en un autre.`, reasons: [] };
  if (status === 422) {
    return {
      kind: 'unfit',
      text: apiErrorMessage(error),
      reasons: body?.reasons?.map((reason) => reason.message) ?? [],
    };
  }
  return { kind: 'other', text: apiErrorMessage(error), reasons: [] };
}
