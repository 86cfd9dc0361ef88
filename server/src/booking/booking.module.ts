import { Module } from '@nestjs/common';
import { RequestsModule } from '../requests/requests.module';
import { AppointmentsService } from './appointments.service';
import { BookingController } from './booking.controller';
import { BookingService } from './booking.service';
import { HoldsService } from './holds.service';

@Module({
  imports: [RequestsModule],
  controllers: [BookingController],
  providers: [HoldsService, BookingService, AppointmentsService],
})
export class BookingModule {}
