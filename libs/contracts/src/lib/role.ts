export const ROLES = ['secretariat', 'centre', 'coordinator', 'admin', 'doctor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  secretariat: 'Télésecrétariat',
  centre: 'Centre d’imagerie',
  coordinator: 'Coordination CPTS',
  admin: 'Administration',
  doctor: 'Médecin demandeur',
};
