import { keyFigures } from './indicator-figures';
import { REPORT } from './indicators-report.fixture';

/** French formats space thousands and percents with no-break spaces; compared here as plain ones. */
const plain = <T extends object>(figure: T | undefined) =>
  figure &&
  Object.fromEntries(Object.entries(figure).map(([key, value]) => [key, String(value).replace(/[\u202f\u00a0]/g, ' ')]));

describe('key figures', () => {
  const figures = keyFigures(REPORT);
  const figure = (label: string) => figures.find((candidate) => candidate.label === label);

  it('gives each figure its French value and detail', () => {
    expect(plain(figure('Demandes reçues'))).toMatchObject({
      value: '1 200',
      detail: 'Téléphone 900 · Formulaire web 250 · Non précisé 50 — dont 200 importées',
    });
    expect(plain(figure('Bons complets'))).toMatchObject({ value: '85 %', detail: '1 020 complets, 180 incomplets' });
    expect(plain(figure('Délai demande → rendez-vous'))).toMatchObject({ value: '1,5 j', detail: 'médian ; moyenne 1,6 j' });
    expect(plain(figure('Rendez-vous sous 48 h'))).toMatchObject({ value: '80 %', detail: '880 sur 1 100' });
    expect(plain(figure('Rendez-vous sous 72 h'))?.value).toBe('95 %');
    expect(plain(figure('Délai de réponse des centres'))).toMatchObject({ value: '2,5 h' });
    expect(plain(figure('Perdues de vue'))).toMatchObject({
      value: '20',
      detail: '8 sans réponse du centre · 12 confirmées sans issue',
    });
    expect(plain(figure('Rendez-vous dans le public'))).toMatchObject({ value: '60 %', detail: 'privé 40 %' });
    expect(plain(figure('Créneaux réservés utilisés'))).toMatchObject({
      value: '70 %',
      detail: '700 pris sur 1 000 publiés · 280 rendus sans preneur · 20 retirés',
    });
  });

  it('explains every figure in one line, with the territory’s own delays', () => {
    expect(figures).toHaveLength(16);
    for (const { explanation } of figures) {
      expect(explanation.length).toBeGreaterThan(20);
      expect(explanation).not.toContain('\n');
    }
    expect(figure('Perdues de vue')?.explanation).toBe(
      'Rendez-vous dont l’issue (réalisé ou absent) reste inconnue 3 jours après sa date.',
    );
    expect(figure('Rendez-vous sous 48 h')?.explanation).toContain('au plus 48 heures');
  });

  it('shows a dash where there is nothing to divide by', () => {
    const empty = keyFigures({
      ...REPORT,
      requests: { ...REPORT.requests, received: 0, complete: 0, incomplete: 0, byChannel: [], imported: 0 },
      booked: { count: 0, share: null },
    });
    expect(empty.find((candidate) => candidate.label === 'Bons complets')?.value).toBe('—');
    expect(empty.find((candidate) => candidate.label === 'Demandes programmées')?.value).toBe('—');
  });
});
