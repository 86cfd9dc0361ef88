import { Routes } from '@angular/router';
import { ROLE_LABELS } from '@creneau/contracts';
import { WorkspaceHomeComponent } from '../workspace/workspace-home.component';

export const coordinationRoutes: Routes = [
  {
    path: '',
    component: WorkspaceHomeComponent,
    title: 'Coordination — Créneau',
    data: {
      heading: ROLE_LABELS.coordinator,
      upcoming: 'À venir : la gestion des centres et les indicateurs du territoire.',
    },
  },
  {
    path: 'centres',
    loadComponent: () => import('./centres/centres-page.component').then((m) => m.CentresPageComponent),
    title: 'Centres — Créneau',
  },
  {
    path: 'hors-protocole',
    loadComponent: () => import('./protocol/outside-protocol-page.component').then((m) => m.OutsideProtocolPageComponent),
    title: 'Hors protocole — Créneau',
  },
  {
    path: 'indicateurs',
    loadComponent: () => import('./indicators/indicators-page.component').then((m) => m.IndicatorsPageComponent),
    title: 'Indicateurs — Créneau',
  },
  {
    path: 'comptes',
    loadComponent: () => import('./accounts/accounts-page.component').then((m) => m.AccountsPageComponent),
    title: 'Comptes — Créneau',
  },
  {
    path: 'journal',
    loadComponent: () => import('./audit/audit-page.component').then((m) => m.AuditPageComponent),
    title: 'Journal d’audit — Créneau',
  },
  {
    path: 'taches',
    loadComponent: () => import('./jobs/jobs-page.component').then((m) => m.JobsPageComponent),
    title: 'Tâches planifiées — Créneau',
  },
  {
    path: 'messages',
    loadComponent: () => import('../messages/unsent-messages-page.component').then((m) => m.UnsentMessagesPageComponent),
    title: 'Messages non envoyés — Créneau',
  },
];
