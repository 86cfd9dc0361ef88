import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { IndicatorsReport } from '@creneau/contracts';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { IndicatorsQueryDto } from './dto/indicators-query.dto';
import { drainEvaluation } from './evaluation-drain';
import { caseParameters, indicatorScope, slotParameters } from './indicator-scope';
import { BREAKDOWNS_SQL, DOCTORS_SQL, MEDIANS_SQL, REFUSAL_REASONS_SQL, TALLY_SQL } from './indicator-queries.sql';
import type { GroupRow, MediansRow, ReasonRow, SlotUseRow, TallyRow } from './indicator-rows';
import { buildReport } from './indicators-report';
import { ReportGate } from './report-gate';
import { onOneSnapshot } from './shared-snapshot';
import { SLOT_USE_SQL } from './slot-use.sql';

@Injectable()
export class IndicatorsService {
  /** Two reports at a time hold 12 of the pool's 20 connections at most: the rest of the API keeps the others. */
  private readonly gate = new ReportGate(2);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async report(query: IndicatorsQueryDto): Promise<IndicatorsReport> {
    const followUpDays = query.followUpDays ?? this.config.lostToFollowUpDays;
    const scope = await indicatorScope(this.dataSource, query);
    const cases = caseParameters(scope);
    // The evaluation rows queued by the writers, refreshed first: the figures hold every committed change.
    await drainEvaluation(this.dataSource);
    const statements = [
      {
        sql: TALLY_SQL,
        parameters: [...cases, scope.targetDelayHours, scope.maximumDelayHours, followUpDays],
      },
      { sql: MEDIANS_SQL, parameters: cases },
      { sql: DOCTORS_SQL, parameters: cases },
      { sql: BREAKDOWNS_SQL, parameters: [...cases, scope.targetDelayHours] },
      { sql: REFUSAL_REASONS_SQL, parameters: cases },
      { sql: SLOT_USE_SQL, parameters: slotParameters(scope) },
    ];
    const [tally, medians, doctors, groups, reasons, slots] = await this.gate.run(() =>
      onOneSnapshot(this.dataSource, statements),
    );
    return buildReport(
      scope,
      {
        tally: (tally as TallyRow[])[0],
        medians: (medians as MediansRow[])[0],
        doctors: (doctors as { doctors: number }[])[0].doctors,
        groups: groups as GroupRow[],
        reasons: reasons as ReasonRow[],
        slots: slots as SlotUseRow[],
      },
      { top: query.top, followUpDays },
    );
  }
}
