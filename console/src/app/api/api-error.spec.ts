import { HttpErrorResponse } from '@angular/common/http';
import { apiErrorMessage, apiFieldErrors } from './api-error';

const answer = (status: number, error: unknown) => new HttpErrorResponse({ status, error });

describe('API errors', () => {
  it('tells an unreachable server and a server failure apart from the server’s own message', () => {
    expect(apiErrorMessage(answer(0, new ProgressEvent('error')))).toContain('Serveur injoignable');
    expect(apiErrorMessage(answer(500, { message: 'Internal server error' }))).toContain('Le serveur a rencontré une erreur');
    expect(apiErrorMessage(answer(409, { message: 'Un compte existe déjà avec cette adresse.' }))).toBe(
      'Un compte existe déjà avec cette adresse.',
    );
    expect(apiErrorMessage(new Error('boom'))).toBe('La demande n’a pas abouti. Réessayez.');
  });

  it('reads the fields of a 400 only', () => {
    expect(apiFieldErrors(answer(400, { fields: { email: ['adresse e-mail invalide'] } }))).toEqual({
      email: ['adresse e-mail invalide'],
    });
    expect(apiFieldErrors(answer(422, { fields: { email: ['x'] } }))).toEqual({});
  });
});
