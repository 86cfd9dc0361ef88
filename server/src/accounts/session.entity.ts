import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A signed-in browser or client. The id is the SHA-256 of the cookie's token, never the token. */
@Entity({ name: 'session' })
export class Session {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId!: string;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false })
  createdAt!: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz', insert: false })
  lastSeenAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
