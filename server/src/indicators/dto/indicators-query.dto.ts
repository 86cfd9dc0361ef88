import { PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
  registerDecorator,
  ValidationArguments,
  type ValidationOptions,
} from 'class-validator';
import { MODALITIES, type Modality } from '@creneau/contracts';
import { parseIsoDate } from '@creneau/domain';

/** Ten years and a bit: enough for a territory's whole imported series, and a bound on the work of one call. */
const LONGEST_PERIOD_DAYS = 3_700;
const DAY_MS = 86_400_000;

/** A real day, 'yyyy-mm-dd'. */
function IsDay(options?: ValidationOptions) {
  return (target: object, property: string) =>
    registerDecorator({
      name: 'isDay',
      target: target.constructor,
      propertyName: property,
      options: { message: `${property} : une date du calendrier aaaa-mm-jj`, ...options },
      validator: { validate: (value: unknown) => parseIsoDate(value) !== null },
    });
}

/** Not before the day in `startProperty`, and at most LONGEST_PERIOD_DAYS after it. */
function EndsPeriodOf(startProperty: string) {
  return (target: object, property: string) =>
    registerDecorator({
      name: 'endsPeriod',
      target: target.constructor,
      propertyName: property,
      options: { message: `la période va de ${startProperty} à ${property}, au plus ${LONGEST_PERIOD_DAYS} jours` },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const start = (args.object as Record<string, unknown>)[startProperty];
          if (parseIsoDate(start) === null || parseIsoDate(value) === null) return true; // IsDay says why
          const days = (Date.parse(value as string) - Date.parse(start as string)) / DAY_MS;
          return days >= 0 && days <= LONGEST_PERIOD_DAYS;
        },
      },
    });
}

/** Filters of the indicators: days of the territory's time zone, both included. */
export class IndicatorsQueryDto {
  @IsDay()
  from!: string;

  @IsDay()
  @EndsPeriodOf('from')
  to!: string;

  @IsOptional()
  @IsUUID()
  centreId?: string;

  @IsOptional()
  @IsIn(MODALITIES)
  modality?: Modality;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  top = 10;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60)
  /** Unset: the server's LOST_TO_FOLLOW_UP_DAYS, the days the lost-to-follow-up job waits. */
  followUpDays?: number;
}

export class EvaluationExportQueryDto extends PickType(IndicatorsQueryDto, ['from', 'to', 'centreId', 'modality']) {}
