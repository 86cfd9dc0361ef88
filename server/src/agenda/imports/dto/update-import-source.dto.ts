import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { MODALITIES, type Modality } from '@creneau/contracts';
import { FEED_URL_MESSAGE, FEED_URL_OPTIONS } from './create-import-source.dto';

/** Sent, but not null: the field cannot be cleared. */
const IfSent = () => ValidateIf((_dto: object, value: unknown) => value !== undefined);

/** Only the fields sent change; null clears the marker or the modality. */
export class UpdateImportSourceDto {
  @IfSent()
  @IsUrl(FEED_URL_OPTIONS, FEED_URL_MESSAGE)
  @MaxLength(2000)
  url?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  marker?: string | null;

  @IsOptional()
  @IsIn(MODALITIES)
  modality?: Modality | null;

  @IfSent()
  @IsInt()
  @Min(1)
  @Max(1440)
  pollIntervalMinutes?: number;

  /** false stops the polling (the slots already imported stay); true resumes it at once. */
  @IfSent()
  @IsBoolean()
  active?: boolean;

  /** Why: kept in the audit trail. */
  @IsString()
  @MinLength(3, { message: 'indiquez la raison du changement' })
  @MaxLength(500)
  reason!: string;
}
