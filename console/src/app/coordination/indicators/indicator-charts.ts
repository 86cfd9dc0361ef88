import type { ChartConfiguration } from 'chart.js';
import type { IndicatorsReport } from '@creneau/contracts';
import { formatMonth } from './indicator-format';

const BRAND = '#0b5394';
const LIGHT = '#8fb4dc';
const OUTCOME_COLOURS = ['#1e6b3a', '#a4262c', '#6b6b6b', '#0b5394', '#f0a500', '#c9ced4'];

/** Requests received and booked, by month of the request. */
export function monthlyChart(report: IndicatorsReport): ChartConfiguration {
  return {
    type: 'bar',
    data: {
      labels: report.monthly.map((line) => formatMonth(line.month)),
      datasets: [
        { label: 'Demandes reçues', data: report.monthly.map((line) => line.received), backgroundColor: LIGHT },
        { label: 'Rendez-vous obtenus', data: report.monthly.map((line) => line.booked), backgroundColor: BRAND },
      ],
    },
    options: { responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  };
}

/** Booked requests by calendar days from request to appointment. */
export function delayChart(report: IndicatorsReport): ChartConfiguration {
  return {
    type: 'bar',
    data: {
      labels: report.appointmentDelay.byDay.map((line) =>
        line.day === 0 ? 'J0' : line.day === 7 ? 'J+7 et plus' : `J+${line.day}`,
      ),
      datasets: [{ label: 'Rendez-vous', data: report.appointmentDelay.byDay.map((line) => line.count), backgroundColor: BRAND }],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { display: false } },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
    },
  };
}

/** Where the requests of the period ended. */
export function outcomesChart(report: IndicatorsReport): ChartConfiguration {
  const { outcomes } = report;
  return {
    type: 'doughnut',
    data: {
      labels: ['Examen réalisé', 'Patient absent', 'Annulée', 'À venir', 'Perdue de vue', 'Non programmée'],
      datasets: [
        {
          data: [
            outcomes.done,
            outcomes.noShow,
            outcomes.cancelled,
            outcomes.pending,
            outcomes.lostToFollowUp.total,
            outcomes.notBooked,
          ],
          backgroundColor: OUTCOME_COLOURS,
        },
      ],
    },
    options: { responsive: true, maintainAspectRatio: false, plugins: { legend: { position: 'right' } } },
  };
}

/** The use of each centre's reserved places, in percent. */
export function slotUseChart(report: IndicatorsReport): ChartConfiguration {
  const centres = report.byCentre.filter((centre) => centre.slots && centre.slots.published > 0);
  return {
    type: 'bar',
    data: {
      labels: centres.map((centre) => centre.label),
      datasets: [
        {
          label: 'Taux d’utilisation (%)',
          data: centres.map((centre) => Math.round((centre.slots?.useRate ?? 0) * 1000) / 10),
          backgroundColor: BRAND,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { display: false } },
      scales: { x: { min: 0, max: 100 } },
    },
  };
}
