import { INDICATION_CODES, type IndicationCode, type RequestView } from '@creneau/contracts';
import type { SlotSearchQuery } from './booking-api';

const HOUR_MS = 3_600_000;
/** The server's longest search window. */
const MAXIMUM_WINDOW_HOURS = 72;

/**
 * The search for a request's exam and patient: from now to the request's 72 h maximum (slots after it cannot
 * be booked), with distances from the patient's commune when the territory's list knows it.
 */
export function slotQueryFor(request: RequestView, now: Date): SlotSearchQuery {
  const { form } = request;
  const code = form.suspectedDiagnosis?.code;
  const maximum = new Date(request.maximumAt).getTime();
  const longest = now.getTime() + MAXIMUM_WINDOW_HOURS * HOUR_MS;
  const to = maximum > now.getTime() ? Math.min(maximum, longest) : now.getTime() + 48 * HOUR_MS;
  const ambulatory = form.patient?.ambulatory !== false;
  const postalCode = form.patient?.address?.postalCode?.trim();
  const commune = form.patient?.address?.city?.trim();
  return {
    modality: form.exam?.modality ?? 'radiography',
    ...(isIndication(code) ? { indication: code } : {}),
    from: now.toISOString(),
    to: new Date(to).toISOString(),
    ...(postalCode && /^\d{5}$/.test(postalCode) ? { postalCode } : {}),
    ...(commune ? { commune: commune.slice(0, 100) } : {}),
    ambulatory,
    ...(!ambulatory && form.patient?.mobilityAid ? { mobilityAid: form.patient.mobilityAid } : {}),
    pacemaker: form.patient?.pacemaker === true,
  };
}

function isIndication(code: unknown): code is IndicationCode {
  return (INDICATION_CODES as readonly unknown[]).includes(code);
}
