import type { Role } from '@creneau/contracts';

export interface WorkspaceLink {
  label: string;
  path: string;
}

const COORDINATION: WorkspaceLink[] = [
  { label: 'Vue d’ensemble', path: '/coordination' },
  { label: 'Centres', path: '/coordination/centres' },
  { label: 'Hors protocole', path: '/coordination/hors-protocole' },
  { label: 'Indicateurs', path: '/coordination/indicateurs' },
  { label: 'Comptes', path: '/coordination/comptes' },
  { label: 'Journal d’audit', path: '/coordination/journal' },
  { label: 'Tâches planifiées', path: '/coordination/taches' },
  { label: 'Messages non envoyés', path: '/coordination/messages' },
];

/** The pages of each role's workspace, in the order of the header's navigation. */
export const WORKSPACE_LINKS: Record<Role, WorkspaceLink[]> = {
  secretariat: [
    { label: 'File des demandes', path: '/secretariat' },
    { label: 'Nouvelle demande', path: '/secretariat/demandes/nouvelle' },
    { label: 'Messages non envoyés', path: '/secretariat/messages' },
  ],
  centre: [
    { label: 'Agenda', path: '/centre' },
    { label: 'Créneaux récurrents', path: '/centre/regles' },
    { label: 'Calendriers et imports', path: '/centre/calendriers' },
  ],
  coordinator: COORDINATION,
  admin: COORDINATION,
  doctor: [
    { label: 'Mes demandes', path: '/medecin' },
    { label: 'Nouvelle demande', path: '/medecin/demande' },
  ],
};
