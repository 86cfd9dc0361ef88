import type { Role } from '@creneau/contracts';

export interface WorkspaceLink {
  label: string;
  path: string;
}

const COORDINATION: WorkspaceLink[] = [
  { label: 'Vue d’ensemble', path: '/coordination' },
  { label: 'Comptes', path: '/coordination/comptes' },
  { label: 'Journal d’audit', path: '/coordination/journal' },
];

/** The pages of each role's workspace, in the order of the header's navigation. */
export const WORKSPACE_LINKS: Record<Role, WorkspaceLink[]> = {
  secretariat: [{ label: 'Télésecrétariat', path: '/secretariat' }],
  centre: [{ label: 'Centre', path: '/centre' }],
  coordinator: COORDINATION,
  admin: COORDINATION,
  doctor: [{ label: 'Mes demandes', path: '/medecin' }],
};
