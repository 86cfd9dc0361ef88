import { Routes } from '@angular/router';

export const centreRoutes: Routes = [
  {
    path: '',
    loadComponent: () => import('./agenda/agenda-page.component').then((m) => m.AgendaPageComponent),
    title: 'Centre d’imagerie — Créneau',
  },
  {
    path: 'regles',
    loadComponent: () => import('./rules/rules-page.component').then((m) => m.RulesPageComponent),
    title: 'Créneaux récurrents — Créneau',
  },
  {
    path: 'calendriers',
    loadComponent: () => import('./calendars/calendars-page.component').then((m) => m.CalendarsPageComponent),
    title: 'Calendriers et imports — Créneau',
  },
  {
    path: 'demandes/:id',
    loadComponent: () => import('./request/centre-request-page.component').then((m) => m.CentreRequestPageComponent),
    title: 'Demande — Créneau',
  },
];
