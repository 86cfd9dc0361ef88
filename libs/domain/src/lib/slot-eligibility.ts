import {
  INDICATION_LABELS,
  MODALITY_LABELS,
  OTHER_DIAGNOSIS,
  SLOT_STATE_LABELS,
  type CentreSummary,
  type ImagingRequest,
  type IndicationCode,
  type Modality,
  type RequestAssessment,
  type SlotIneligibility,
  type SlotState,
  type SuspectedDiagnosisCode,
} from '@creneau/contracts';

import { DEFAULT_DELAY_POLICY, requestDeadlines, type DelayPolicy } from './deadlines';
import { epochMs, type Instant } from './instant';

/** What eligibility needs of a centre; a CentreSummary fits. */
export type EligibilityCentre = Pick<
  CentreSummary,
  'id' | 'modalities' | 'wheelchairAccessible' | 'stretcherAccessible' | 'acceptsMrConditionalPacemaker' | 'active'
> & {
  /** Half-open [from, to). */
  closures?: readonly { from: Instant; to: Instant; reason: string }[];
  /** Empty or absent: no restriction (indication codes belong to one modality each, so one list serves all). */
  acceptedIndications?: readonly IndicationCode[];
};

/** What eligibility needs of a slot; the agenda's SlotView fits. */
export interface EligibilitySlot {
  centreId: string;
  modality: Modality;
  start: Instant;
  end: Instant;
  /** Accepted indications; null or absent: no restriction beyond the centre's. */
  indications?: readonly IndicationCode[] | null;
  state: SlotState;
  capacity: number;
  /** Appointments already in the slot (capacity > 1 for walk-in radiography ranges). */
  bookedCount?: number;
  /** Who holds it, when held: the holder may still book it. */
  heldBy?: string | null;
}

export interface SlotEligibilityInput {
  request: ImagingRequest;
  assessment: RequestAssessment;
  centre: EligibilityCentre;
  slot: EligibilitySlot;
  /** When the request reached the secretariat: its deadlines run from here. */
  receivedAt: Instant;
  now: Instant;
  /** The account asking, so that its own hold does not count against it. */
  holderId?: string;
  policy?: DelayPolicy;
}

export type SlotEligibility =
  | { eligible: true; /** Starts within the territory's target delay (48 h), not just the maximum. */ withinTargetDelay: boolean }
  | { eligible: false; reasons: SlotIneligibility[] };

/** Whether a slot fits a request; if not, every reason at once, always in the same order. */
export function checkSlotEligibility(input: SlotEligibilityInput): SlotEligibility {
  const { request, assessment, centre, slot } = input;
  if (slot.centreId !== centre.id) throw new RangeError(`Slot of centre ${slot.centreId} checked against centre ${centre.id}`);
  const start = epochMs(slot.start);
  const end = epochMs(slot.end);
  const deadlines = requestDeadlines(new Date(epochMs(input.receivedAt)), input.policy ?? DEFAULT_DELAY_POLICY);
  const { modality } = request.exam;
  const { patient } = request;
  const reasons: SlotIneligibility[] = [];
  const refuse = (code: SlotIneligibility['code'], message: string) => reasons.push({ code, message });

  if (!assessment.bookable) {
    refuse('request-not-bookable', 'La demande n’est pas réservable en l’état (incomplète, hors protocole ou à confirmer).');
  }
  if (!centre.active) refuse('centre-inactive', 'Le centre est inactif.');
  if (!isFreeFor(slot, input.holderId)) {
    refuse('slot-not-free', `Le créneau n’est pas libre (${SLOT_STATE_LABELS[slot.state].toLowerCase()}).`);
  } else if ((slot.bookedCount ?? 0) >= slot.capacity) {
    refuse('slot-full', 'Le créneau est complet.');
  }
  if (slot.modality !== modality) {
    refuse(
      'wrong-modality',
      `Modalité du créneau (${MODALITY_LABELS[slot.modality]}) différente de l’examen demandé (${MODALITY_LABELS[modality]}).`,
    );
  }
  if (!centre.modalities.includes(modality)) {
    refuse('modality-not-offered', `Le centre ne propose pas cette modalité (${MODALITY_LABELS[modality]}).`);
  }
  const diagnosis = request.suspectedDiagnosis.code;
  if (!accepts(centre.acceptedIndications, diagnosis) || !accepts(slot.indications, diagnosis)) {
    refuse(
      'indication-not-accepted',
      diagnosis === OTHER_DIAGNOSIS
        ? 'Diagnostic hors protocole non accepté sur ce créneau.'
        : `Indication non acceptée sur ce créneau : ${INDICATION_LABELS[diagnosis]}.`,
    );
  }
  if (patient.pacemaker && modality === 'mri' && !centre.acceptsMrConditionalPacemaker) {
    refuse(
      'pacemaker-not-accepted',
      'Patient porteur d’un pacemaker : ce centre n’accepte pas les dispositifs compatibles IRM sous conditions.',
    );
  }
  const access = missingAccess(patient, centre);
  if (access) refuse('centre-not-accessible', access);
  if (start < epochMs(input.now)) refuse('slot-already-started', 'Le créneau a déjà commencé.');
  if (start > deadlines.maximum.getTime()) {
    const hours = (input.policy ?? DEFAULT_DELAY_POLICY).maximumDelayHours;
    refuse('after-maximum-delay', `Créneau au-delà du délai maximal de ${hours} h après la réception de la demande.`);
  }
  const closure = centre.closures?.find((c) => start < epochMs(c.to) && epochMs(c.from) < end);
  if (closure) refuse('centre-closed', `Centre fermé sur ce créneau : ${closure.reason}.`);

  return reasons.length > 0
    ? { eligible: false, reasons }
    : { eligible: true, withinTargetDelay: start <= deadlines.target.getTime() };
}

function isFreeFor(slot: EligibilitySlot, holderId: string | undefined): boolean {
  return slot.state === 'free' || (slot.state === 'held' && !!holderId && slot.heldBy === holderId);
}

/** A list restricts to its indications, so an outside-protocol diagnosis passes only where no list is set. */
function accepts(accepted: readonly IndicationCode[] | null | undefined, diagnosis: SuspectedDiagnosisCode): boolean {
  return !accepted || accepted.length === 0 || (accepted as readonly string[]).includes(diagnosis);
}

function missingAccess(patient: ImagingRequest['patient'], centre: EligibilityCentre): string | null {
  if (patient.ambulatory) return null;
  if (patient.mobilityAid === 'wheelchair' && !centre.wheelchairAccessible) {
    return 'Patient en fauteuil roulant : centre non accessible en fauteuil.';
  }
  if (patient.mobilityAid === 'stretcher' && !centre.stretcherAccessible) {
    return 'Patient sur brancard : centre non accessible sur brancard.';
  }
  if (!centre.wheelchairAccessible && !centre.stretcherAccessible) {
    return 'Patient non ambulatoire : centre accessible ni en fauteuil ni sur brancard.';
  }
  return null;
}
