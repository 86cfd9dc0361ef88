import { inject } from '@angular/core';
import { Routes } from '@angular/router';
import { anonymousOnly } from './session/anonymous-only.guard';
import { requireRole, requireSession } from './session/require-role.guard';
import { SessionStore } from './session/session-store';

/** Each user's workspace, or the login page; the router follows only one redirect, hence a function for both. */
const home = () => inject(SessionStore).homePath();

export const appRoutes: Routes = [
  {
    path: 'connexion',
    canActivate: [anonymousOnly],
    loadComponent: () => import('./session/login-page.component').then((m) => m.LoginPageComponent),
    title: 'Connexion — Créneau',
  },
  {
    path: 'secretariat',
    canActivate: [requireRole('secretariat')],
    loadChildren: () => import('./secretariat/secretariat.routes').then((m) => m.secretariatRoutes),
  },
  {
    path: 'centre',
    canActivate: [requireRole('centre')],
    loadChildren: () => import('./centre/centre.routes').then((m) => m.centreRoutes),
  },
  {
    path: 'coordination',
    canActivate: [requireRole('coordinator', 'admin')],
    loadChildren: () => import('./coordination/coordination.routes').then((m) => m.coordinationRoutes),
  },
  {
    path: 'medecin',
    canActivate: [requireRole('doctor')],
    loadChildren: () => import('./doctor/doctor.routes').then((m) => m.doctorRoutes),
  },
  {
    path: 'mot-de-passe',
    canActivate: [requireSession],
    loadComponent: () => import('./session/password-page.component').then((m) => m.PasswordPageComponent),
    title: 'Mot de passe — Créneau',
  },
  { path: '', pathMatch: 'full', redirectTo: home },
  { path: '**', redirectTo: home },
];
