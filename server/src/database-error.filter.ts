import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';

/** PostgreSQL error codes that are the caller's doing, and the answer each deserves. */
const CLIENT_ERRORS: Record<string, { status: number; message: string }> = {
  '23505': { status: HttpStatus.CONFLICT, message: 'Cet élément existe déjà.' },
  '23503': { status: HttpStatus.CONFLICT, message: 'Cet élément est lié à un autre qui n’existe pas ou plus.' },
  '23514': { status: HttpStatus.BAD_REQUEST, message: 'Valeur refusée par les règles du domaine.' },
  '22P02': { status: HttpStatus.BAD_REQUEST, message: 'Valeur mal formée.' },
  '22007': { status: HttpStatus.BAD_REQUEST, message: 'Date mal formée.' },
  '22008': { status: HttpStatus.BAD_REQUEST, message: 'Date hors limites.' },
  // Concurrent changes: another user's change won; trying again is the answer.
  '40001': { status: HttpStatus.CONFLICT, message: 'Modifié au même moment par un autre utilisateur : réessayez.' },
  '40P01': { status: HttpStatus.CONFLICT, message: 'Modifié au même moment par un autre utilisateur : réessayez.' },
};

/** Turns database refusals into clear 4xx answers; anything else is a 500 that leaks no SQL. */
@Catch(QueryFailedError)
export class DatabaseErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Database');

  catch(error: QueryFailedError & { code?: string }, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const known = error.code ? CLIENT_ERRORS[error.code] : undefined;
    if (known) {
      response.status(known.status).json({ statusCode: known.status, message: known.message });
      return;
    }
    this.logger.error(`unexpected database error ${error.code ?? ''}: ${error.message}`);
    response.status(500).json({ statusCode: 500, message: 'Erreur interne.' });
  }
}
