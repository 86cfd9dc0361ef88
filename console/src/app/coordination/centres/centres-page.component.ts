import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MODALITY_LABELS, type CentreSummary, type UpdatedCentreView } from '@creneau/contracts';
import { catchError, of, switchMap } from 'rxjs';
import { appointmentsToMove } from '../../territory/appointments-to-move';
import { TerritoryStore } from '../../territory/territory-store';
import { AtPipe } from '../../time/at.pipe';
import { CentreFormComponent } from './centre-form.component';
import { CentresApi } from './centres-api';
import { ClosureFormComponent } from '../../territory/closure-form.component';

/** The partner centres: add one, change one (with a reason), close one for a period. */
@Component({
  selector: 'cr-centres-page',
  imports: [AtPipe, CentreFormComponent, ClosureFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './centres-page.component.html',
})
export class CentresPageComponent {
  private readonly api = inject(CentresApi);
  protected readonly timeZone = inject(TerritoryStore).timeZone;
  private readonly refresh = signal(0);
  protected readonly centres = toSignal(
    toObservable(this.refresh).pipe(switchMap(() => this.api.list().pipe(catchError(() => of<CentreSummary[]>([]))))),
  );
  /** The form shown: 'new', a centre to edit, or none. */
  protected readonly editing = signal<'new' | CentreSummary | null>(null);
  protected readonly edited = computed(() => {
    const editing = this.editing();
    return editing === 'new' || editing === null ? null : editing;
  });
  protected readonly closing = signal<string | null>(null);
  protected readonly notice = signal('');

  protected modalities(centre: CentreSummary): string {
    return centre.modalities.map((m) => MODALITY_LABELS[m]).join(', ');
  }

  protected saved(centre: CentreSummary | UpdatedCentreView): void {
    this.editing.set(null);
    const ahead = 'appointments' in centre ? centre.appointments : [];
    this.done(`Centre ${centre.name} enregistré.` + appointmentsToMove(ahead, this.timeZone()));
  }

  protected done(message: string): void {
    this.closing.set(null);
    this.notice.set(message);
    this.refresh.update((n) => n + 1);
  }
}
