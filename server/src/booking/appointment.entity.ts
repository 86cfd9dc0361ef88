import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AppointmentStatus, ImagingResult } from '@creneau/contracts';

/** A request booked into a slot, and the centre's answer. */
@Entity({ name: 'appointment' })
export class Appointment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @Column({ name: 'slot_id', type: 'uuid' })
  slotId!: string;

  @Column({ name: 'centre_id', type: 'uuid' })
  centreId!: string;

  @Column({ type: 'text' })
  status!: AppointmentStatus;

  @Column({ name: 'booked_by', type: 'uuid', nullable: true })
  bookedBy!: string | null;

  @Column({ name: 'booked_at', type: 'timestamptz', insert: false, update: false })
  bookedAt!: Date;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'imaging_result', type: 'text', nullable: true })
  imagingResult!: ImagingResult | null;

  @Column({ name: 'result_note', type: 'text', nullable: true })
  resultNote!: string | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;
}
