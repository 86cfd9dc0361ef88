import { IsIn, IsInt, IsOptional, IsString, IsUrl, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IMPORT_KINDS, MODALITIES, type ImportKind, type Modality } from '@creneau/contracts';

/** Feeds are fetched by the server: http and https only, never file: or other schemes. */
export const FEED_URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };
export const FEED_URL_MESSAGE = { message: 'adresse http:// ou https:// attendue' };

export class CreateImportSourceDto {
  /** 'ical': an iCalendar feed; 'fhir': the `$bulk-publish` manifest of a SMART Scheduling Links publication. */
  @IsIn(IMPORT_KINDS)
  kind!: ImportKind;

  @IsUrl(FEED_URL_OPTIONS, FEED_URL_MESSAGE)
  @MaxLength(2000)
  url!: string;

  /** iCal only: text that marks an event as a reserved slot (summary or categories); without it, every event is one. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  marker?: string;

  /** Modality of the slots when the source's items name none. */
  @IsOptional()
  @IsIn(MODALITIES)
  modality?: Modality;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1440)
  pollIntervalMinutes?: number;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
