import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SlotRuleView } from '@creneau/contracts';
import { Allow, CurrentActor } from '../access/access.decorators';
import type { Actor } from '../access/actor';
import { CreateSlotRuleDto, SlotRuleScheduleDto, StopSlotRuleDto, UpdateSlotRuleDto } from './dto/slot-rule.dto';
import { SlotRuleChange, SlotRulesService } from './slot-rules.service';

const PUBLISHERS = ['centre', 'coordinator', 'admin'] as const;

@ApiTags('agenda')
@Controller()
export class SlotRulesController {
  constructor(private readonly rules: SlotRulesService) {}

  @Get('centres/:centreId/slot-rules')
  @Allow(...PUBLISHERS, 'secretariat')
  @ApiOperation({ summary: 'The recurring rules of a centre' })
  list(@CurrentActor() actor: Actor, @Param('centreId', ParseUUIDPipe) centreId: string): Promise<SlotRuleView[]> {
    return this.rules.list(actor, centreId);
  }

  @Post('centres/:centreId/slot-rules/preview')
  @Allow(...PUBLISHERS)
  @ApiOperation({ summary: 'The slots a schedule would publish over the next 21 days, without saving anything' })
  preview(
    @Param('centreId', ParseUUIDPipe) centreId: string,
    @Body() body: SlotRuleScheduleDto,
  ): Promise<{ start: string; end: string }[]> {
    return this.rules.preview(centreId, body);
  }

  @Post('slot-rules')
  @Allow(...PUBLISHERS)
  @ApiOperation({ summary: 'Create a recurring rule; its slots are published over the next 21 days' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateSlotRuleDto): Promise<SlotRuleChange> {
    return this.rules.create(actor, body);
  }

  @Patch('slot-rules/:id')
  @Allow(...PUBLISHERS)
  @ApiOperation({ summary: 'Edit a rule: future free slots follow, booked ones stay' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateSlotRuleDto,
  ): Promise<SlotRuleChange> {
    return this.rules.update(actor, id, body);
  }

  @Post('slot-rules/:id/stop')
  @Allow(...PUBLISHERS)
  @ApiOperation({ summary: 'Stop a rule: future free slots are withdrawn, booked ones stay' })
  stop(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: StopSlotRuleDto,
  ): Promise<SlotRuleChange> {
    return this.rules.stop(actor, id, body.reason);
  }
}
