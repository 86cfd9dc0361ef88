import { REQUEST_CHANNEL_LABELS, type IndicatorsReport } from '@creneau/contracts';
import { formatCount, formatDays, formatHours, formatShare } from './indicator-format';

/** A key figure of the dashboard and the one line that says what it counts. */
export interface Figure {
  label: string;
  value: string;
  detail: string;
  explanation: string;
}

const CHANNELS: Record<string, string> = { ...REQUEST_CHANNEL_LABELS, unknown: 'Non précisé' };

/** The key figures, in the order of the territory's evaluation. */
export function keyFigures(report: IndicatorsReport): Figure[] {
  const { requests, appointmentDelay: delay, responseDelay: response, outcomes, slots } = report;
  const lost = outcomes.lostToFollowUp;
  return [
    {
      label: 'Demandes reçues',
      value: formatCount(requests.received),
      detail: [
        requests.byChannel.map((line) => `${CHANNELS[line.channel]} ${formatCount(line.count)}`).join(' · '),
        requests.imported > 0 ? `dont ${formatCount(requests.imported)} importées` : '',
      ]
        .filter(Boolean)
        .join(' — '),
      explanation: 'Bons de demande reçus pendant la période (jours de Paris), par canal, évaluations importées comprises.',
    },
    {
      label: 'Bons complets',
      value: formatShare({ count: requests.complete, share: ratio(requests.complete, requests.received) }),
      detail: `${formatCount(requests.complete)} complets, ${formatCount(requests.incomplete)} incomplets`,
      explanation: 'Complets dès leur réception : un bon complété après un rappel du médecin compte comme incomplet.',
    },
    {
      label: 'Hors protocole',
      value: formatCount(requests.outsideProtocol),
      detail: formatShare({ count: requests.outsideProtocol, share: ratio(requests.outsideProtocol, requests.received) }),
      explanation: 'Indication hors de celles retenues par les centres, programmable seulement sur dérogation du coordinateur.',
    },
    {
      label: 'Demandes programmées',
      value: formatShare(report.booked),
      detail: `${formatCount(report.booked.count)} rendez-vous obtenus`,
      explanation: 'Demandes ayant obtenu un rendez-vous, même annulé ensuite ; refusée puis non reprogrammée, elle n’en a pas.',
    },
    {
      label: 'Délai demande → rendez-vous',
      value: formatDays(delay.days.median),
      detail: `médian ; moyenne ${formatDays(delay.days.mean)}`,
      explanation: 'De la réception de la demande à l’heure du rendez-vous obtenu, en jours de 24 heures.',
    },
    {
      label: `Rendez-vous sous ${report.targetDelayHours} h`,
      value: formatShare(delay.withinTarget),
      detail: `${formatCount(delay.withinTarget.count)} sur ${formatCount(delay.days.count)}`,
      explanation: `Rendez-vous au plus ${report.targetDelayHours} heures après la demande (l’objectif), en heures réelles : un changement d’heure compte.`,
    },
    {
      label: `Rendez-vous sous ${report.maximumDelayHours} h`,
      value: formatShare(delay.withinMaximum),
      detail: `${formatCount(delay.withinMaximum.count)} sur ${formatCount(delay.days.count)}`,
      explanation: `Rendez-vous au plus ${report.maximumDelayHours} heures après la demande, le délai maximal du protocole.`,
    },
    {
      label: 'Délai de réponse des centres',
      value: formatHours(response.median),
      detail: `médian ; moyenne ${formatHours(response.mean)} sur ${formatCount(response.count)} réponses`,
      explanation: 'De la réservation à la confirmation ou au refus du centre, pour la dernière réservation de chaque demande.',
    },
    {
      label: 'Refus des centres',
      value: formatCount(report.refusals.total),
      detail: `${formatCount(report.refusals.requests)} demandes concernées`,
      explanation: 'Réservations refusées par un centre ; la demande revient alors dans la file pour être reprogrammée.',
    },
    {
      label: 'Perdues de vue',
      value: formatCount(lost.total),
      detail: `${formatCount(lost.neverAnswered)} sans réponse du centre · ${formatCount(lost.outcomeUnknown)} confirmées sans issue`,
      explanation: `Rendez-vous dont l’issue (réalisé ou absent) reste inconnue ${report.followUpDays} jours après sa date.`,
    },
    {
      label: 'Annulations',
      value: formatCount(outcomes.cancelled),
      detail: `${formatCount(outcomes.done)} examens réalisés`,
      explanation: 'Demandes closes par l’annulation de leur rendez-vous ; un rendez-vous reprogrammé n’en est pas une.',
    },
    {
      label: 'Absences',
      value: formatCount(outcomes.noShow),
      detail: `${formatCount(outcomes.pending)} rendez-vous encore à venir ou en attente d’issue`,
      explanation: 'Patients absents au rendez-vous, signalés par le centre.',
    },
    {
      label: 'Rendez-vous dans le public',
      value: formatShare(report.sectors.public),
      detail: `privé ${formatShare(report.sectors.private)}`,
      explanation: 'Part des rendez-vous obtenus dans un centre public (hospitalier) plutôt que privé.',
    },
    {
      label: 'Créneaux réservés utilisés',
      value: formatShare({ count: slots.used, share: slots.useRate }),
      detail:
        `${formatCount(slots.used)} pris sur ${formatCount(slots.published)} publiés · ` +
        `${formatCount(slots.releasedUnused)} rendus sans preneur · ${formatCount(slots.withdrawn)} retirés`,
      explanation:
        'Places semi-urgentes publiées dans Créneau pour la période, prises, ou rendues au centre après l’heure limite.',
    },
    {
      label: 'Médecins demandeurs',
      value: formatCount(report.doctors),
      detail: '',
      explanation: 'Médecins distincts ayant adressé au moins une demande (pour un fichier importé, ses pseudonymes).',
    },
    {
      label: 'Centres partenaires',
      value: formatCount(report.partnerCentres),
      detail: '',
      explanation: 'Centres ayant reçu au moins une réservation pour les demandes de la période.',
    },
  ];
}

function ratio(count: number, of: number): number | null {
  return of === 0 ? null : count / of;
}
