import { Routes } from '@angular/router';

export const appRoutes: Routes = [
  { path: '', loadChildren: () => import('./territory/territory.routes').then((m) => m.territoryRoutes) },
  { path: '**', redirectTo: '' },
];
