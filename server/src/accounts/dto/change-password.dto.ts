import { IsString, MaxLength, MinLength } from 'class-validator';

export const MINIMUM_PASSWORD_LENGTH = 12;

export class ChangePasswordDto {
  @IsString()
  @MaxLength(200)
  currentPassword!: string;

  @IsString()
  @MinLength(MINIMUM_PASSWORD_LENGTH, { message: `au moins ${MINIMUM_PASSWORD_LENGTH} caractères` })
  @MaxLength(200)
  newPassword!: string;
}
