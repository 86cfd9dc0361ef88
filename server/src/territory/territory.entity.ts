import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { Centre } from './centre.entity';

/** A CPTS: its timezone drives every rule and display; its delays are the protocol's. */
@Entity({ name: 'territory' })
export class Territory {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  name!: string;

  @Column({ type: 'text' })
  timezone!: string;

  @Column({ name: 'target_delay_hours', type: 'integer' })
  targetDelayHours!: number;

  @Column({ name: 'maximum_delay_hours', type: 'integer' })
  maximumDelayHours!: number;

  @OneToMany('Centre', (centre: Centre) => centre.territory)
  centres!: Centre[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
