import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ImportRunOutcome, ImportSourceView } from '@creneau/contracts';
import { Allow, CurrentActor } from '../../access/access.decorators';
import type { Actor } from '../../access/actor';
import { CreateImportSourceDto } from './dto/create-import-source.dto';
import { UpdateImportSourceDto } from './dto/update-import-source.dto';
import { ImportSourcesService } from './import-sources.service';

/** Centre staff manage their own centres' sources (checked by the service); the coordinator every centre's. */
@ApiTags('imports')
@Controller()
@Allow('centre', 'coordinator', 'admin')
export class ImportsController {
  constructor(private readonly sources: ImportSourcesService) {}

  @Get('centres/:centreId/import-sources')
  @ApiOperation({ summary: 'A centre’s import sources, each with the status of its imports' })
  list(@CurrentActor() actor: Actor, @Param('centreId', ParseUUIDPipe) centreId: string): Promise<ImportSourceView[]> {
    return this.sources.list(actor, centreId);
  }

  @Post('centres/:centreId/import-sources')
  @ApiOperation({ summary: 'Declare an iCal feed or a SMART Scheduling Links publication of the centre' })
  create(
    @CurrentActor() actor: Actor,
    @Param('centreId', ParseUUIDPipe) centreId: string,
    @Body() body: CreateImportSourceDto,
  ): Promise<ImportSourceView> {
    return this.sources.create(actor, centreId, body);
  }

  @Patch('import-sources/:id')
  @ApiOperation({ summary: 'Change, stop or resume a source (with a reason)' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateImportSourceDto,
  ): Promise<ImportSourceView> {
    return this.sources.update(actor, id, body);
  }

  @Post('import-sources/:id/run')
  @HttpCode(200)
  @ApiOperation({ summary: 'Import now; a source that cannot be read answers ok: false with the error, its slots untouched' })
  run(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ImportRunOutcome> {
    return this.sources.run(actor, id);
  }
}
