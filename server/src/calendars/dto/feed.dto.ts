import { IsBoolean, IsIn, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { FEED_SCOPES, type FeedScopeKind } from '@creneau/contracts';

export class CreateFeedDto {
  /** centre: one centre's agenda; account: the caller's own centres (centre staff); secretariat: the territory's appointments. */
  @IsIn(FEED_SCOPES)
  scope!: FeedScopeKind;

  @ValidateIf((dto: CreateFeedDto) => dto.scope === 'centre')
  @IsUUID()
  centreId?: string;

  /** Whose calendar it goes into ("iPhone du Dr Morel"), to recognise it when revoking. */
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  label!: string;
}

export class FeedReasonDto {
  @IsString()
  @MinLength(3, { message: 'indiquez la raison' })
  @MaxLength(500)
  reason!: string;
}

export class CalendarSettingsDto {
  /** Name the patient in this centre's feeds: off by default, a choice of the centre, audited with its reason. */
  @IsBoolean()
  showPatientNames!: boolean;

  @IsString()
  @MinLength(3, { message: 'indiquez la raison du changement' })
  @MaxLength(500)
  reason!: string;
}
