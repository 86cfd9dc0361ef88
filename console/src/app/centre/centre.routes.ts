import { Routes } from '@angular/router';
import { ROLE_LABELS } from '@creneau/contracts';
import { WorkspaceHomeComponent } from '../workspace/workspace-home.component';

export const centreRoutes: Routes = [
  {
    path: '',
    component: WorkspaceHomeComponent,
    title: 'Centre d’imagerie — Créneau',
    data: {
      heading: ROLE_LABELS.centre,
      upcoming: 'À venir : la publication des créneaux réservés et le suivi des rendez-vous du centre.',
    },
  },
];
