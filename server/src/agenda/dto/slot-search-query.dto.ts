import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { INDICATION_CODES, MODALITIES, type IndicationCode, type Modality } from '@creneau/contracts';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** What the telesecretary knows while on the phone: the exam, the patient's constraints and where they live. */
export class SlotSearchQueryDto {
  @IsIn(MODALITIES)
  modality!: Modality;

  @IsOptional()
  @IsIn(INDICATION_CODES)
  indication?: IndicationCode;

  /** Default: now. */
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  /** Default: 48 h after `from`; at most 72 h after it. */
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ValidateIf((query: SlotSearchQueryDto) => query.longitude !== undefined || query.latitude !== undefined)
  @Type(() => Number)
  @IsLatitude()
  latitude?: number;

  @ValidateIf((query: SlotSearchQueryDto) => query.longitude !== undefined || query.latitude !== undefined)
  @Type(() => Number)
  @IsLongitude()
  longitude?: number;

  /** Without coordinates: the patient's postal code and commune, as on the form, found in the territory's list. */
  @IsOptional()
  @IsString()
  @Matches(/^\d{5}$/, { message: 'code postal à 5 chiffres' })
  postalCode?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  commune?: string;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  ambulatory = true;

  /** For a non-ambulatory patient: the access the centre needs; absent means either will do. */
  @IsOptional()
  @IsIn(['wheelchair', 'stretcher'])
  mobilityAid?: 'wheelchair' | 'stretcher';

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  pacemaker = false;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit = 50;
}
