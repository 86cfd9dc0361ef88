import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ImportKind, Modality } from '@creneau/contracts';

/** A centre's own system that publishes its reserved slots: an iCal feed or a SMART Scheduling Links publication. */
@Entity({ name: 'import_source' })
export class ImportSource {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'centre_id', type: 'uuid' })
  centreId!: string;

  @Column({ type: 'text' })
  kind!: ImportKind;

  @Column({ type: 'text' })
  url!: string;

  /** iCal: text that marks an event as a reserved semi-urgent slot (in its summary or categories). */
  @Column({ type: 'text', nullable: true })
  marker!: string | null;

  /** Modality of the imported slots when the source does not say. */
  @Column({ type: 'text', nullable: true })
  modality!: Modality | null;

  @Column({ name: 'poll_interval_minutes', type: 'integer', default: 15 })
  pollIntervalMinutes!: number;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true })
  lastAttemptAt!: Date | null;

  @Column({ name: 'last_success_at', type: 'timestamptz', nullable: true })
  lastSuccessAt!: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'consecutive_failures', type: 'integer', default: 0 })
  consecutiveFailures!: number;

  @Column({ name: 'next_poll_at', type: 'timestamptz', insert: false })
  nextPollAt!: Date;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', insert: false })
  updatedAt!: Date;
}
