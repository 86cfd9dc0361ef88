import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import type { CommuneInput, CommuneListInput } from '@creneau/contracts';

export class CommuneInputDto implements CommuneInput {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @IsString()
  @Matches(/^\d{5}$/, { message: 'code postal à 5 chiffres' })
  postalCode!: string;

  @IsOptional()
  @IsString()
  @Matches(/^(\d{5}|2[AB]\d{3})$/, { message: 'code INSEE à 5 caractères' })
  inseeCode?: string | null;

  @IsLatitude()
  latitude!: number;

  @IsLongitude()
  longitude!: number;
}

export class CommuneListDto implements CommuneListInput {
  /** A large department has about 700 communes. */
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => CommuneInputDto)
  communes!: CommuneInputDto[];

  @IsString()
  @MinLength(3, { message: 'indiquez la raison du changement' })
  @MaxLength(500)
  reason!: string;
}

export class CommuneQueryDto {
  /** The start of a name ("les herb") or of a postal code ("855"). */
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  query!: string;
}
