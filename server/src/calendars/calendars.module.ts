import { Module } from '@nestjs/common';
import { RequestsModule } from '../requests/requests.module';
import { AppointmentCalendarController } from './appointment-calendar.controller';
import { CalendarFeedsController } from './calendar-feeds.controller';
import { CalendarFeedsService } from './calendar-feeds.service';
import { CalendarSettingsService } from './calendar-settings.service';
import { FeedContentController } from './feed-content.controller';
import { FeedContentService } from './feed-content.service';

/** iCalendar out of Créneau: subscribable feeds behind revocable tokens, and one-appointment files. */
@Module({
  imports: [RequestsModule],
  controllers: [CalendarFeedsController, FeedContentController, AppointmentCalendarController],
  providers: [CalendarFeedsService, CalendarSettingsService, FeedContentService],
})
export class CalendarsModule {}
