import { once } from 'node:events';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify/sync';
import type { Response } from 'express';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import {
  EVALUATION_OUTCOME_LABELS,
  IMAGING_RESULT_LABELS,
  MODALITY_LABELS,
  REQUEST_CHANNEL_LABELS,
  SUSPECTED_DIAGNOSIS_LABELS,
  type CentreSector,
  type EvaluationOutcome,
  type ImagingResult,
  type Modality,
  type RequestChannel,
  type SuspectedDiagnosisCode,
} from '@creneau/contracts';
import type { Actor } from '../access/actor';
import { AuditService } from '../audit/audit.service';
import { EvaluationExportQueryDto } from './dto/indicators-query.dto';
import { EVALUATION_CASES_SQL } from './evaluation-cases.sql';
import { drainEvaluation } from './evaluation-drain';
import { EVALUATION_COLUMNS, REASON_SEPARATOR, type EvaluationColumnId } from './evaluation-csv/evaluation-columns';
import { formatHours, formatInstant, SECTOR_LABELS, yesNo } from './evaluation-csv/evaluation-values';
import { caseParameters, indicatorScope, periodMonths, type IndicatorScope } from './indicator-scope';
import { Pseudonyms } from './pseudonyms';

const EXPORT_SQL = `WITH ${EVALUATION_CASES_SQL}
  SELECT origin, case_id, received_at, exam, suspected_diagnosis, complete, accepted, answered_at, appointment_at,
         response_hours, sector, outcome, modality, centre_id, centre_name, outside_protocol, channel, doctor_key, refusals,
         refusal_reasons, imaging_result
    FROM cohort ORDER BY received_at, case_id`;

interface CaseRow {
  origin: 'live' | 'imported';
  case_id: string;
  received_at: Date;
  exam: string | null;
  suspected_diagnosis: SuspectedDiagnosisCode | null;
  complete: boolean;
  accepted: boolean | null;
  answered_at: Date | null;
  appointment_at: Date | null;
  response_hours: string | null;
  sector: CentreSector | null;
  outcome: EvaluationOutcome;
  modality: Modality | null;
  centre_id: string | null;
  centre_name: string | null;
  outside_protocol: boolean;
  channel: RequestChannel | null;
  doctor_key: string | null;
  refusals: number;
  refusal_reasons: string[];
  imaging_result: ImagingResult | null;
}

/** `;` and a BOM: what French spreadsheet software opens as columns and UTF-8 without asking. */
const CSV_OPTIONS = { delimiter: ';', record_delimiter: '\r\n' } as const;

/** The pseudonymised evaluation file: the normalized cases, no patient data, one line per request. */
@Injectable()
export class EvaluationExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async export(actor: Actor, query: EvaluationExportQueryDto, response: Response): Promise<void> {
    const scope = await indicatorScope(this.dataSource, query);
    const pseudonyms = new Pseudonyms();
    // The rows queued by the writers, refreshed first: the file holds every committed change.
    await drainEvaluation(this.dataSource);
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="creneau-evaluation-${scope.from}-${scope.to}.csv"`);
    response.setHeader('Cache-Control', 'no-store');
    await write(response, `\uFEFF${stringify([EVALUATION_COLUMNS.map((column) => column.header)], CSV_OPTIONS)}`);
    let rows = 0;
    // A month at a time: a year of a large territory never sits whole in memory.
    for (const [from, to] of months(scope)) {
      const cases = (await this.dataSource.query(EXPORT_SQL, caseParameters({ ...scope, from, to }))) as CaseRow[];
      rows += cases.length;
      if (cases.length > 0)
        await write(
          response,
          stringify(
            cases.map((row) => line(row, scope, pseudonyms)),
            CSV_OPTIONS,
          ),
        );
    }
    await this.audit.record({
      actor,
      action: 'export',
      entity: 'evaluation',
      details: { rows, from: scope.from, to: scope.to, centreId: scope.centreId, modality: scope.modality },
    });
    response.end();
  }
}

function line(row: CaseRow, scope: IndicatorScope, pseudonyms: Pseudonyms): string[] {
  const delayHours = row.appointment_at ? (row.appointment_at.getTime() - row.received_at.getTime()) / 3_600_000 : null;
  const cells: Record<EvaluationColumnId, string> = {
    id: pseudonyms.request(row.case_id),
    receivedAt: formatInstant(row.received_at, scope.timezone),
    exam: row.exam ?? '',
    diagnosis: row.suspected_diagnosis ? (SUSPECTED_DIAGNOSIS_LABELS[row.suspected_diagnosis] ?? row.suspected_diagnosis) : '',
    complete: yesNo(row.complete),
    accepted: yesNo(row.accepted),
    answeredAt: formatInstant(row.answered_at, scope.timezone),
    appointmentAt: formatInstant(row.appointment_at, scope.timezone),
    responseHours: row.response_hours === null ? '' : formatHours(Number(row.response_hours)),
    appointmentHours: formatHours(delayHours),
    sector: row.sector ? SECTOR_LABELS[row.sector] : '',
    outcome: EVALUATION_OUTCOME_LABELS[row.outcome],
    modality: row.modality ? MODALITY_LABELS[row.modality] : '',
    centre: row.centre_name ?? (row.centre_id ? (scope.centres.get(row.centre_id)?.name ?? '') : ''),
    outsideProtocol: yesNo(row.outside_protocol),
    channel: row.channel ? REQUEST_CHANNEL_LABELS[row.channel] : '',
    doctor: pseudonyms.doctor(row.doctor_key),
    refusals: String(row.refusals),
    // A reason holding the separator would read back as two.
    refusalReasons: row.refusal_reasons.map((reason) => reason.replaceAll('|', '/')).join(REASON_SEPARATOR),
    result: row.imaging_result ? IMAGING_RESULT_LABELS[row.imaging_result] : '',
    origin: row.origin === 'live' ? 'Créneau' : 'import',
  };
  return EVALUATION_COLUMNS.map((column) => cells[column.id]);
}

/** The period cut at its months' first and last days. */
function months(scope: IndicatorScope): [string, string][] {
  return periodMonths(scope).map((month) => {
    const last = DateTime.fromISO(`${month}-01`).endOf('month').toISODate() ?? '';
    return [scope.from > `${month}-01` ? scope.from : `${month}-01`, scope.to < last ? scope.to : last];
  });
}

async function write(response: Response, text: string): Promise<void> {
  if (!response.write(text)) await once(response, 'drain');
}
