import type { Role } from '@creneau/contracts';

/** Where each role works: the page a user lands on after signing in. */
export const WORKSPACE_PATHS: Record<Role, string> = {
  secretariat: '/secretariat',
  centre: '/centre',
  coordinator: '/coordination',
  admin: '/coordination',
  doctor: '/medecin',
};

export const LOGIN_PATH = '/connexion';
