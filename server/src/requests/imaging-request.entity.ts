import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ImagingRequestDraft, RequestReadiness, RequestStatus, SafetyCheckCode } from '@creneau/contracts';

/** "Bon de demande d'imagerie": the form as given, and what the queue and the indicators need beside it. */
@Entity({ name: 'imaging_request' })
export class ImagingRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  reference!: string;

  @Column({ name: 'territory_id', type: 'uuid' })
  territoryId!: string;

  @Column({ type: 'text' })
  status!: RequestStatus;

  @Column({ type: 'text' })
  readiness!: RequestReadiness;

  @Column({ type: 'jsonb' })
  form!: ImagingRequestDraft;

  @Column({ name: 'missing_fields', type: 'text', array: true, default: [] })
  missingFields!: string[];

  @Column({ type: 'text', array: true, default: [] })
  confirmations!: SafetyCheckCode[];

  @Column({ name: 'outside_protocol', type: 'boolean', default: false })
  outsideProtocol!: boolean;

  @Column({ name: 'override_by', type: 'uuid', nullable: true })
  overrideBy!: string | null;

  @Column({ name: 'override_reason', type: 'text', nullable: true })
  overrideReason!: string | null;

  @Column({ type: 'text', nullable: true })
  modality!: string | null;

  @Column({ name: 'suspected_diagnosis', type: 'text', nullable: true })
  suspectedDiagnosis!: string | null;

  @Column({ name: 'doctor_rpps', type: 'text', nullable: true })
  doctorRpps!: string | null;

  @Column({ name: 'doctor_name', type: 'text', nullable: true })
  doctorName!: string | null;

  @Column({ name: 'patient_name', type: 'text', nullable: true })
  patientName!: string | null;

  @Column({ type: 'text', nullable: true })
  channel!: string | null;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ name: 'target_at', type: 'timestamptz' })
  targetAt!: Date;

  @Column({ name: 'maximum_at', type: 'timestamptz' })
  maximumAt!: Date;

  @Column({ name: 'refusal_count', type: 'integer', default: 0 })
  refusalCount!: number;

  @Column({ name: 'last_refusal_reason', type: 'text', nullable: true })
  lastRefusalReason!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', insert: false })
  updatedAt!: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** Flags of the chase job, set once: near its target without an appointment, past its maximum. */
  @Column({ name: 'near_target_at', type: 'timestamptz', nullable: true })
  nearTargetAt!: Date | null;

  @Column({ name: 'over_deadline_at', type: 'timestamptz', nullable: true })
  overDeadlineAt!: Date | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;
}
