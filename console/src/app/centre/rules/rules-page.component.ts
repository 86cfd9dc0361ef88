import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { MODALITY_LABELS, type SlotRuleView } from '@creneau/contracts';
import { catchError, firstValueFrom, of, switchMap } from 'rxjs';
import { apiErrorMessage } from '../../api/api-error';
import { TerritoryStore } from '../../territory/territory-store';
import { OwnCentre } from '../own-centre';
import { RuleFormComponent } from './rule-form.component';
import { SlotRulesApi } from './slot-rules-api';
import { describeDays } from './weekly-rrule';

const MINIMUM_REASON_LENGTH = 3;

/** The centre's recurring rules: what they publish, and their creation, edition and stop. */
@Component({
  selector: 'cr-rules-page',
  imports: [RouterLink, ReactiveFormsModule, RuleFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './rules-page.component.html',
})
export class RulesPageComponent {
  private readonly api = inject(SlotRulesApi);
  protected readonly own = inject(OwnCentre);
  protected readonly timeZone = inject(TerritoryStore).timeZone;
  protected readonly modalityLabels = MODALITY_LABELS;
  protected readonly describeDays = describeDays;

  private readonly refresh = signal(0);
  protected readonly rules = toSignal(
    toObservable(computed(() => ({ centre: this.own.centre(), refresh: this.refresh() }))).pipe(
      switchMap(({ centre }) => (centre ? this.api.list(centre.id).pipe(catchError(() => of([]))) : of([]))),
    ),
  );
  /** The form shown: 'new', a rule to edit, or none. */
  protected readonly editing = signal<'new' | SlotRuleView | null>(null);
  protected readonly editedRule = computed(() => {
    const editing = this.editing();
    return editing === 'new' || editing === null ? null : editing;
  });
  protected readonly stopping = signal<SlotRuleView | null>(null);
  protected readonly stopReason = new FormControl('', { nonNullable: true });
  protected readonly notice = signal('');
  protected readonly error = signal<string | null>(null);

  protected saved(message: string): void {
    this.editing.set(null);
    this.notice.set(message);
    this.refresh.update((n) => n + 1);
  }

  protected async stop(rule: SlotRuleView): Promise<void> {
    const reason = this.stopReason.value.trim();
    if (reason.length < MINIMUM_REASON_LENGTH) {
      this.error.set(`Indiquez le motif de l’arrêt (${MINIMUM_REASON_LENGTH} caractères au moins).`);
      return;
    }
    try {
      await firstValueFrom(this.api.stop(rule.id, reason));
      this.stopping.set(null);
      this.stopReason.reset();
      this.error.set(null);
      this.saved('Règle arrêtée : ses créneaux libres à venir sont retirés.');
    } catch (error) {
      this.error.set(apiErrorMessage(error));
    }
  }
}
