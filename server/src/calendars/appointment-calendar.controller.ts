import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { AnyRole, CurrentActor } from '../access/access.decorators';
import type { Actor } from '../access/actor';
import { RequestsService } from '../requests/requests.service';
import { appointmentCalendar } from './appointment-calendar';
import { appointmentsById } from './calendar-rows';

/** One appointment as an .ics to add to one's own calendar: the file the e-mails carry. */
@ApiTags('calendars')
@Controller()
export class AppointmentCalendarController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: RequestsService,
  ) {}

  @Get('appointments/:id/calendar.ics')
  @AnyRole()
  @ApiOperation({ summary: 'The appointment as a one-event iCalendar file (no patient name), for whoever may see it' })
  async download(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Res() response: Response): Promise<void> {
    const [row] = await appointmentsById(this.dataSource.manager, [id]);
    if (!row) throw new NotFoundException('Rendez-vous introuvable.');
    await this.requests.findVisible(this.dataSource.manager, actor, row.request_id);
    response
      .status(200)
      .set({
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': `attachment; filename="rendez-vous-${row.reference}.ics"`,
        'Cache-Control': 'private, no-store',
      })
      .send(appointmentCalendar([row]));
  }
}
