import { TestBed } from '@angular/core/testing';
import type { CentreSummary } from '@creneau/contracts';
import { CentreCardComponent } from './centre-card.component';

const hospital: CentreSummary = {
  id: 'c1',
  name: 'Hôpital de La Roche-sur-Yon — imagerie',
  sector: 'public',
  organisation: 'CHD',
  address: 'Boulevard Stéphane Moreau, 85000 La Roche-sur-Yon',
  location: { latitude: 46.68, longitude: -1.4 },
  phone: '+33 2 51 00 10 00',
  modalities: ['radiography', 'ct', 'mri'],
  wheelchairAccessible: true,
  stretcherAccessible: false,
  acceptsMrConditionalPacemaker: true,
  active: true,
};

function render(centre: CentreSummary, own = false): HTMLElement {
  const fixture = TestBed.createComponent(CentreCardComponent);
  fixture.componentRef.setInput('centre', centre);
  fixture.componentRef.setInput('own', own);
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}

describe('CentreCardComponent', () => {
  it('shows the sector and the modalities in French', () => {
    const element = render(hospital);
    expect(element.querySelector('.sector')?.textContent).toBe('Public');
    expect(element.querySelector('.modalities')?.textContent).toBe('Radiographie · Scanner · IRM');
  });

  it('states accessibility and MR-conditional pacemakers when the centre has an MRI', () => {
    expect(render(hospital).querySelector('.access')?.textContent).toBe(
      'accès fauteuil, pas d’accès brancard, IRM stimulateur compatible',
    );
  });

  it('says nothing of pacemakers for a centre without MRI', () => {
    const practice = { ...hospital, sector: 'private' as const, modalities: ['radiography' as const] };
    const element = render(practice);
    expect(element.querySelector('.sector')?.textContent).toBe('Privé');
    expect(element.querySelector('.access')?.textContent).not.toContain('IRM');
  });

  it('marks the user’s own centre', () => {
    expect(render(hospital).querySelector('.own')).toBeNull();
    expect(render(hospital, true).querySelector('.own')?.textContent).toBe('Votre centre');
  });
});
