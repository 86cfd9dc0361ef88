/** free → held → booked; or released (handed back to the centre's own agenda) or withdrawn (cancelled by the centre). */
export const SLOT_STATES = ['free', 'held', 'booked', 'released', 'withdrawn'] as const;
export type SlotState = (typeof SLOT_STATES)[number];

export const SLOT_STATE_LABELS: Record<SlotState, string> = {
  free: 'Libre',
  held: 'Retenu',
  booked: 'Réservé',
  released: 'Rendu au centre',
  withdrawn: 'Retiré par le centre',
};

/**
 * When a recurring rule publishes slots, in the territory's local time (11:00 stays 11:00 across DST).
 * The rule's centre, modality and capacity live beside it, not in here.
 */
export interface RecurringRuleSpec {
  /** RFC 5545 RRULE value without DTSTART or TZID, e.g. 'FREQ=WEEKLY;BYDAY=MO,TH'. */
  rrule: string;
  /** Local wall time of each slot's start, 'HH:mm'. */
  startLocal: string;
  durationMinutes: number;
  /** First local date the rule applies, 'yyyy-mm-dd' (the DTSTART date). */
  validFrom: string;
  /** Last local date the rule applies, inclusive. */
  validUntil?: string | null;
  /** IANA time zone, e.g. 'Europe/Paris'. */
  timezone: string;
  /** Local dates without a slot (EXDATE), 'yyyy-mm-dd'. */
  exceptions?: readonly string[];
}

/** Why a slot does not fit a request; the server answers them in a 422, the console shows them. */
export const SLOT_INELIGIBILITY_CODES = [
  'request-not-bookable',
  'centre-inactive',
  'slot-not-free',
  'slot-full',
  'wrong-modality',
  'modality-not-offered',
  'indication-not-accepted',
  'pacemaker-not-accepted',
  'centre-not-accessible',
  'slot-already-started',
  'after-maximum-delay',
  'centre-closed',
] as const;
export type SlotIneligibilityCode = (typeof SLOT_INELIGIBILITY_CODES)[number];

export interface SlotIneligibility {
  code: SlotIneligibilityCode;
  message: string;
}
