import { Routes } from '@angular/router';
import { ROLE_LABELS } from '@creneau/contracts';
import { WorkspaceHomeComponent } from '../workspace/workspace-home.component';

export const secretariatRoutes: Routes = [
  {
    path: '',
    component: WorkspaceHomeComponent,
    title: 'Télésecrétariat — Créneau',
    data: {
      heading: ROLE_LABELS.secretariat,
      upcoming: 'À venir : la saisie des demandes d’imagerie et la réservation des créneaux des centres.',
    },
  },
];
