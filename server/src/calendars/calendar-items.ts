import { ICalEventStatus } from 'ical-generator';
import { MODALITY_LABELS, type AppointmentStatus } from '@creneau/contracts';
import type { CalendarItem } from './calendar-item';
import type { AppointmentRow, CentreColumns, SlotRow } from './calendar-rows';

const APPOINTMENT_STATUS: Record<AppointmentStatus, { status: ICalEventStatus; label: string; prefix: string }> = {
  booked: { status: ICalEventStatus.TENTATIVE, label: 'réservé, en attente de confirmation du centre', prefix: 'À confirmer : ' },
  confirmed: { status: ICalEventStatus.CONFIRMED, label: 'confirmé par le centre', prefix: '' },
  done: { status: ICalEventStatus.CONFIRMED, label: 'examen réalisé', prefix: '' },
  'no-show': { status: ICalEventStatus.CONFIRMED, label: 'patient absent', prefix: '' },
  refused: { status: ICalEventStatus.CANCELLED, label: 'refusé par le centre', prefix: 'Refusé : ' },
  cancelled: { status: ICalEventStatus.CANCELLED, label: 'annulé', prefix: 'Annulé : ' },
};

export function appointmentItem(row: AppointmentRow): CalendarItem {
  const state = APPOINTMENT_STATUS[row.status];
  const exam = examLabel(row);
  return {
    uid: `appointment-${row.id}@creneau`,
    sequence: row.version,
    status: state.status,
    start: row.starts_at,
    end: row.ends_at,
    modifiedAt: row.modified_at,
    summary: `${state.prefix}${[row.patient_name, MODALITY_LABELS[row.modality], row.reference, row.centre_name].filter(Boolean).join(' — ')}`,
    description: [
      `Demande ${row.reference}`,
      ...(row.patient_name ? [`Patient : ${row.patient_name}`] : []),
      `Examen : ${exam}`,
      `Centre : ${row.centre_name} — tél. ${row.phone}`,
      `Statut : ${state.label}`,
    ].join('\n'),
    location: address(row),
  };
}

export function slotItem(row: SlotRow): CalendarItem {
  const modality = MODALITY_LABELS[row.modality];
  const open = row.status === 'open';
  return {
    uid: `slot-${row.id}@creneau`,
    sequence: row.version,
    status: open ? ICalEventStatus.CONFIRMED : ICalEventStatus.CANCELLED,
    start: row.starts_at,
    end: row.ends_at,
    modifiedAt: row.updated_at,
    summary: open
      ? `Créneau semi-urgent — ${modality} — ${places(row)}`
      : `Créneau semi-urgent ${row.status === 'withdrawn' ? 'retiré' : 'rendu au centre'} — ${modality}`,
    description: [
      'Plage réservée aux demandes d’imagerie semi-urgentes de la CPTS (Créneau).',
      `Places prises : ${row.booked_count} sur ${row.capacity}`,
    ].join('\n'),
    location: address(row),
  };
}

/** "Scanner — Abdomen et pelvis, sans injection": what is done, never why. */
export function examLabel(row: Pick<AppointmentRow, 'modality' | 'region' | 'contrast'>): string {
  const contrast = row.contrast === 'true' ? ', avec injection' : row.contrast === 'false' ? ', sans injection' : '';
  return `${MODALITY_LABELS[row.modality]}${row.region ? ` — ${row.region}` : ''}${contrast}`;
}

export function address(row: CentreColumns): string {
  return `${row.centre_name}, ${row.street_address}, ${row.postcode} ${row.city}`;
}

function places(row: SlotRow): string {
  if (row.capacity === 1) return row.booked_count === 0 ? 'libre' : 'réservé';
  return row.booked_count === 0 ? `${row.capacity} places libres` : `${row.booked_count}/${row.capacity} places prises`;
}
