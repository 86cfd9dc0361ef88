import { IsString, MaxLength, MinLength } from 'class-validator';

/** The text fields of the import's multipart form; the file itself is its `file` part. */
export class ImportEvaluationDto {
  /** Why this series is imported: kept in the audit trail. */
  @IsString()
  @MinLength(3, { message: 'indiquez la raison de l’import' })
  @MaxLength(500)
  reason!: string;
}
