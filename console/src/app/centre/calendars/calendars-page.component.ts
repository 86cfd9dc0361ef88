import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TerritoryStore } from '../../territory/territory-store';
import { OwnCentre } from '../own-centre';
import { CalendarFeedsComponent } from './calendar-feeds.component';
import { ImportSourcesComponent } from './import-sources.component';

/** « Calendriers et imports »: the centre's iCal feeds out, and the sources its slots are imported from. */
@Component({
  selector: 'cr-calendars-page',
  imports: [RouterLink, CalendarFeedsComponent, ImportSourcesComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="breadcrumb"><a routerLink="/centre">← Agenda</a></p>
    <h1>Calendriers et imports — {{ own.centre()?.name ?? 'centre' }}</h1>
    @if (own.centres().length > 1) {
      <label for="calendars-centre">Centre</label>
      <select id="calendars-centre" #centreField (change)="own.choose(centreField.value)">
        @for (centre of own.centres(); track centre.id) {
          <option [value]="centre.id" [selected]="centre.id === own.centre()?.id">{{ centre.name }}</option>
        }
      </select>
    }
    @if (own.centre(); as centre) {
      <cr-calendar-feeds [centre]="centre" />
      <cr-import-sources [centre]="centre" />
    } @else if (loaded()) {
      <p class="notice">Ce compte n’est rattaché à aucun centre : demandez-le à la coordination.</p>
    } @else {
      <p>Chargement…</p>
    }
  `,
})
export class CalendarsPageComponent {
  protected readonly own = inject(OwnCentre);
  protected readonly loaded = inject(TerritoryStore).loaded;
}
