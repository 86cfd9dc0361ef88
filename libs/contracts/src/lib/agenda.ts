import type { CentreSector, CentreSummary } from './centre';
import type { IndicationCode } from './indication';
import type { Modality } from './modality';
import type { SlotState } from './slot';

export type SlotOrigin = 'manual' | 'rule' | 'ical' | 'fhir';

/** A reserved slot as the agenda shows it; instants are ISO 8601 with offset. */
export interface SlotView {
  id: string;
  centreId: string;
  modality: Modality;
  start: string;
  end: string;
  capacity: number;
  bookedCount: number;
  state: SlotState;
  /** Why it was withdrawn or released, when it was. */
  stateReason: string | null;
  /** Accepted indications; null: whatever the centre accepts for the modality. */
  indications: IndicationCode[] | null;
  releaseAt: string;
  origin: SlotOrigin;
  ruleId: string | null;
  /** A booked imported slot that vanished from its source: to be looked at. */
  importConflict: string | null;
  version: number;
}

/** One answer of the pooled search: a free slot, its centre, and how far it is from the patient. */
export interface SlotSearchHit {
  slotId: string;
  centreId: string;
  centreName: string;
  sector: CentreSector;
  city: string;
  modality: Modality;
  start: string;
  end: string;
  durationMinutes: number;
  /** Places the caller can still hold or book: others' live holds are taken off. */
  placesLeft: number;
  /** When every place left is held by other secretaries: until when (their last hold). The slot may come back. */
  heldUntil: string | null;
  /** Kilometres as the crow flies; null when the patient's location was not given. */
  distanceKm: number | null;
  wheelchairAccessible: boolean;
  stretcherAccessible: boolean;
}

/** Where distances are measured from: the coordinates given, or the patient's commune found in the territory's list. */
export interface SearchOrigin {
  latitude: number;
  longitude: number;
  /** "85500 Les Herbiers" when found from a commune; null when coordinates were given. */
  commune: string | null;
}

export interface SlotSearchResult {
  window: { from: string; to: string };
  /** Null when no location was given, or the commune is not in the territory's list: then no distance. */
  origin: SearchOrigin | null;
  slots: SlotSearchHit[];
  /** When the window holds no slot: the first free ones after it. */
  firstAfterWindow: SlotSearchHit[];
}

export interface SlotRuleView {
  id: string;
  centreId: string;
  modality: Modality;
  rrule: string;
  startLocal: string;
  durationMinutes: number;
  capacity: number;
  validFrom: string;
  validUntil: string | null;
  exceptions: string[];
  indications: IndicationCode[] | null;
  releaseCutoffMinutes: number;
  stopped: boolean;
  version: number;
}

export interface CentreClosureView {
  id: string;
  from: string;
  to: string;
  reason: string;
}

/** A live appointment (booked or confirmed) that a new closure falls on: the centre has to move or cancel it. */
export interface AppointmentInClosure {
  id: string;
  requestId: string;
  reference: string;
  start: string;
}

/** The answer to a new closure: the closure, and the appointments already made during it. */
export interface CreatedClosureView extends CentreClosureView {
  appointments: AppointmentInClosure[];
}

/** The answer to a change of a centre: when the change closed it for good, its live appointments still ahead. */
export interface UpdatedCentreView extends CentreSummary {
  appointments: AppointmentInClosure[];
}
