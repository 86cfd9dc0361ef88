import { MINIMUM_PASSWORD_LENGTH } from '../../session/password-policy';
import type { NewAccount } from './accounts-api';

export type NewAccountField = 'email' | 'displayName' | 'role' | 'password' | 'centreIds' | 'rpps';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const RPPS = /^\d{11}$/;

/** What the server would refuse, said in French before sending. */
export function checkNewAccount(account: NewAccount): Partial<Record<NewAccountField, string>> {
  const errors: Partial<Record<NewAccountField, string>> = {};
  if (!EMAIL.test(account.email)) errors.email = 'Adresse e-mail invalide.';
  if (account.displayName.length < 2) errors.displayName = 'Indiquez le nom (2 caractères au moins).';
  if (account.password.length < MINIMUM_PASSWORD_LENGTH) {
    errors.password = `Au moins ${MINIMUM_PASSWORD_LENGTH} caractères.`;
  }
  if (account.role === 'centre' && !account.centreIds?.length) errors.centreIds = 'Choisissez au moins un centre.';
  if (account.role === 'doctor' && !RPPS.test(account.rpps ?? '')) errors.rpps = 'Le numéro RPPS compte 11 chiffres.';
  return errors;
}
