import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SlotSearchResult, SlotView } from '@creneau/contracts';
import { Allow, CurrentActor } from '../access/access.decorators';
import type { Actor } from '../access/actor';
import { AgendaQueryDto } from './dto/agenda-query.dto';
import { PublishSlotDto } from './dto/publish-slot.dto';
import { SlotSearchQueryDto } from './dto/slot-search-query.dto';
import { WithdrawSlotDto } from './dto/withdraw-slot.dto';
import { SlotSearchService } from './slot-search.service';
import { SlotsService } from './slots.service';

@ApiTags('agenda')
@Controller('slots')
export class SlotsController {
  constructor(
    private readonly slots: SlotsService,
    private readonly slotSearch: SlotSearchService,
  ) {}

  @Get()
  @Allow('secretariat', 'centre', 'coordinator', 'admin')
  @ApiOperation({ summary: 'The agenda of a period: by centre, modality and state (day and week views)' })
  agenda(@CurrentActor() actor: Actor, @Query() query: AgendaQueryDto): Promise<SlotView[]> {
    return this.slots.agenda(actor, query);
  }

  // Declared before ':id' so that "search" is not taken for an id.
  @Get('search')
  @Allow('secretariat', 'coordinator', 'admin')
  @ApiOperation({
    summary: 'Pooled search: free slots of every eligible centre in the window (default now to +48 h), by start then distance',
  })
  search(@CurrentActor() actor: Actor, @Query() query: SlotSearchQueryDto): Promise<SlotSearchResult> {
    return this.slotSearch.search(query, actor.accountId);
  }

  @Get(':id')
  @Allow('secretariat', 'centre', 'coordinator', 'admin')
  @ApiOperation({ summary: 'One slot' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<SlotView> {
    return this.slots.get(actor, id);
  }

  @Post()
  @Allow('centre', 'coordinator', 'admin')
  @ApiOperation({ summary: 'Publish a one-off reserved slot' })
  publish(@CurrentActor() actor: Actor, @Body() body: PublishSlotDto): Promise<SlotView> {
    return this.slots.publish(actor, body);
  }

  @Post(':id/withdraw')
  @Allow('centre', 'coordinator', 'admin')
  @ApiOperation({ summary: 'Withdraw an unbooked slot (409 when booked)' })
  withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: WithdrawSlotDto,
  ): Promise<SlotView> {
    return this.slots.withdraw(actor, id, body.reason);
  }
}
