import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { TerritorySummary } from '@creneau/contracts';
import { AnyRole } from '../access/access.decorators';
import { TerritoryService } from './territory.service';

@ApiTags('territory')
@Controller('territories')
export class TerritoryController {
  constructor(private readonly territoryService: TerritoryService) {}

  @Get()
  @AnyRole()
  @ApiOperation({ summary: 'The territories and their imaging centres' })
  list(): Promise<TerritorySummary[]> {
    return this.territoryService.list();
  }
}
