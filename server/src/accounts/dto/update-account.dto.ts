import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class UpdateAccountDto {
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(120)
  displayName?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  centreIds?: string[];

  /** true disables the account at once (its sessions end); false enables it again. */
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  /** Why: kept in the audit trail. */
  @IsString()
  @MinLength(3, { message: 'indiquez la raison du changement' })
  @MaxLength(500)
  reason!: string;
}
