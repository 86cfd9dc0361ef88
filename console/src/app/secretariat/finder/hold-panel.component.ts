import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  input,
  output,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { SlotSearchHit } from '@creneau/contracts';
import { interval, map } from 'rxjs';
import { AtPipe } from '../../time/at.pipe';

/** The slot held while on the phone: how long it stays held, and the button that books it. */
@Component({
  selector: 'cr-hold-panel',
  imports: [AtPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="hold panel" aria-labelledby="hold-title">
      <h3 id="hold-title">Créneau retenu</h3>
      <p>
        <strong>{{ hit().start | at: timeZone() : 'long' }}</strong> — {{ hit().centreName }} ({{ hit().city }})
      </p>
      <p class="countdown" [class.expired]="remaining() === 0" role="timer" aria-live="off">
        @if (remaining() > 0) {
          Retenu pour vous encore {{ countdown() }}
        } @else {
          Retenue expirée : le créneau peut être pris par un autre secrétariat.
        }
      </p>
      <div class="actions">
        <button #bookButton type="button" class="primary" [attr.aria-busy]="pending()" (click)="book.emit()">
          Réserver ce créneau
        </button>
        <button type="button" (click)="release.emit()">Relâcher</button>
      </div>
    </section>
  `,
})
export class HoldPanelComponent {
  readonly hit = input.required<SlotSearchHit>();
  readonly expiresAt = input.required<string>();
  readonly timeZone = input.required<string>();
  readonly pending = input(false);
  readonly book = output<void>();
  readonly release = output<void>();

  private readonly bookButton = viewChild.required<ElementRef<HTMLButtonElement>>('bookButton');
  private readonly now = toSignal(interval(1000).pipe(map(() => Date.now())), { initialValue: Date.now() });
  protected readonly remaining = computed(() => Math.max(0, new Date(this.expiresAt()).getTime() - this.now()));
  protected readonly countdown = computed(() => {
    const seconds = Math.ceil(this.remaining() / 1000);
    return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
  });

  constructor() {
    // On the phone, Enter books the slot just held.
    afterNextRender(() => this.bookButton().nativeElement.focus());
  }
}
