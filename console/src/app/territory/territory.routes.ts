import { Routes } from '@angular/router';
import { TerritoryPageComponent } from './territory-page.component';

export const territoryRoutes: Routes = [{ path: '', component: TerritoryPageComponent, title: 'Créneau — territoire' }];
