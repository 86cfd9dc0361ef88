import {
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { AccountSummary } from '@creneau/contracts';
import type { Actor } from '../access/actor';
import { AuditService } from '../audit/audit.service';
import { Centre } from '../territory/centre.entity';
import { AccountCentre } from './account-centre.entity';
import { Account } from './account.entity';
import { toAccountSummary } from './account-summary';
import { CreateAccountDto } from './dto/create-account.dto';
import { UpdateAccountDto } from './dto/update-account.dto';
import { hashPassword } from './password-hasher';
import { SessionService } from './session.service';

@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<AccountSummary[]> {
    const accounts = await this.dataSource.manager.find(Account, { relations: { centres: true }, order: { email: 'ASC' } });
    return accounts.map(toAccountSummary);
  }

  async summary(id: string): Promise<AccountSummary> {
    return toAccountSummary(await this.findOrFail(this.dataSource.manager, id));
  }

  async create(actor: Actor, dto: CreateAccountDto): Promise<AccountSummary> {
    assertMayManage(actor, dto.role);
    if (dto.role !== 'centre' && dto.centreIds?.length) {
      throw new UnprocessableEntityException('Seuls les comptes de centre sont rattachés à des centres.');
    }
    if (dto.role === 'centre' && !dto.centreIds?.length) {
      throw new UnprocessableEntityException('Un compte de centre est rattaché à au moins un centre.');
    }
    const email = dto.email.trim().toLowerCase();
    const passwordHash = await hashPassword(dto.password);
    const id = await this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(Account, { email })) throw new ConflictException('Un compte existe déjà avec cette adresse.');
      const account = await manager.save(
        manager.create(Account, { email, displayName: dto.displayName, role: dto.role, rpps: dto.rpps ?? null, passwordHash }),
      );
      await this.linkCentres(manager, account.id, dto.centreIds ?? []);
      await this.audit.record(
        {
          actor,
          action: 'create',
          entity: 'account',
          entityId: account.id,
          reason: dto.reason,
          details: { role: dto.role, email },
        },
        manager,
      );
      return account.id;
    });
    return this.summary(id);
  }

  async update(actor: Actor, id: string, dto: UpdateAccountDto): Promise<AccountSummary> {
    const disabling = await this.dataSource.transaction(async (manager) => {
      const account = await this.findOrFail(manager, id, true);
      assertMayManage(actor, account.role);
      if (dto.disabled && account.id === actor.accountId)
        throw new ForbiddenException('Vous ne pouvez pas désactiver votre propre compte.');
      if (dto.centreIds !== undefined) {
        if (account.role !== 'centre')
          throw new UnprocessableEntityException('Seuls les comptes de centre sont rattachés à des centres.');
        if (dto.centreIds.length === 0)
          throw new UnprocessableEntityException('Un compte de centre est rattaché à au moins un centre.');
        await manager.delete(AccountCentre, { accountId: id });
        await this.linkCentres(manager, id, dto.centreIds);
      }
      const changes: Partial<Account> = {};
      if (dto.displayName !== undefined) changes.displayName = dto.displayName;
      if (dto.disabled !== undefined) changes.disabledAt = dto.disabled ? (account.disabledAt ?? new Date()) : null;
      if (Object.keys(changes).length > 0) await manager.update(Account, { id }, changes);
      const action = dto.disabled === true ? 'disable' : dto.disabled === false ? 'enable' : 'update';
      await this.audit.record(
        {
          actor,
          action,
          entity: 'account',
          entityId: id,
          reason: dto.reason,
          details: { fields: changedFields(dto) },
        },
        manager,
      );
      return dto.disabled === true;
    });
    // A disabled account is refused at once: its sessions end now, not at their expiry.
    if (disabling) await this.sessions.closeAllOf(id);
    return this.summary(id);
  }

  private async findOrFail(manager: EntityManager, id: string, lock = false): Promise<Account> {
    const account = await manager.findOne(Account, {
      where: { id },
      relations: { centres: true },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const, tables: ['account'] } } : {}),
    });
    if (!account) throw new NotFoundException('Compte introuvable.');
    return account;
  }

  private async linkCentres(manager: EntityManager, accountId: string, centreIds: string[]): Promise<void> {
    const unique = [...new Set(centreIds)];
    if (unique.length === 0) return;
    const found = await manager.countBy(Centre, { id: In(unique) });
    if (found !== unique.length) throw new UnprocessableEntityException('Centre inconnu dans la liste.');
    await manager.insert(
      AccountCentre,
      unique.map((centreId) => ({ accountId, centreId })),
    );
  }
}

/** Coordinators manage every account but administrators'; only an administrator manages administrators. */
function assertMayManage(actor: Actor, role: Account['role']): void {
  if (role === 'admin' && actor.role !== 'admin') {
    throw new ForbiddenException('Seul un administrateur gère les comptes administrateur.');
  }
}

/** The fields a PATCH really sets: absent ones arrive as undefined properties of the DTO. */
function changedFields(dto: UpdateAccountDto): string[] {
  return Object.entries(dto)
    .filter(([key, value]) => key !== 'reason' && value !== undefined)
    .map(([key]) => key);
}
