import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { IndicationCode, Modality } from '@creneau/contracts';

export type SlotStatus = 'open' | 'released' | 'withdrawn';
export type SlotOrigin = 'manual' | 'rule' | 'ical' | 'fhir';

/**
 * A reserved semi-urgent time range at one centre. Only `status` is stored; free / held / booked
 * follow from `bookedCount` against `capacity` and from the live holds.
 */
@Entity({ name: 'slot' })
export class Slot {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'centre_id', type: 'uuid' })
  centreId!: string;

  @Column({ type: 'text' })
  modality!: Modality;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'integer', default: 1 })
  capacity!: number;

  @Column({ name: 'booked_count', type: 'integer', default: 0 })
  bookedCount!: number;

  @Column({ type: 'text', default: 'open' })
  status!: SlotStatus;

  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason!: string | null;

  /** Indications this slot accepts; null: whatever its centre accepts for the modality. */
  @Column({ type: 'text', array: true, nullable: true })
  indications!: IndicationCode[] | null;

  /** When an unused slot goes back to the centre's own agenda. */
  @Column({ name: 'release_at', type: 'timestamptz' })
  releaseAt!: Date;

  @Column({ type: 'text' })
  origin!: SlotOrigin;

  @Column({ name: 'rule_id', type: 'uuid', nullable: true })
  ruleId!: string | null;

  @Column({ name: 'source_id', type: 'uuid', nullable: true })
  sourceId!: string | null;

  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId!: string | null;

  /** What an import brought and Créneau keeps as is (booking deep link, phone, location). */
  @Column({ name: 'external_details', type: 'jsonb', default: {} })
  externalDetails!: Record<string, unknown>;

  /** Set when a booked imported slot vanished from its source: the coordinator must look. */
  @Column({ name: 'import_conflict', type: 'text', nullable: true })
  importConflict!: string | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', insert: false })
  updatedAt!: Date;
}
