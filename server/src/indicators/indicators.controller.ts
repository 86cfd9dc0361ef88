import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Post,
  Query,
  Res,
  UploadedFile as UploadedFilePart,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { EvaluationImportResult, IndicatorsReport } from '@creneau/contracts';
import { Allow, CurrentActor } from '../access/access.decorators';
import type { Actor } from '../access/actor';
import { ImportEvaluationDto } from './dto/import-evaluation.dto';
import { EvaluationExportQueryDto, IndicatorsQueryDto } from './dto/indicators-query.dto';
import { EvaluationExportService } from './evaluation-export.service';
import { EvaluationImportService, type UploadedFile } from './evaluation-import.service';
import { IndicatorsService } from './indicators.service';

/**
 * The CPTS's evaluation: coordinators and admins only. The figures compare centres (use of their places,
 * refusals) and serve the territory's governance; the secretariat works from its queue, not from these.
 */
const EVALUATORS = ['coordinator', 'admin'] as const;
const MAX_FILE_BYTES = 50 * 1024 * 1024;

@ApiTags('indicators')
@Controller('indicators')
export class IndicatorsController {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly exports: EvaluationExportService,
    private readonly imports: EvaluationImportService,
  ) {}

  @Get()
  @Allow(...EVALUATORS)
  @ApiOperation({ summary: 'The indicators of the requests received in a period (local days), by centre and modality' })
  report(@Query() query: IndicatorsQueryDto): Promise<IndicatorsReport> {
    return this.indicators.report(query);
  }

  @Get('export')
  @Allow(...EVALUATORS)
  @ApiOperation({ summary: 'The pseudonymised evaluation file (CSV, UTF-8 with BOM, `;`), imported series included (audited)' })
  export(@CurrentActor() actor: Actor, @Query() query: EvaluationExportQueryDto, @Res() response: Response): Promise<void> {
    return this.exports.export(actor, query, response);
  }

  @Post('import')
  @Allow(...EVALUATORS)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_FILE_BYTES, files: 1 } }))
  @ApiOperation({
    summary: 'Import a past evaluation (the export’s columns): 201 with counts, or 422 with every bad line and nothing imported',
  })
  import(
    @CurrentActor() actor: Actor,
    @UploadedFilePart() file: UploadedFile | undefined,
    @Body() body: ImportEvaluationDto,
  ): Promise<EvaluationImportResult> {
    if (!file) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Joignez le fichier CSV de l’évaluation.',
        fields: { file: ['fichier CSV requis (champ « file » d’un formulaire multipart)'] },
      });
    }
    return this.imports.import(actor, file, body.reason);
  }
}
