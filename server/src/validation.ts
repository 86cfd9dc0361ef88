import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import type { ValidationErrorBody } from '@creneau/contracts';

/**
 * The one validation pipe: unknown fields refused, types converted, and every problem returned at
 * once by field path (`patient.birthDate`), so a form can show each next to its input.
 */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new BadRequestException(validationErrorBody(errors)),
  });
}

export function validationErrorBody(errors: ValidationError[]): ValidationErrorBody {
  const fields: Record<string, string[]> = {};
  const collect = (error: ValidationError, prefix: string) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) fields[path] = Object.values(error.constraints);
    for (const child of error.children ?? []) collect(child, path);
  };
  errors.forEach((error) => collect(error, ''));
  return { statusCode: 400, error: 'Bad Request', message: 'Requête invalide : voir les champs en erreur.', fields };
}
