import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import type { LoginRequest } from '@creneau/contracts';

export class LoginDto implements LoginRequest {
  @IsEmail({}, { message: 'adresse e-mail invalide' })
  @MaxLength(254)
  email!: string;

  @IsString()
  @MinLength(1, { message: 'mot de passe requis' })
  @MaxLength(200)
  password!: string;
}
