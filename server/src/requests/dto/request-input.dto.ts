import { ArrayMaxSize, IsArray, IsIn, IsObject, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { SAFETY_CHECK_CODES, type ImagingRequestDraft, type RequestInput, type SafetyCheckCode } from '@creneau/contracts';

/** The form's own fields are checked by the domain's rules (every problem at once, by field path). */
export class RequestInputDto implements RequestInput {
  @IsObject()
  form!: ImagingRequestDraft;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SAFETY_CHECK_CODES.length)
  @IsIn(SAFETY_CHECK_CODES, { each: true })
  confirmations?: SafetyCheckCode[];
}

export class UpdateRequestDto extends RequestInputDto {
  @IsString()
  @MinLength(3, { message: 'indiquez la raison de la modification' })
  @MaxLength(500)
  reason!: string;
}

export class OverrideDto {
  @IsString()
  @MinLength(3, { message: 'indiquez la raison de la dérogation' })
  @MaxLength(500)
  reason!: string;
}

export class CommentDto {
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  body!: string;
}

export class RequestListQueryDto {
  @IsOptional()
  @IsIn(['incomplete', 'to-book', 'booked', 'confirmed', 'done', 'no-show', 'cancelled', 'open'])
  status?: string;

  /** Searches the patient's and the doctor's names. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
