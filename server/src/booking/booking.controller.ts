import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AppointmentView, HoldView } from '@creneau/contracts';
import { Allow, CurrentActor } from '../access/access.decorators';
import type { Actor } from '../access/actor';
import { AppointmentsService } from './appointments.service';
import { BookingService } from './booking.service';
import { AppointmentListQueryDto, BookDto, CancelDto, DoneDto, HoldDto, RefuseDto, RescheduleDto } from './dto/booking.dto';
import { HoldsService } from './holds.service';

const BOOKERS = ['secretariat', 'coordinator', 'admin'] as const;
const CENTRE_SIDE = ['centre', 'coordinator', 'admin'] as const;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,100}$/;

@ApiTags('booking')
@Controller()
export class BookingController {
  constructor(
    private readonly holds: HoldsService,
    private readonly booking: BookingService,
    private readonly appointments: AppointmentsService,
  ) {}

  @Post('slots/:id/hold')
  @Allow(...BOOKERS)
  @ApiOperation({ summary: 'Hold a slot for a few minutes while on the phone (409 when someone else has it)' })
  hold(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: HoldDto): Promise<HoldView> {
    return this.holds.hold(actor, id, body.requestId);
  }

  @Delete('slots/:id/hold')
  @Allow(...BOOKERS)
  @HttpCode(204)
  @ApiOperation({ summary: 'Release one’s hold' })
  release(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.holds.release(actor, id);
  }

  @Post('appointments')
  @Allow(...BOOKERS)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: 'One per booking attempt: a replay returns the first answer',
  })
  @ApiOperation({ summary: 'Book a request into a slot: 409 when taken or held by another, 422 when it does not fit' })
  async book(
    @CurrentActor() actor: Actor,
    @Body() body: BookDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    if (!key || !IDEMPOTENCY_KEY.test(key)) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'En-tête Idempotency-Key requis (8 à 100 caractères).',
        fields: { 'Idempotency-Key': ['required: 8 to 100 of A-Z a-z 0-9 . _ : -'] },
      });
    }
    const answer = await this.booking.book(actor, body.requestId, body.slotId, key);
    response.status(answer.status);
    return answer.body;
  }

  @Get('appointments')
  @Allow(...BOOKERS, 'centre')
  @ApiOperation({ summary: 'Appointments by centre and status (centre staff: their centres)' })
  list(@CurrentActor() actor: Actor, @Query() query: AppointmentListQueryDto): Promise<AppointmentView[]> {
    return this.appointments.list(actor, query);
  }

  @Get('appointments/:id')
  @Allow(...BOOKERS, 'centre', 'doctor')
  @ApiOperation({ summary: 'One appointment' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AppointmentView> {
    return this.appointments.get(actor, id);
  }

  @Post('appointments/:id/confirm')
  @Allow(...CENTRE_SIDE)
  @HttpCode(200)
  @ApiOperation({ summary: 'The centre confirms the appointment' })
  confirm(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AppointmentView> {
    return this.appointments.confirm(actor, id);
  }

  @Post('appointments/:id/refuse')
  @Allow(...CENTRE_SIDE)
  @HttpCode(200)
  @ApiOperation({ summary: 'The centre refuses, with a reason: the request goes back to the queue' })
  refuse(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RefuseDto,
  ): Promise<AppointmentView> {
    return this.appointments.refuse(actor, id, body.reason, body.slot);
  }

  @Post('appointments/:id/done')
  @Allow(...CENTRE_SIDE)
  @HttpCode(200)
  @ApiOperation({ summary: 'The exam was done: record the imaging result' })
  done(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: DoneDto): Promise<AppointmentView> {
    return this.appointments.done(actor, id, body.result, body.note);
  }

  @Post('appointments/:id/no-show')
  @Allow(...CENTRE_SIDE)
  @HttpCode(200)
  @ApiOperation({ summary: 'The patient did not come' })
  noShow(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AppointmentView> {
    return this.appointments.noShow(actor, id);
  }

  @Post('appointments/:id/cancel')
  @Allow(...BOOKERS, 'centre', 'doctor')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel before the exam, with a reason: the place is given back' })
  cancel(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: CancelDto,
  ): Promise<AppointmentView> {
    return this.appointments.cancel(actor, id, body.reason, body.closeRequest);
  }

  @Post('appointments/:id/reschedule')
  @Allow(...BOOKERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Move the appointment to another slot, in one transaction' })
  reschedule(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RescheduleDto,
  ): Promise<AppointmentView> {
    return this.booking.reschedule(actor, id, body.slotId, body.reason?.trim() || undefined);
  }
}
