import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import {
  CENTRE_SECTORS,
  INDICATION_CODES,
  MODALITIES,
  type CentreSector,
  type IndicationCode,
  type Modality,
} from '@creneau/contracts';

export class CreateCentreDto {
  @IsString()
  @MinLength(2)
  @MaxLength(160)
  name!: string;

  @IsIn(CENTRE_SECTORS)
  sector!: CentreSector;

  @IsString()
  @MinLength(2)
  @MaxLength(160)
  organisation!: string;

  @IsString()
  @MinLength(2)
  @MaxLength(200)
  streetAddress!: string;

  @Matches(/^\d{5}$/, { message: 'code postal à 5 chiffres' })
  postcode!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(120)
  city!: string;

  @Type(() => Number)
  @IsLatitude()
  latitude!: number;

  @Type(() => Number)
  @IsLongitude()
  longitude!: number;

  @IsString()
  @MinLength(6)
  @MaxLength(30)
  phone!: string;

  @IsEmail()
  secureEmail!: string;

  @IsArray()
  @ArrayMinSize(1)
  @IsIn(MODALITIES, { each: true })
  modalities!: Modality[];

  @IsBoolean()
  wheelchairAccessible!: boolean;

  @IsBoolean()
  stretcherAccessible!: boolean;

  @IsBoolean()
  acceptsMrConditionalPacemaker!: boolean;

  /** The retained indications the centre accepts; empty or absent: all of those of its modalities. */
  @IsOptional()
  @IsArray()
  @IsIn(INDICATION_CODES, { each: true })
  acceptedIndications?: IndicationCode[];

  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class UpdateCentreDto {
  @IsOptional() @IsString() @MinLength(2) @MaxLength(160) name?: string;
  @IsOptional() @IsIn(CENTRE_SECTORS) sector?: CentreSector;
  @IsOptional() @IsString() @MinLength(2) @MaxLength(160) organisation?: string;
  @IsOptional() @IsString() @MinLength(2) @MaxLength(200) streetAddress?: string;
  @IsOptional() @Matches(/^\d{5}$/, { message: 'code postal à 5 chiffres' }) postcode?: string;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(120) city?: string;
  @IsOptional() @Type(() => Number) @IsLatitude() latitude?: number;
  @IsOptional() @Type(() => Number) @IsLongitude() longitude?: number;
  @IsOptional() @IsString() @MinLength(6) @MaxLength(30) phone?: string;
  @IsOptional() @IsEmail() secureEmail?: string;
  @IsOptional() @IsArray() @ArrayMinSize(1) @IsIn(MODALITIES, { each: true }) modalities?: Modality[];
  @IsOptional() @IsBoolean() wheelchairAccessible?: boolean;
  @IsOptional() @IsBoolean() stretcherAccessible?: boolean;
  @IsOptional() @IsBoolean() acceptsMrConditionalPacemaker?: boolean;
  @IsOptional() @IsArray() @IsIn(INDICATION_CODES, { each: true }) acceptedIndications?: IndicationCode[];
  /** false closes the centre for good (a temporary closure is a closure period). */
  @IsOptional() @IsBoolean() active?: boolean;

  @IsString()
  @MinLength(3, { message: 'indiquez la raison du changement' })
  @MaxLength(500)
  reason!: string;
}

export class CreateClosureDto {
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, { message: 'date ISO 8601 avec fuseau' })
  from!: string;

  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, { message: 'date ISO 8601 avec fuseau' })
  to!: string;

  @IsString()
  @MinLength(3, { message: 'indiquez la raison de la fermeture' })
  @MaxLength(500)
  reason!: string;
}
