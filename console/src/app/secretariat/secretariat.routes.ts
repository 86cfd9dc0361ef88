import { Routes } from '@angular/router';

export const secretariatRoutes: Routes = [
  {
    path: '',
    loadComponent: () => import('./queue/queue-page.component').then((m) => m.QueuePageComponent),
    title: 'Télésecrétariat — Créneau',
  },
  {
    path: 'demandes/nouvelle',
    loadComponent: () => import('./request/request-page.component').then((m) => m.RequestPageComponent),
    title: 'Nouvelle demande — Créneau',
  },
  {
    path: 'demandes/:id',
    loadComponent: () => import('./request/request-page.component').then((m) => m.RequestPageComponent),
    title: 'Demande — Créneau',
  },
  {
    path: 'messages',
    loadComponent: () => import('../messages/unsent-messages-page.component').then((m) => m.UnsentMessagesPageComponent),
    title: 'Messages non envoyés — Créneau',
    data: { requestPath: '/secretariat/demandes' },
  },
];
