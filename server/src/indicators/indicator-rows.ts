import type { CentreSector, ImagingResult } from '@creneau/contracts';

/** The line of TALLY_SQL. */
export interface TallyRow {
  received: number;
  imported: number;
  complete: number;
  outside_protocol: number;
  phone: number;
  web: number;
  secure_mail: number;
  booked: number;
  delay_hours: number | null;
  within_target: number;
  within_maximum: number;
  day_0: number;
  day_1: number;
  day_2: number;
  day_3: number;
  day_4: number;
  day_5: number;
  day_6: number;
  day_7: number;
  answered: number;
  response_hours: number | null;
  refusals: number;
  refused: number;
  done: number;
  no_show: number;
  cancelled: number;
  not_booked: number;
  pending: number;
  lost_never_answered: number;
  lost_outcome_unknown: number;
  public: number;
  private: number;
}

/** The line of MEDIANS_SQL, in hours. */
export interface MediansRow {
  delay_hours: number | null;
  response_hours: number | null;
}

/** A line of BREAKDOWNS_SQL: one group of one dimension; the columns of the other dimensions are null. */
export interface GroupRow {
  /** `exam`: by modality and exam; `relevance`: by suspected diagnosis and imaging result. */
  dimension: 'day' | 'exam' | 'relevance' | 'centre';
  /** A local day of receipt, 'yyyy-mm-dd'. */
  received_day: string | null;
  modality: string | null;
  exam: string | null;
  suspected_diagnosis: string | null;
  imaging_result: ImagingResult | null;
  centre_key: string | null;
  centre_id: string | null;
  /** Only for a centre an imported file named and the territory does not know. */
  centre_name: string | null;
  sector: CentreSector | null;
  received: number;
  booked: number;
  done: number;
  delay_hours: number | null;
  within_target: number;
}

export interface ReasonRow {
  reason: string;
  count: number;
}

/** A line of SLOT_USE_SQL. */
export interface SlotUseRow {
  centre_id: string;
  centre_name: string;
  sector: CentreSector;
  published: number;
  used: number;
  released_unused: number;
  withdrawn: number;
}
