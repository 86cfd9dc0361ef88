import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CentreClosureView, CentreSummary, CreatedClosureView, UpdatedCentreView } from '@creneau/contracts';
import { Allow, AnyRole, CurrentActor } from '../access/access.decorators';
import type { Actor } from '../access/actor';
import { CentresService } from './centres.service';
import { CreateCentreDto, CreateClosureDto, UpdateCentreDto } from './dto/centre.dto';

@ApiTags('centres')
@Controller('centres')
export class CentresController {
  constructor(private readonly centres: CentresService) {}

  @Get()
  @AnyRole()
  @ApiOperation({ summary: 'The imaging centres of the territory, with their closures to come' })
  list(): Promise<CentreSummary[]> {
    return this.centres.list();
  }

  @Get(':id')
  @AnyRole()
  @ApiOperation({ summary: 'One centre' })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<CentreSummary> {
    return this.centres.get(id);
  }

  @Post()
  @Allow('coordinator', 'admin')
  @ApiOperation({ summary: 'Add a partner centre' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateCentreDto): Promise<CentreSummary> {
    return this.centres.create(actor, body);
  }

  @Patch(':id')
  @Allow('coordinator', 'admin')
  @ApiOperation({
    summary: 'Edit a centre, or close it for good (active: false), with a reason; closing lists its appointments still ahead',
  })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateCentreDto,
  ): Promise<UpdatedCentreView> {
    return this.centres.update(actor, id, body);
  }

  @Get(':id/closures')
  @AnyRole()
  @ApiOperation({ summary: 'The closure periods of a centre not yet over' })
  closures(@Param('id', ParseUUIDPipe) id: string): Promise<CentreClosureView[]> {
    return this.centres.closures(id);
  }

  @Post(':id/closures')
  @Allow('centre', 'coordinator', 'admin')
  @ApiOperation({
    summary:
      'Close a centre for a period, with a reason (its slots are not offered then); lists the appointments already made then',
  })
  addClosure(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CreateClosureDto,
  ): Promise<CreatedClosureView> {
    return this.centres.addClosure(actor, id, body);
  }
}
