import { Routes } from '@angular/router';
import { ROLE_LABELS } from '@creneau/contracts';
import { WorkspaceHomeComponent } from '../workspace/workspace-home.component';

export const doctorRoutes: Routes = [
  {
    path: '',
    component: WorkspaceHomeComponent,
    title: 'Médecin demandeur — Créneau',
    data: {
      heading: ROLE_LABELS.doctor,
      upcoming: 'À venir : la demande d’examen en ligne et le suivi de vos demandes.',
    },
  },
];
