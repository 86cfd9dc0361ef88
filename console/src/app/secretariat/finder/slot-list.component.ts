import { afterRenderEffect, ChangeDetectionStrategy, Component, ElementRef, input, output, viewChildren } from '@angular/core';
import type { SlotSearchHit } from '@creneau/contracts';
import { AtPipe } from '../../time/at.pipe';

/**
 * Free slots as a ranked list, earliest first: those others took or hold greyed out, the one held here marked. The
 * first slot takes the focus when the list first shows with nothing held: Enter chooses it.
 */
@Component({
  selector: 'cr-slot-list',
  imports: [AtPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table class="data slots">
      <caption class="visually-hidden">
        {{
          caption()
        }}
      </caption>
      <thead>
        <tr>
          <th scope="col">Date et heure</th>
          <th scope="col">Centre</th>
          <th scope="col">Secteur</th>
          @if (detailed()) {
            <th scope="col">Accessibilité</th>
            <th scope="col">Distance</th>
          }
          <th scope="col"><span class="visually-hidden">Action</span></th>
        </tr>
      </thead>
      <tbody>
        @for (hit of hits(); track hit.slotId) {
          <tr [class.taken]="taken().has(hit.slotId)" [class.held]="heldSlotId() === hit.slotId">
            <td class="nowrap">
              {{ hit.start | at: timeZone() : 'day-time' }} <span class="details">{{ hit.durationMinutes }} min</span>
              @if (afterTarget(hit)) {
                <span class="late">après 48 h</span>
              }
            </td>
            <td>
              {{ hit.centreName }} <span class="details">{{ hit.city }}</span>
            </td>
            <td>
              <span class="sector" [class.public]="hit.sector === 'public'">{{
                hit.sector === 'public' ? 'Public' : 'Privé'
              }}</span>
            </td>
            @if (detailed()) {
              <td class="details">
                {{ hit.wheelchairAccessible ? 'fauteuil' : 'pas de fauteuil' }},
                {{ hit.stretcherAccessible ? 'brancard' : 'pas de brancard' }}
              </td>
              <td>{{ hit.distanceKm === null ? '—' : hit.distanceKm + ' km' }}</td>
            }
            <td>
              @if (heldElsewhere().has(hit.slotId)) {
                <span class="details">Retenu par un autre secrétariat</span>
              } @else if (taken().has(hit.slotId)) {
                <span class="details">Pris</span>
              } @else {
                <button
                  #actionButton
                  type="button"
                  class="small"
                  [disabled]="heldSlotId() === hit.slotId"
                  [attr.aria-label]="action() + ' ' + (hit.start | at: timeZone() : 'day-time') + ', ' + hit.centreName"
                  (click)="chosen.emit(hit)"
                >
                  {{ action() }}
                </button>
              }
            </td>
          </tr>
        }
      </tbody>
    </table>
  `,
})
export class SlotListComponent {
  readonly hits = input.required<readonly SlotSearchHit[]>();
  readonly timeZone = input.required<string>();
  /** Slots someone else took or holds: shown, greyed out, « Pris ». */
  readonly taken = input<ReadonlySet<string>>(new Set());
  /** Of those, the ones to say held by another secretariat rather than taken (they may come back). */
  readonly heldElsewhere = input<ReadonlySet<string>>(new Set());
  /** The slot held here: marked, its button disabled. */
  readonly heldSlotId = input<string | null>(null);
  /** The button's label: « Retenir » to book, « Choisir » to move. */
  readonly action = input('Retenir');
  readonly caption = input('Créneaux libres, du plus tôt au plus tard');
  /** With the accessibility and the distance of each slot. */
  readonly detailed = input(false);
  /** The request's target time (epoch ms): slots after it are flagged « après 48 h ». */
  readonly targetAt = input<number | null>(null);
  readonly chosen = output<SlotSearchHit>();

  private readonly actionButtons = viewChildren<ElementRef<HTMLButtonElement>>('actionButton');
  private focused = false;

  constructor() {
    afterRenderEffect(() => {
      const first = this.actionButtons()[0];
      if (first && !this.focused && this.heldSlotId() === null) {
        this.focused = true;
        first.nativeElement.focus();
      }
    });
  }

  protected afterTarget(hit: SlotSearchHit): boolean {
    const targetAt = this.targetAt();
    return targetAt !== null && Date.parse(hit.start) > targetAt;
  }
}
