import { HttpErrorResponse } from '@angular/common/http';

/** The status of a failed API call; 0 when no answer came (network down, server stopped). */
export function apiStatus(error: unknown): number | null {
  return error instanceof HttpErrorResponse ? error.status : null;
}

/** The server's own explanation (`body.message`), when it gave one. */
export function apiMessage(error: unknown): string | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const message: unknown = (error.error as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message.trim() !== '' ? message : null;
}

/** Per-field problems of a 400 (`body.fields`), keyed by field path. */
export function apiFieldErrors(error: unknown): Record<string, string[]> {
  if (!(error instanceof HttpErrorResponse) || error.status !== 400) return {};
  const fields: unknown = (error.error as { fields?: unknown } | null)?.fields;
  return typeof fields === 'object' && fields !== null ? (fields as Record<string, string[]>) : {};
}

/** A French sentence for the person at the keyboard, whatever went wrong. */
export function apiErrorMessage(error: unknown): string {
  const status = apiStatus(error);
  if (status === 0) return 'Serveur injoignable : vérifiez la connexion réseau puis réessayez.';
  if (status !== null && status >= 500) return 'Le serveur a rencontré une erreur. Réessayez dans un instant.';
  return apiMessage(error) ?? 'La demande n’a pas abouti. Réessayez.';
}
