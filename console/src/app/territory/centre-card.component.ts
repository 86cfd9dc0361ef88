import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MODALITY_LABELS, type CentreSummary } from '@creneau/contracts';

@Component({
  selector: 'cr-centre-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <article class="centre-card">
      <h3>{{ centre().name }}</h3>
      <p class="sector" [class.public]="centre().sector === 'public'">{{ sectorLabel() }}</p>
      @if (own()) {
        <p class="own">Votre centre</p>
      }
      <p>{{ centre().address }}</p>
      <p>Tél. {{ centre().phone }}</p>
      <p class="modalities">{{ modalities() }}</p>
      <p class="access">{{ accessibility() }}</p>
    </article>
  `,
})
export class CentreCardComponent {
  readonly centre = input.required<CentreSummary>();
  /** The user works at this centre. */
  readonly own = input(false);

  protected readonly sectorLabel = computed(() => (this.centre().sector === 'public' ? 'Public' : 'Privé'));
  protected readonly modalities = computed(() =>
    this.centre()
      .modalities.map((m) => MODALITY_LABELS[m])
      .join(' · '),
  );
  protected readonly accessibility = computed(() => {
    const centre = this.centre();
    const facts = [
      centre.wheelchairAccessible ? 'accès fauteuil' : 'pas d’accès fauteuil',
      centre.stretcherAccessible ? 'accès brancard' : 'pas d’accès brancard',
    ];
    if (centre.modalities.includes('mri')) {
      facts.push(centre.acceptsMrConditionalPacemaker ? 'IRM stimulateur compatible' : 'IRM sans stimulateur');
    }
    return facts.join(', ');
  });
}
