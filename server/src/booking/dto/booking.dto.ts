import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { IMAGING_RESULTS, type ImagingResult } from '@creneau/contracts';

export class BookDto {
  @IsUUID()
  requestId!: string;

  @IsUUID()
  slotId!: string;
}

export class HoldDto {
  /** The request the secretary is booking, if already recorded. */
  @IsOptional()
  @IsUUID()
  requestId?: string;
}

export class ReasonDto {
  @IsString()
  @MinLength(3, { message: 'indiquez la raison' })
  @MaxLength(500)
  reason!: string;
}

export class RefuseDto extends ReasonDto {
  /** free: the slot goes back to the pool; withdraw: the centre cannot take anyone then either. */
  @IsIn(['free', 'withdraw'])
  slot!: 'free' | 'withdraw';
}

export class CancelDto extends ReasonDto {
  /** true: the request itself is dropped (patient no longer needs the exam); false: it goes back to the queue. */
  @IsOptional()
  @IsBoolean()
  closeRequest = false;
}

export class DoneDto {
  @IsIn(IMAGING_RESULTS)
  result!: ImagingResult;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class RescheduleDto {
  @IsUUID()
  slotId!: string;

  /** Why it moves (the patient asked, the centre did…): kept on the old appointment and in the request's history. */
  @IsOptional()
  @IsString()
  @MinLength(3, { message: 'indiquez la raison (3 caractères au moins) ou rien' })
  @MaxLength(500)
  reason?: string;
}

export class AppointmentListQueryDto {
  @IsOptional()
  @IsUUID()
  centreId?: string;

  @IsOptional()
  @IsIn(['booked', 'confirmed', 'refused', 'cancelled', 'done', 'no-show'])
  status?: string;
}
