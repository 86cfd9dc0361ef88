import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { IndicationCode, Modality } from '@creneau/contracts';

/** A recurring publication of slots (RFC 5545 RRULE in the territory's local time). */
@Entity({ name: 'slot_rule' })
export class SlotRule {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'centre_id', type: 'uuid' })
  centreId!: string;

  @Column({ type: 'text' })
  modality!: Modality;

  @Column({ type: 'text' })
  rrule!: string;

  @Column({ name: 'start_local', type: 'text' })
  startLocal!: string;

  @Column({ name: 'duration_minutes', type: 'integer' })
  durationMinutes!: number;

  @Column({ type: 'integer', default: 1 })
  capacity!: number;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil!: string | null;

  @Column({ type: 'date', array: true, default: [] })
  exceptions!: string[];

  @Column({ type: 'text', array: true, nullable: true })
  indications!: IndicationCode[] | null;

  @Column({ name: 'release_cutoff_minutes', type: 'integer', default: 120 })
  releaseCutoffMinutes!: number;

  @Column({ name: 'stopped_at', type: 'timestamptz', nullable: true })
  stoppedAt!: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', insert: false })
  updatedAt!: Date;

  @Column({ type: 'integer', default: 1 })
  version!: number;
}
