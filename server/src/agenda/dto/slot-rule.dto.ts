import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { INDICATION_CODES, MODALITIES, type IndicationCode, type Modality } from '@creneau/contracts';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** When the slots recur; shared by creation, edition and preview. */
export class SlotRuleScheduleDto {
  /** RFC 5545 RRULE value, without DTSTART: e.g. FREQ=WEEKLY;BYDAY=MO,TH */
  @IsString()
  @MinLength(6)
  @MaxLength(300)
  rrule!: string;

  /** Local wall time in the territory's timezone, HH:mm. */
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'heure au format HH:mm' })
  startLocal!: string;

  @Type(() => Number)
  @IsInt()
  @Min(5)
  @Max(720)
  durationMinutes!: number;

  @Matches(LOCAL_DATE, { message: 'date au format aaaa-mm-jj' })
  validFrom!: string;

  @IsOptional()
  @Matches(LOCAL_DATE, { message: 'date au format aaaa-mm-jj' })
  validUntil?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(366)
  @Matches(LOCAL_DATE, { each: true, message: 'dates au format aaaa-mm-jj' })
  exceptions?: string[];
}

export class CreateSlotRuleDto extends SlotRuleScheduleDto {
  @IsUUID()
  centreId!: string;

  @IsIn(MODALITIES)
  modality!: Modality;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  capacity = 1;

  @IsOptional()
  @IsArray()
  @IsIn(INDICATION_CODES, { each: true })
  indications?: IndicationCode[] | null;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_080)
  releaseCutoffMinutes = 120;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

/** A rule's new version: the whole schedule again, with the reason of the change. */
export class UpdateSlotRuleDto extends SlotRuleScheduleDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  capacity?: number;

  @IsOptional()
  @IsArray()
  @IsIn(INDICATION_CODES, { each: true })
  indications?: IndicationCode[] | null;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_080)
  releaseCutoffMinutes?: number;

  @IsString()
  @MinLength(3, { message: 'indiquez la raison du changement' })
  @MaxLength(500)
  reason!: string;
}

export class StopSlotRuleDto {
  @IsString()
  @MinLength(3, { message: 'indiquez la raison de l’arrêt' })
  @MaxLength(500)
  reason!: string;
}
