import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { HttpErrorResponse } from '@angular/common/http';
import type { EvaluationImportProblem, EvaluationImportRejection, EvaluationImportResult } from '@creneau/contracts';
import { apiErrorMessage, apiFieldErrors } from '../../api/api-error';
import { IndicatorsApi } from './indicators-api';

type Outcome =
  | { state: 'idle' }
  | { state: 'sending' }
  | { state: 'imported'; result: EvaluationImportResult }
  | { state: 'rejected'; message: string; problems: EvaluationImportProblem[] }
  | { state: 'error'; message: string };

/** Imports a territory's past evaluation (the export's columns): every line is read before anything is kept. */
@Component({
  selector: 'cr-evaluation-import',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './evaluation-import.component.html',
})
export class EvaluationImportComponent {
  private readonly api = inject(IndicatorsApi);
  protected readonly file = signal<File | null>(null);
  protected readonly reason = signal('');
  protected readonly outcome = signal<Outcome>({ state: 'idle' });
  protected readonly sending = computed(() => this.outcome().state === 'sending');
  protected readonly imported = computed(() => {
    const outcome = this.outcome();
    return outcome.state === 'imported' ? outcome.result : null;
  });
  protected readonly rejected = computed(() => {
    const outcome = this.outcome();
    return outcome.state === 'rejected' ? outcome : null;
  });
  protected readonly error = computed(() => {
    const outcome = this.outcome();
    return outcome.state === 'error' ? outcome.message : null;
  });

  protected choose(event: Event): void {
    this.file.set((event.target as HTMLInputElement).files?.[0] ?? null);
    this.outcome.set({ state: 'idle' });
  }

  protected submit(event: Event): void {
    event.preventDefault();
    const file = this.file();
    if (!file || this.reason().trim().length < 3) {
      this.outcome.set({ state: 'error', message: 'Choisissez le fichier et indiquez la raison de l’import.' });
      return;
    }
    this.outcome.set({ state: 'sending' });
    this.api.import(file, this.reason().trim()).subscribe({
      next: (result) => this.outcome.set({ state: 'imported', result }),
      error: (error: unknown) => this.outcome.set(failure(error)),
    });
  }
}

function failure(error: unknown): Outcome {
  if (error instanceof HttpErrorResponse && error.status === 422) {
    const body = error.error as EvaluationImportRejection;
    return { state: 'rejected', message: body.message, problems: body.problems ?? [] };
  }
  const fields = Object.values(apiFieldErrors(error)).flat();
  return { state: 'error', message: fields.length > 0 ? fields.join(' ; ') : apiErrorMessage(error) };
}
