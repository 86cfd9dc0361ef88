import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CentreSector, IndicationCode, Modality } from '@creneau/contracts';
import type { Territory } from './territory.entity';

/** An imaging site of the territory, public (hospital) or private. */
@Entity({ name: 'centre' })
export class Centre {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'territory_id', type: 'uuid' })
  territoryId!: string;

  @ManyToOne('Territory', (territory: Territory) => territory.centres, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'territory_id' })
  territory!: Territory;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  sector!: CentreSector;

  @Column({ type: 'text' })
  organisation!: string;

  @Column({ name: 'street_address', type: 'text' })
  streetAddress!: string;

  @Column({ type: 'text' })
  postcode!: string;

  @Column({ type: 'text' })
  city!: string;

  @Column({ type: 'double precision' })
  latitude!: number;

  @Column({ type: 'double precision' })
  longitude!: number;

  @Column({ type: 'text' })
  phone!: string;

  @Column({ name: 'secure_email', type: 'text' })
  secureEmail!: string;

  @Column({ type: 'text', array: true })
  modalities!: Modality[];

  @Column({ name: 'wheelchair_accessible', type: 'boolean' })
  wheelchairAccessible!: boolean;

  @Column({ name: 'stretcher_accessible', type: 'boolean' })
  stretcherAccessible!: boolean;

  @Column({ name: 'accepts_mr_conditional_pacemaker', type: 'boolean' })
  acceptsMrConditionalPacemaker!: boolean;

  /** Indications accepted across its modalities; empty: every retained indication of its modalities. */
  @Column({ name: 'accepted_indications', type: 'text', array: true, default: [] })
  acceptedIndications!: IndicationCode[];

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
