import { apiErrorMessage, apiMessage, apiStatus } from '../api/api-error';

/** Why the login failed, in words that tell the user what to do next. */
export function loginErrorMessage(error: unknown): string {
  switch (apiStatus(error)) {
    case 401:
      return 'E-mail ou mot de passe incorrect.';
    case 400:
      return 'Vérifiez l’adresse e-mail saisie.';
    case 429: {
      // The lock-out explains itself in French; the per-address rate limit answers with the library's English text.
      const message = apiMessage(error);
      return message && !message.startsWith('ThrottlerException')
        ? message
        : 'Trop de tentatives de connexion depuis ce poste : patientez une minute avant de réessayer.';
    }
    default:
      return apiErrorMessage(error);
  }
}
