import { createHash, randomUUID } from 'node:crypto';
import { Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type {
  CentreSector,
  EvaluationImportProblem,
  EvaluationImportRejection,
  EvaluationImportResult,
} from '@creneau/contracts';
import type { Actor } from '../access/actor';
import { AuditService } from '../audit/audit.service';
import { fold } from './evaluation-csv/evaluation-columns';
import { readEvaluationFile } from './evaluation-csv/evaluation-file.reader';
import { parseEvaluationLine, type EvaluationRecord } from './evaluation-csv/evaluation-line.parser';

/** The file as the multipart form brought it (multer, in memory). */
export interface UploadedFile {
  originalname: string;
  buffer: Buffer;
}

export const MAX_IMPORT_ROWS = 250_000;
const BATCH = 2_000;

interface NumberedRecord {
  line: number;
  record: EvaluationRecord;
}

/**
 * A territory's past evaluation into `evaluation_record`: every line is read first, and one bad line stops
 * the whole file; then, in one transaction, lines already imported (same content) are skipped.
 */
@Injectable()
export class EvaluationImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async import(actor: Actor, file: UploadedFile, reason: string): Promise<EvaluationImportResult> {
    const territory = await this.territory();
    const { records, problems } = await this.read(file, territory);
    if (problems.length > 0) {
      await this.audit.record({
        actor,
        action: 'import-rejected',
        entity: 'evaluation',
        reason,
        details: { file: file.originalname, badLines: problems.length },
      });
      throw new UnprocessableEntityException({
        statusCode: 422,
        message: `Rien n’a été importé : ${problems.length} ligne(s) à corriger.`,
        problems,
      } satisfies EvaluationImportRejection);
    }
    const importId = randomUUID();
    return this.dataSource.transaction(async (manager) => {
      let imported = 0;
      for (let index = 0; index < records.length; index += BATCH) {
        imported += await insert(manager, territory, importId, actor.accountId, records.slice(index, index + BATCH));
      }
      const result = { rows: records.length, imported, alreadyPresent: records.length - imported };
      await this.audit.record(
        {
          actor,
          action: 'import',
          entity: 'evaluation',
          entityId: importId,
          reason,
          details: { file: file.originalname, ...result },
        },
        manager,
      );
      return result;
    });
  }

  private async read(
    file: UploadedFile,
    territory: { id: string; timezone: string },
  ): Promise<{ records: NumberedRecord[]; problems: EvaluationImportProblem[] }> {
    const read = readEvaluationFile(file.buffer);
    if ('problems' in read) return { records: [], problems: read.problems };
    if (read.lines.length > MAX_IMPORT_ROWS) {
      return { records: [], problems: [{ line: 1, reasons: [`au plus ${MAX_IMPORT_ROWS} lignes par fichier`] }] };
    }
    const centres = (await this.dataSource.query(`SELECT id, name, sector FROM centre WHERE territory_id = $1`, [
      territory.id,
    ])) as { id: string; name: string; sector: CentreSector }[];
    const context = { timezone: territory.timezone, centres: new Map(centres.map((c) => [fold(c.name), c])) };
    const firstLineOf = new Map<string, number>();
    const records: NumberedRecord[] = [];
    const problems: EvaluationImportProblem[] = [];
    for (const { line, values } of read.lines) {
      const parsed = parseEvaluationLine(values, context);
      const reasons = Array.isArray(parsed) ? [...parsed] : [];
      const id = values.id?.trim() ?? '';
      const first = firstLineOf.get(id);
      if (id && first !== undefined) reasons.push(`identifiant déjà présent ligne ${first}`);
      else firstLineOf.set(id, line);
      if (reasons.length > 0 || Array.isArray(parsed)) problems.push({ line, reasons });
      else records.push({ line, record: parsed });
    }
    return { records, problems };
  }

  private async territory(): Promise<{ id: string; timezone: string }> {
    const [territory] = (await this.dataSource.query(`SELECT id, timezone FROM territory ORDER BY created_at LIMIT 1`)) as {
      id: string;
      timezone: string;
    }[];
    if (!territory) throw new NotFoundException('Aucun territoire n’est encore configuré.');
    return territory;
  }
}

/** Inserts what is not there yet; returns how many lines were new. */
async function insert(
  manager: EntityManager,
  territory: { id: string; timezone: string },
  importId: string,
  accountId: string,
  batch: NumberedRecord[],
): Promise<number> {
  const rows = batch.map(({ line, record }) => ({ ...record, sourceHash: sourceHash(record), sourceLine: line }));
  const inserted = (await manager.query(
    `INSERT INTO evaluation_record (territory_id, import_id, imported_by, source_hash, source_line, source_id, received_at,
       received_day, modality, exam, suspected_diagnosis, complete, outside_protocol, channel, doctor_pseudonym, centre_id,
       centre_name, sector, accepted, answered_at, response_hours, appointment_at, appointment_day, outcome, imaging_result,
       refusals, refusal_reasons)
     SELECT $1, $2, $3, r."sourceHash", r."sourceLine", r."sourceId", r."receivedAt", (r."receivedAt" AT TIME ZONE $5)::date,
            r.modality, r.exam, r.diagnosis, r.complete, r."outsideProtocol", r.channel, r.doctor, r."centreId",
            r."centreName", r.sector, r.accepted, r."answeredAt", r."responseHours", r."appointmentAt",
            (r."appointmentAt" AT TIME ZONE $5)::date, r.outcome, r.result, r.refusals, r."refusalReasons"
       FROM jsonb_to_recordset($4::jsonb) AS r ("sourceHash" text, "sourceLine" int, "sourceId" text,
            "receivedAt" timestamptz, modality text, exam text, diagnosis text, complete boolean, "outsideProtocol" boolean,
            channel text, doctor text, "centreId" uuid, "centreName" text, sector text, accepted boolean,
            "answeredAt" timestamptz, "responseHours" numeric, "appointmentAt" timestamptz, outcome text, result text,
            refusals int, "refusalReasons" text[])
     ON CONFLICT (territory_id, source_hash) DO NOTHING
     RETURNING 1`,
    [territory.id, importId, accountId, JSON.stringify(rows), territory.timezone],
  )) as unknown[];
  return inserted.length;
}

/** The line's content, read: the same request written the same way is the same line, whatever its place in the file. */
function sourceHash(record: EvaluationRecord): string {
  const { centreId: _derived, ...content } = record;
  return createHash('sha256')
    .update(JSON.stringify({ ...content, centreName: content.centreName === null ? null : fold(content.centreName) }))
    .digest('hex');
}
