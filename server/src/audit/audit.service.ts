import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuditEventView } from '@creneau/contracts';
import type { Actor } from '../access/actor';
import { AuditEvent } from './audit-event.entity';

export interface AuditEntry {
  actor: Pick<Actor, 'accountId'> | null;
  action: string;
  entity: string;
  entityId?: string | null;
  imagingRequestId?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditQuery {
  imagingRequestId?: string;
  accountId?: string;
  entity?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
  limit: number;
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Writes one line; pass the transaction's manager so that the line and the change commit together. */
  async record(entry: AuditEntry, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `INSERT INTO audit_event (account_id, action, entity, entity_id, imaging_request_id, reason, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        entry.actor?.accountId ?? null,
        entry.action,
        entry.entity,
        entry.entityId ?? null,
        entry.imagingRequestId ?? null,
        entry.reason ?? null,
        JSON.stringify(entry.details ?? {}),
      ],
    );
  }

  async find(query: AuditQuery): Promise<AuditEventView[]> {
    const builder = this.dataSource
      .createQueryBuilder(AuditEvent, 'event')
      .leftJoin('account', 'account', 'account.id = event.account_id')
      .select('event.id', 'id')
      .addSelect('event.occurred_at', 'occurredAt')
      .addSelect('event.account_id', 'accountId')
      .addSelect('account.email', 'accountEmail')
      .addSelect('event.action', 'action')
      .addSelect('event.entity', 'entity')
      .addSelect('event.entity_id', 'entityId')
      .addSelect('event.imaging_request_id', 'imagingRequestId')
      .addSelect('event.reason', 'reason')
      .addSelect('event.details', 'details')
      .orderBy('event.occurred_at', 'DESC')
      .addOrderBy('event.id', 'DESC')
      .limit(query.limit);
    if (query.imagingRequestId) builder.andWhere('event.imaging_request_id = :imagingRequestId', query);
    if (query.accountId) builder.andWhere('event.account_id = :accountId', query);
    if (query.entity) builder.andWhere('event.entity = :entity', query);
    if (query.entityId) builder.andWhere('event.entity_id = :entityId', query);
    if (query.from) builder.andWhere('event.occurred_at >= :from', query);
    if (query.to) builder.andWhere('event.occurred_at < :to', query);
    const rows = await builder.getRawMany<AuditEventView & { occurredAt: Date }>();
    return rows.map((row) => ({ ...row, id: String(row.id), occurredAt: row.occurredAt.toISOString() }));
  }
}
