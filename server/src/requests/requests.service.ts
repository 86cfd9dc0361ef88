import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type {
  ImagingRequestDraft,
  RequestAssessment,
  RequestCommentView,
  RequestEventView,
  RequestStatus,
  RequestSummary,
  RequestView,
  SafetyCheckCode,
} from '@creneau/contracts';
import { assessRequest, localDateOf, problemsByField, requestDeadlines } from '@creneau/domain';
import type { Actor } from '../access/actor';
import { AuditService } from '../audit/audit.service';
import { recordCommentEvent, recordLiveEvent } from '../live/live-events';
import { Territory } from '../territory/territory.entity';
import { CommentDto, RequestInputDto, RequestListQueryDto, UpdateRequestDto } from './dto/request-input.dto';
import { appointmentViews, currentAppointment } from './appointment-views';
import { ImagingRequestEntity } from './imaging-request.entity';
import { assessmentOf } from './request-assessment';
import { formShapeProblems } from './request-form';
import { recordRequestEvent } from './request-history';

const EDITABLE: readonly RequestStatus[] = ['incomplete', 'to-book'];
const OPEN: readonly RequestStatus[] = ['incomplete', 'to-book', 'booked'];
const LIST_LIMIT = 500;

@Injectable()
export class RequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, input: RequestInputDto): Promise<RequestView> {
    const form = this.formFor(actor, input.form);
    return this.dataSource.transaction(async (manager) => {
      const territory = await manager.findOneOrFail(Territory, { where: {}, order: { createdAt: 'ASC' } });
      const assessment = assessOrRefuse(form, territory.timezone, input.confirmations ?? [], null);
      const receivedAt = new Date();
      const deadlines = requestDeadlines(receivedAt, territory);
      const [{ number }] = (await manager.query(`SELECT nextval('imaging_request_number') AS number`)) as { number: string }[];
      const request = await manager.save(
        manager.create(ImagingRequestEntity, {
          reference: `CR-${receivedAt.getUTCFullYear()}-${number.padStart(6, '0')}`,
          territoryId: territory.id,
          ...columnsOf(form, assessment),
          status: statusFor(assessment),
          confirmations: input.confirmations ?? [],
          receivedAt,
          targetAt: deadlines.target,
          maximumAt: deadlines.maximum,
          createdBy: actor.accountId,
        }),
      );
      await recordRequestEvent(manager, {
        requestId: request.id,
        accountId: actor.accountId,
        action: 'create',
        toStatus: request.status,
      });
      await recordLiveEvent(manager, 'request.created', request.id);
      await this.audit.record(
        { actor, action: 'create', entity: 'imaging-request', entityId: request.id, imagingRequestId: request.id },
        manager,
      );
      return this.view(manager, request.id);
    });
  }

  /** Replaces the form (while not booked); the gate runs again and the status follows. */
  async update(actor: Actor, id: string, input: UpdateRequestDto): Promise<RequestView> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.findVisible(manager, actor, id, true);
      if (!EDITABLE.includes(request.status))
        throw new ConflictException('Une demande réservée ne se modifie plus : annulez d’abord le rendez-vous.');
      const form = this.formFor(actor, input.form);
      const territory = await manager.findOneByOrFail(Territory, { id: request.territoryId });
      const override = request.overrideBy
        ? { coordinatorAccountId: request.overrideBy, reason: request.overrideReason ?? '' }
        : null;
      const assessment = assessOrRefuse(form, territory.timezone, input.confirmations ?? [], override);
      const status = statusFor(assessment);
      await manager.update(
        ImagingRequestEntity,
        { id },
        {
          ...columnsOf(form, assessment),
          status,
          confirmations: input.confirmations ?? [],
          version: request.version + 1,
          updatedAt: new Date(),
        },
      );
      await recordRequestEvent(manager, {
        requestId: id,
        accountId: actor.accountId,
        action: 'update',
        fromStatus: request.status,
        toStatus: status,
        reason: input.reason,
      });
      await recordLiveEvent(manager, 'request.updated', id);
      await this.audit.record(
        { actor, action: 'update', entity: 'imaging-request', entityId: id, imagingRequestId: id, reason: input.reason },
        manager,
      );
      return this.view(manager, id);
    });
  }

  /** A coordinator allows an outside-protocol request to be booked; counted separately in the indicators. */
  async override(actor: Actor, id: string, reason: string): Promise<RequestView> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.findVisible(manager, actor, id, true);
      if (!request.outsideProtocol)
        throw new UnprocessableEntityException('Cette demande est dans le protocole : aucune dérogation à donner.');
      const territory = await manager.findOneByOrFail(Territory, { id: request.territoryId });
      const assessment = assessOrRefuse(request.form, territory.timezone, request.confirmations, {
        coordinatorAccountId: actor.accountId,
        reason,
      });
      await manager.update(
        ImagingRequestEntity,
        { id },
        {
          overrideBy: actor.accountId,
          overrideReason: reason,
          readiness: assessment.readiness,
          version: request.version + 1,
          updatedAt: new Date(),
        },
      );
      await recordRequestEvent(manager, { requestId: id, accountId: actor.accountId, action: 'override', reason });
      await recordLiveEvent(manager, 'request.updated', id);
      await this.audit.record(
        { actor, action: 'override', entity: 'imaging-request', entityId: id, imagingRequestId: id, reason },
        manager,
      );
      return this.view(manager, id);
    });
  }

  async get(actor: Actor, id: string): Promise<RequestView> {
    await this.findVisible(this.dataSource.manager, actor, id);
    await this.audit.record({ actor, action: 'read', entity: 'imaging-request', entityId: id, imagingRequestId: id });
    return this.view(this.dataSource.manager, id);
  }

  /** The queue, most urgent first (the 72 h maximum), scoped to what the caller may see. */
  async list(actor: Actor, query: RequestListQueryDto): Promise<RequestSummary[]> {
    const builder = this.dataSource.manager
      .createQueryBuilder(ImagingRequestEntity, 'r')
      .orderBy('r.maximum_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(LIST_LIMIT);
    if (query.status === 'open') builder.andWhere('r.status = ANY(:open)', { open: OPEN });
    else if (query.status) builder.andWhere('r.status = :status', { status: query.status });
    if (query.q) {
      builder.andWhere('(r.patient_name ILIKE :q OR r.doctor_name ILIKE :q OR r.reference ILIKE :q)', {
        q: `%${escapeLike(query.q)}%`,
      });
    }
    scopeRequests(builder, actor);
    const requests = await builder.getMany();
    const appointments = await appointmentViews(
      this.dataSource.manager,
      requests.map((r) => r.id),
    );
    if (requests.length > 0) {
      await this.audit.record({
        actor,
        action: 'list',
        entity: 'imaging-request',
        details: { count: requests.length, ids: requests.map((r) => r.id) },
      });
    }
    return requests.map((request) =>
      toSummary(
        request,
        appointments.filter((a) => a.requestId === request.id),
      ),
    );
  }

  async history(actor: Actor, id: string): Promise<RequestEventView[]> {
    await this.findVisible(this.dataSource.manager, actor, id);
    const rows = (await this.dataSource.query(
      `SELECT e.id, e.occurred_at, e.account_id, a.display_name, e.action, e.from_status, e.to_status, e.reason, e.appointment_id
         FROM request_event e LEFT JOIN account a ON a.id = e.account_id WHERE e.request_id = $1 ORDER BY e.id`,
      [id],
    )) as {
      id: string;
      occurred_at: Date;
      account_id: string | null;
      display_name: string | null;
      action: string;
      from_status: string | null;
      to_status: string | null;
      reason: string | null;
      appointment_id: string | null;
    }[];
    return rows.map((row) => ({
      id: String(row.id),
      occurredAt: row.occurred_at.toISOString(),
      accountId: row.account_id,
      accountName: row.display_name,
      action: row.action,
      fromStatus: row.from_status,
      toStatus: row.to_status,
      reason: row.reason,
      appointmentId: row.appointment_id,
    }));
  }

  async comments(actor: Actor, id: string): Promise<RequestCommentView[]> {
    await this.findVisible(this.dataSource.manager, actor, id);
    const rows = (await this.dataSource.query(
      `SELECT c.id, c.account_id, a.display_name, a.role, c.body, c.created_at
         FROM request_comment c JOIN account a ON a.id = c.account_id WHERE c.request_id = $1 ORDER BY c.created_at, c.id`,
      [id],
    )) as { id: string; account_id: string; display_name: string; role: string; body: string; created_at: Date }[];
    await this.audit.record({ actor, action: 'read-comments', entity: 'imaging-request', entityId: id, imagingRequestId: id });
    return rows.map((row) => ({
      id: row.id,
      accountId: row.account_id,
      authorName: row.display_name,
      authorRole: row.role,
      body: row.body,
      createdAt: row.created_at.toISOString(),
    }));
  }

  async addComment(actor: Actor, id: string, dto: CommentDto): Promise<RequestCommentView> {
    return this.dataSource.transaction(async (manager) => {
      await this.findVisible(manager, actor, id);
      const [row] = (await manager.query(
        `INSERT INTO request_comment (request_id, account_id, body) VALUES ($1, $2, $3) RETURNING id, created_at`,
        [id, actor.accountId, dto.body],
      )) as { id: string; created_at: Date }[];
      await recordCommentEvent(manager, row.id);
      await this.audit.record(
        {
          actor,
          action: 'comment',
          entity: 'imaging-request',
          entityId: id,
          imagingRequestId: id,
          details: { commentId: row.id },
        },
        manager,
      );
      return {
        id: row.id,
        accountId: actor.accountId,
        authorName: actor.displayName,
        authorRole: actor.role,
        body: dto.body,
        createdAt: row.created_at.toISOString(),
      };
    });
  }

  /** The request, if the caller may see it (404 otherwise, so that ids reveal nothing). */
  async findVisible(manager: EntityManager, actor: Actor, id: string, lock = false): Promise<ImagingRequestEntity> {
    const request = await manager.findOne(ImagingRequestEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!request || !(await this.maySee(manager, actor, request))) throw new NotFoundException('Demande introuvable.');
    return request;
  }

  async view(manager: EntityManager, id: string): Promise<RequestView> {
    const request = await manager.findOneByOrFail(ImagingRequestEntity, { id });
    const territory = await manager.findOneByOrFail(Territory, { id: request.territoryId });
    const appointments = await appointmentViews(manager, [id]);
    return {
      ...toSummary(request, appointments),
      form: request.form,
      confirmations: request.confirmations,
      assessment: assessmentOf(
        {
          form: request.form,
          confirmations: request.confirmations,
          override_by: request.overrideBy,
          override_reason: request.overrideReason,
          received_at: request.receivedAt,
        },
        territory.timezone,
      ),
      override: request.overrideBy ? { by: request.overrideBy, reason: request.overrideReason ?? '' } : null,
      appointments,
    };
  }

  private async maySee(manager: EntityManager, actor: Actor, request: ImagingRequestEntity): Promise<boolean> {
    switch (actor.role) {
      case 'secretariat':
      case 'coordinator':
      case 'admin':
        return true;
      case 'doctor':
        return actor.rpps !== null && request.doctorRpps === actor.rpps;
      case 'centre': {
        const rows = (await manager.query(`SELECT 1 FROM appointment WHERE request_id = $1 AND centre_id = ANY ($2) LIMIT 1`, [
          request.id,
          actor.centreIds,
        ])) as unknown[];
        return rows.length > 0;
      }
    }
  }

  /** A doctor submits online, for themselves. */
  private formFor(actor: Actor, form: ImagingRequestDraft): ImagingRequestDraft {
    const problems = formShapeProblems(form);
    if (problems.length > 0) throw invalidForm(problemsByField(problems.map((p) => ({ ...p, field: `form.${p.field}` }))));
    if (actor.role !== 'doctor') return form;
    if (form.doctor?.rpps && form.doctor.rpps !== actor.rpps)
      throw new ForbiddenException('Un médecin dépose ses propres demandes.');
    return { ...form, doctor: { ...form.doctor, rpps: actor.rpps }, channel: 'web' };
  }
}

function assessOrRefuse(
  form: ImagingRequestDraft,
  timezone: string,
  confirmations: readonly SafetyCheckCode[],
  override: { coordinatorAccountId: string; reason: string } | null,
): RequestAssessment {
  const assessment = assessRequest(form, { today: localDateOf(new Date(), timezone), confirmations, override });
  if (assessment.invalid.length > 0) {
    throw invalidForm(problemsByField(assessment.invalid.map((p) => ({ ...p, field: `form.${p.field}` }))));
  }
  return assessment;
}

function invalidForm(fields: Record<string, string[]>): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: 'Bon de demande invalide : voir les champs en erreur.',
    fields,
  });
}

function statusFor(assessment: RequestAssessment): RequestStatus {
  return assessment.readiness === 'incomplete' ? 'incomplete' : 'to-book';
}

/** What the queue, the scoping and the indicators read without opening the form. */
function columnsOf(form: ImagingRequestDraft, assessment: RequestAssessment): Partial<ImagingRequestEntity> {
  const patient = [form.patient?.lastName?.toUpperCase(), form.patient?.firstName].filter(Boolean).join(' ');
  return {
    form,
    readiness: assessment.readiness,
    missingFields: assessment.missing.map((problem) => problem.field),
    outsideProtocol: assessment.outsideProtocol,
    modality: form.exam?.modality ?? null,
    suspectedDiagnosis: form.suspectedDiagnosis?.code ?? null,
    doctorRpps: form.doctor?.rpps ?? null,
    doctorName: form.doctor?.name ?? null,
    patientName: patient || null,
    channel: form.channel ?? null,
  };
}

function toSummary(request: ImagingRequestEntity, appointments: Parameters<typeof currentAppointment>[0]): RequestSummary {
  return {
    id: request.id,
    reference: request.reference,
    status: request.status,
    readiness: request.readiness,
    patientName: request.patientName,
    doctorName: request.doctorName,
    modality: request.modality,
    suspectedDiagnosis: request.suspectedDiagnosis,
    receivedAt: request.receivedAt.toISOString(),
    targetAt: request.targetAt.toISOString(),
    maximumAt: request.maximumAt.toISOString(),
    missingFields: request.missingFields,
    refusalCount: request.refusalCount,
    lastRefusalReason: request.lastRefusalReason,
    nearTargetAt: request.nearTargetAt?.toISOString() ?? null,
    overDeadlineAt: request.overDeadlineAt?.toISOString() ?? null,
    appointment: currentAppointment(appointments),
    version: request.version,
  };
}

function scopeRequests(builder: ReturnType<EntityManager['createQueryBuilder']>, actor: Actor): void {
  if (actor.role === 'doctor') builder.andWhere('r.doctor_rpps = :rpps', { rpps: actor.rpps ?? '' });
  if (actor.role === 'centre') {
    builder.andWhere('EXISTS (SELECT 1 FROM appointment a WHERE a.request_id = r.id AND a.centre_id = ANY(:centres))', {
      centres: actor.centreIds,
    });
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
