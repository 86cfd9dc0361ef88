import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A period when a centre takes no semi-urgent patient (works, staff shortage…), with its reason. */
@Entity({ name: 'centre_closure' })
export class CentreClosure {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'centre_id', type: 'uuid' })
  centreId!: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt!: Date;
}
