import { Routes } from '@angular/router';

export const doctorRoutes: Routes = [
  {
    path: '',
    loadComponent: () => import('./my-requests-page.component').then((m) => m.MyRequestsPageComponent),
    title: 'Médecin demandeur — Créneau',
  },
  {
    path: 'demande',
    loadComponent: () => import('./doctor-request-page.component').then((m) => m.DoctorRequestPageComponent),
    title: 'Nouvelle demande — Créneau',
  },
  {
    path: 'demandes/:id',
    loadComponent: () => import('./my-request-page.component').then((m) => m.MyRequestPageComponent),
    title: 'Demande — Créneau',
  },
];
