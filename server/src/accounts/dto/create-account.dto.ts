import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { ROLES, type Role } from '@creneau/contracts';
import { MINIMUM_PASSWORD_LENGTH } from './change-password.dto';

export class CreateAccountDto {
  @IsEmail({}, { message: 'adresse e-mail invalide' })
  @MaxLength(254)
  email!: string;

  @IsString()
  @MinLength(2)
  @MaxLength(120)
  displayName!: string;

  @IsIn(ROLES)
  role!: Role;

  @IsString()
  @MinLength(MINIMUM_PASSWORD_LENGTH, { message: `au moins ${MINIMUM_PASSWORD_LENGTH} caractères` })
  @MaxLength(200)
  password!: string;

  /** Required for centre staff: the centres the account works for. */
  @ValidateIf((dto: CreateAccountDto) => dto.role === 'centre' || dto.centreIds !== undefined)
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  centreIds?: string[];

  /** Required for a requesting doctor: the 11-digit RPPS number. */
  @ValidateIf((dto: CreateAccountDto) => dto.role === 'doctor' || dto.rpps !== undefined)
  @Matches(/^\d{11}$/, { message: 'le numéro RPPS compte 11 chiffres' })
  rpps?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
