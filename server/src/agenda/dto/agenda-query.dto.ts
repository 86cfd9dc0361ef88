import { IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { MODALITIES, SLOT_STATES, type Modality, type SlotState } from '@creneau/contracts';

/** The day and week views: a period (at most 62 days), optionally one centre, modality or state. */
export class AgendaQueryDto {
  @IsISO8601({ strict: true })
  from!: string;

  @IsISO8601({ strict: true })
  to!: string;

  @IsOptional()
  @IsUUID()
  centreId?: string;

  @IsOptional()
  @IsIn(MODALITIES)
  modality?: Modality;

  @IsOptional()
  @IsIn(SLOT_STATES)
  state?: SlotState;
}
