import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CalendarFeedAccess, CalendarFeedView, CalendarSettingsView } from '@creneau/contracts';
import { Allow, CurrentActor } from '../access/access.decorators';
import type { Actor } from '../access/actor';
import { CalendarFeedsService } from './calendar-feeds.service';
import { CalendarSettingsService } from './calendar-settings.service';
import { CalendarSettingsDto, CreateFeedDto, FeedReasonDto } from './dto/feed.dto';

const FEED_MANAGERS = ['centre', 'secretariat', 'coordinator', 'admin'] as const;
const CENTRE_SIDE = ['centre', 'coordinator', 'admin'] as const;

/** The console's side of the calendar feeds: which exist, new ones, revocation, new tokens; the centres' settings. */
@ApiTags('calendars')
@Controller()
export class CalendarFeedsController {
  constructor(
    private readonly feeds: CalendarFeedsService,
    private readonly settings: CalendarSettingsService,
  ) {}

  @Get('calendar-feeds')
  @Allow(...FEED_MANAGERS)
  @ApiOperation({ summary: 'The feeds the caller manages (never their tokens), live ones first' })
  list(@CurrentActor() actor: Actor): Promise<CalendarFeedView[]> {
    return this.feeds.list(actor);
  }

  @Post('calendar-feeds')
  @Allow(...FEED_MANAGERS)
  @ApiOperation({ summary: 'A new feed: its token is in this answer only (centre: its staff and the coordination; secretariat)' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateFeedDto): Promise<CalendarFeedAccess> {
    return this.feeds.create(actor, body);
  }

  @Post('calendar-feeds/:id/revoke')
  @Allow(...FEED_MANAGERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a feed for good, with a reason: its address then answers 404' })
  revoke(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: FeedReasonDto,
  ): Promise<CalendarFeedView> {
    return this.feeds.revoke(actor, id, body.reason);
  }

  @Post('calendar-feeds/:id/regenerate')
  @Allow(...FEED_MANAGERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'A new token for a feed, with a reason: the old address answers 404 from now on' })
  regenerate(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: FeedReasonDto,
  ): Promise<CalendarFeedAccess> {
    return this.feeds.regenerate(actor, id, body.reason);
  }

  @Get('centres/:centreId/calendar-settings')
  @Allow(...CENTRE_SIDE)
  @ApiOperation({ summary: 'Whether the centre’s feeds name the patient' })
  getSettings(@CurrentActor() actor: Actor, @Param('centreId', ParseUUIDPipe) centreId: string): Promise<CalendarSettingsView> {
    return this.settings.get(actor, centreId);
  }

  @Patch('centres/:centreId/calendar-settings')
  @Allow(...CENTRE_SIDE)
  @ApiOperation({ summary: 'Name the patient in the centre’s feeds or not, with a reason (audited)' })
  updateSettings(
    @CurrentActor() actor: Actor,
    @Param('centreId', ParseUUIDPipe) centreId: string,
    @Body() body: CalendarSettingsDto,
  ): Promise<CalendarSettingsView> {
    return this.settings.update(actor, centreId, body);
  }
}
