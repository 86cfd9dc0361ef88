import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CalendarFeedAccess, CalendarFeedView } from '@creneau/contracts';
import type { Actor } from '../access/actor';
import { assertMayActForCentre } from '../access/centre-scope';
import { AuditService } from '../audit/audit.service';
import { CreateFeedDto } from './dto/feed.dto';
import { feedPath, newFeedToken } from './feed-token';
import { FEED_SELECT, FeedRow, toFeedView } from './feed-view';

/**
 * Who manages a feed, with managerParams ($1 role, $2 centres, $3 account): the coordination every
 * feed; the secretariat the secretariat's; centre staff their centres' and their own.
 */
const MANAGEABLE = `($1 IN ('coordinator', 'admin')
  OR ($1 = 'secretariat' AND f.scope = 'secretariat')
  OR ($1 = 'centre' AND ((f.scope = 'centre' AND f.centre_id = ANY ($2::uuid[])) OR f.account_id = $3::uuid)))`;

function managerParams(actor: Actor): [string, string[], string] {
  return [actor.role, actor.centreIds, actor.accountId];
}

const SECRETARIAT_MANAGERS: readonly Actor['role'][] = ['secretariat', 'coordinator', 'admin'];

/**
 * Feeds and their tokens: a centre's (its staff, the coordination), a centre-staff account's own
 * (its centres), the secretariat's (the territory's appointments). Every change is audited.
 */
@Injectable()
export class CalendarFeedsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor): Promise<CalendarFeedView[]> {
    const rows = (await this.dataSource.query(
      `${FEED_SELECT} WHERE ${MANAGEABLE} ORDER BY f.revoked_at IS NOT NULL, f.created_at DESC, f.id`,
      managerParams(actor),
    )) as FeedRow[];
    return rows.map(toFeedView);
  }

  async create(actor: Actor, dto: CreateFeedDto): Promise<CalendarFeedAccess> {
    if (dto.scope !== 'centre' && dto.centreId !== undefined) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Requête invalide : voir les champs en erreur.',
        fields: { centreId: ['seulement pour un flux de centre (scope: centre)'] },
      });
    }
    return this.dataSource.transaction(async (manager) => {
      const territoryId = await this.territoryFor(manager, actor, dto);
      const { token, hash } = newFeedToken();
      const [{ id }] = (await manager.query(
        `INSERT INTO calendar_feed (scope, territory_id, centre_id, account_id, label, token_hash, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          dto.scope,
          territoryId,
          dto.scope === 'centre' ? dto.centreId : null,
          dto.scope === 'account' ? actor.accountId : null,
          dto.label,
          hash,
          actor.accountId,
        ],
      )) as { id: string }[];
      await this.audit.record(
        {
          actor,
          action: 'create',
          entity: 'calendar-feed',
          entityId: id,
          details: { scope: dto.scope, centreId: dto.centreId ?? null },
        },
        manager,
      );
      return { ...(await this.view(manager, id)), token, path: feedPath(token) };
    });
  }

  /** For good: the token then gets a 404, and the feed cannot be regenerated. */
  async revoke(actor: Actor, id: string, reason: string): Promise<CalendarFeedView> {
    return this.dataSource.transaction(async (manager) => {
      await this.findLive(manager, actor, id);
      await manager.query(`UPDATE calendar_feed SET revoked_at = now(), revoked_by = $2 WHERE id = $1`, [id, actor.accountId]);
      await this.audit.record({ actor, action: 'revoke', entity: 'calendar-feed', entityId: id, reason }, manager);
      return this.view(manager, id);
    });
  }

  /** A new token for the same feed (same events, same UIDs): the old address gets a 404 from now on. */
  async regenerate(actor: Actor, id: string, reason: string): Promise<CalendarFeedAccess> {
    return this.dataSource.transaction(async (manager) => {
      await this.findLive(manager, actor, id);
      const { token, hash } = newFeedToken();
      await manager.query(`UPDATE calendar_feed SET token_hash = $2, token_created_at = now() WHERE id = $1`, [id, hash]);
      await this.audit.record({ actor, action: 'regenerate-token', entity: 'calendar-feed', entityId: id, reason }, manager);
      return { ...(await this.view(manager, id)), token, path: feedPath(token) };
    });
  }

  /** The territory the new feed reads, once the caller is known to may create it. */
  private async territoryFor(manager: EntityManager, actor: Actor, dto: CreateFeedDto): Promise<string> {
    if (dto.scope === 'centre') {
      const [centre] = (await manager.query(`SELECT territory_id FROM centre WHERE id = $1`, [dto.centreId])) as {
        territory_id: string;
      }[];
      if (!centre) throw new NotFoundException('Centre introuvable.');
      assertMayActForCentre(actor, dto.centreId as string);
      return centre.territory_id;
    }
    if (dto.scope === 'account' && actor.role !== 'centre') {
      throw new ForbiddenException('Un flux personnel est réservé aux comptes des centres (radiologues).');
    }
    if (dto.scope === 'secretariat' && !SECRETARIAT_MANAGERS.includes(actor.role)) {
      throw new ForbiddenException('Le flux du télésecrétariat est géré par le télésecrétariat et la coordination.');
    }
    // One territory per deployment for now (as centres and requests assume).
    const [territory] = (await manager.query(`SELECT id FROM territory ORDER BY created_at LIMIT 1`)) as { id: string }[];
    if (!territory) throw new NotFoundException('Aucun territoire n’est configuré.');
    return territory.id;
  }

  /** A feed the caller manages and that is not revoked: 404 when not theirs, so that ids reveal nothing. */
  private async findLive(manager: EntityManager, actor: Actor, id: string): Promise<void> {
    const [row] = (await manager.query(`SELECT f.revoked_at FROM calendar_feed f WHERE f.id = $4 AND ${MANAGEABLE} FOR UPDATE`, [
      ...managerParams(actor),
      id,
    ])) as { revoked_at: Date | null }[];
    if (!row) throw new NotFoundException('Flux d’agenda introuvable.');
    if (row.revoked_at) throw new ConflictException('Ce flux est révoqué : créez-en un nouveau.');
  }

  private async view(manager: EntityManager, id: string): Promise<CalendarFeedView> {
    const [row] = (await manager.query(`${FEED_SELECT} WHERE f.id = $1`, [id])) as FeedRow[];
    return toFeedView(row);
  }
}
