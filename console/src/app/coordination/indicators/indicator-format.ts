import type { Share } from '@creneau/contracts';

const count = new Intl.NumberFormat('fr-FR');
const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });

/** `12 345`. */
export function formatCount(value: number): string {
  return count.format(value);
}

/** `45,5 %`, or a dash when there is nothing to divide by. */
export function formatShare(share: Share): string {
  return share.share === null ? '—' : percent.format(share.share);
}

/** `1,8 j`. */
export function formatDays(days: number | null): string {
  return days === null ? '—' : `${decimal.format(days)} j`;
}

/** `3,2 h`. */
export function formatHours(hours: number | null): string {
  return hours === null ? '—' : `${decimal.format(hours)} h`;
}

/** `mars 2025` for '2025-03'. */
export function formatMonth(month: string): string {
  const [year, number] = month.split('-').map(Number);
  return new Date(Date.UTC(year, number - 1, 15)).toLocaleDateString('fr-FR', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
