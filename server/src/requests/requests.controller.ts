import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RequestCommentView, RequestEventView, RequestSummary, RequestView } from '@creneau/contracts';
import { Allow, AnyRole, CurrentActor } from '../access/access.decorators';
import type { Actor } from '../access/actor';
import { CommentDto, OverrideDto, RequestInputDto, RequestListQueryDto, UpdateRequestDto } from './dto/request-input.dto';
import { RequestsService } from './requests.service';

const SUBMITTERS = ['secretariat', 'coordinator', 'admin', 'doctor'] as const;

/** Imaging requests; centre staff see those booked at their centres, doctors their own. */
@ApiTags('requests')
@Controller('requests')
export class RequestsController {
  constructor(private readonly requests: RequestsService) {}

  @Post()
  @Allow(...SUBMITTERS)
  @ApiOperation({ summary: 'Record a request form: incomplete ones are kept with what is missing; malformed fields get a 400' })
  create(@CurrentActor() actor: Actor, @Body() body: RequestInputDto): Promise<RequestView> {
    return this.requests.create(actor, body);
  }

  @Get()
  @AnyRole()
  @ApiOperation({ summary: 'The queue, most urgent first; status=open for incomplete, to book and booked' })
  list(@CurrentActor() actor: Actor, @Query() query: RequestListQueryDto): Promise<RequestSummary[]> {
    return this.requests.list(actor, query);
  }

  @Get(':id')
  @AnyRole()
  @ApiOperation({ summary: 'One request with its assessment and appointments (the read is audited)' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<RequestView> {
    return this.requests.get(actor, id);
  }

  @Patch(':id')
  @Allow(...SUBMITTERS)
  @ApiOperation({ summary: 'Replace the form of a request not yet booked, with a reason' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateRequestDto,
  ): Promise<RequestView> {
    return this.requests.update(actor, id, body);
  }

  @Post(':id/override')
  @Allow('coordinator', 'admin')
  @ApiOperation({ summary: 'Allow an outside-protocol request to be booked (who and why are kept)' })
  override(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: OverrideDto,
  ): Promise<RequestView> {
    return this.requests.override(actor, id, body.reason);
  }

  @Get(':id/history')
  @AnyRole()
  @ApiOperation({ summary: 'Every transition of the request: who, when, from, to, why' })
  history(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<RequestEventView[]> {
    return this.requests.history(actor, id);
  }

  @Get(':id/comments')
  @AnyRole()
  @ApiOperation({ summary: 'The thread between the requesting doctor, the secretariat and the radiologist' })
  comments(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<RequestCommentView[]> {
    return this.requests.comments(actor, id);
  }

  @Post(':id/comments')
  @AnyRole()
  @ApiOperation({ summary: 'Add a comment to the thread' })
  addComment(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CommentDto,
  ): Promise<RequestCommentView> {
    return this.requests.addComment(actor, id, body);
  }
}
