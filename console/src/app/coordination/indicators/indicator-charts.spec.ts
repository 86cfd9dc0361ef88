import { delayChart, monthlyChart, outcomesChart, slotUseChart } from './indicator-charts';
import { REPORT } from './indicators-report.fixture';

describe('indicator charts', () => {
  it('draws the months in French, requests received beside appointments obtained', () => {
    const chart = monthlyChart(REPORT);
    expect(chart.type).toBe('bar');
    expect(chart.data.labels).toEqual(['mars 2025', 'avr. 2025']);
    expect(chart.data.datasets.map((dataset) => [dataset.label, dataset.data])).toEqual([
      ['Demandes reçues', [580, 620]],
      ['Rendez-vous obtenus', [530, 570]],
    ]);
  });

  it('draws the calendar days to the appointment, from J0 to a week and more', () => {
    const chart = delayChart(REPORT);
    expect(chart.data.labels).toEqual(['J0', 'J+1', 'J+2', 'J+3', 'J+4', 'J+5', 'J+6', 'J+7 et plus']);
    expect(chart.data.datasets[0].data).toEqual([120, 400, 350, 150, 50, 20, 5, 5]);
  });

  it('draws where the requests ended, the lost to follow-up apart', () => {
    expect(outcomesChart(REPORT).data.datasets[0].data).toEqual([950, 40, 30, 60, 20, 100]);
  });

  it('draws the use of reserved places for the centres that published some', () => {
    const chart = slotUseChart(REPORT);
    expect(chart.data.labels).toEqual(['Hôpital de La Roche-sur-Yon — imagerie']);
    expect(chart.data.datasets[0].data).toEqual([75]);
  });
});
