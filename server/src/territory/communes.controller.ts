import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommuneView } from '@creneau/contracts';
import { Allow, CurrentActor } from '../access/access.decorators';
import type { Actor } from '../access/actor';
import { CommunesService } from './communes.service';
import { CommuneListDto, CommuneQueryDto } from './dto/commune.dto';

@ApiTags('territory')
@Controller('communes')
export class CommunesController {
  constructor(private readonly communes: CommunesService) {}

  @Get()
  @Allow('coordinator', 'admin')
  @ApiOperation({ summary: 'The territory’s communes, where its patients live' })
  list(): Promise<CommuneView[]> {
    return this.communes.list();
  }

  @Get('suggestions')
  @Allow('secretariat', 'coordinator', 'admin', 'doctor')
  @ApiOperation({ summary: 'Communes whose name or postal code starts with what was typed (20 at most)' })
  suggest(@Query() query: CommuneQueryDto): Promise<CommuneView[]> {
    return this.communes.suggest(query.query);
  }

  @Put()
  @Allow('coordinator', 'admin')
  @ApiOperation({ summary: 'Replace the territory’s list of communes (all or nothing), with a reason' })
  replace(@CurrentActor() actor: Actor, @Body() body: CommuneListDto): Promise<CommuneView[]> {
    return this.communes.replace(actor, body);
  }
}
