import { IsString, MaxLength, MinLength } from 'class-validator';

export class WithdrawSlotDto {
  @IsString()
  @MinLength(3, { message: 'indiquez la raison du retrait' })
  @MaxLength(500)
  reason!: string;
}
