import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { INDICATION_CODES, MODALITIES, type IndicationCode, type Modality } from '@creneau/contracts';

/** A one-off reserved slot, published by the centre (or the coordinator). */
export class PublishSlotDto {
  @IsUUID()
  centreId!: string;

  @IsIn(MODALITIES)
  modality!: Modality;

  /** ISO 8601 with an offset, e.g. 2026-11-24T11:00:00+01:00. */
  @IsISO8601({ strict: true, strictSeparator: true })
  start!: string;

  @Type(() => Number)
  @IsInt()
  @Min(5)
  @Max(720)
  durationMinutes!: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  capacity = 1;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(INDICATION_CODES.length)
  @IsIn(INDICATION_CODES, { each: true })
  indications?: IndicationCode[];

  /** How long before its start an unused slot goes back to the centre. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_080)
  releaseCutoffMinutes = 120;
}
