import { Module } from '@nestjs/common';
import { EvaluationExportService } from './evaluation-export.service';
import { EvaluationImportService } from './evaluation-import.service';
import { EvaluationRefreshJob } from './evaluation-refresh.job';
import { IndicatorsController } from './indicators.controller';
import { IndicatorsService } from './indicators.service';

@Module({
  controllers: [IndicatorsController],
  providers: [IndicatorsService, EvaluationExportService, EvaluationImportService, EvaluationRefreshJob],
})
export class IndicatorsModule {}
