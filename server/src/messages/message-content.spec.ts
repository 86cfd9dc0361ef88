import { messageContent, MessageFacts } from './message-content';

const facts: MessageFacts = {
  kind: 'booked',
  doctorName: 'Dr Jeanne Martin',
  reference: 'CR-2026-000042',
  exam: 'Scanner — Abdomen et pelvis, sans injection',
  centreName: 'Clinique du Bocage — imagerie',
  address: 'Clinique du Bocage — imagerie, 3 rue des Halles, 85000 La Roche-sur-Yon',
  phone: '02 51 00 00 00',
  start: new Date('2026-10-27T09:00:00Z'),
  timeZone: 'Europe/Paris',
  requestStatus: 'booked',
  previous: null,
};

describe('messageContent', () => {
  it('tells the doctor where and when, in French and in the territory’s time', () => {
    const { subject, text } = messageContent(facts);
    expect(subject).toBe('Rendez-vous d’imagerie réservé — demande CR-2026-000042');
    expect(text).toContain('Bonjour Dr Jeanne Martin,');
    expect(text).toContain('Date : mardi 27 octobre 2026 à 10:00');
    expect(text).toContain('Le centre doit encore le confirmer.');
    expect(text).toContain('Examen : Scanner — Abdomen et pelvis, sans injection');
  });

  it('says whether a cancelled request is closed or goes back to the queue', () => {
    expect(messageContent({ ...facts, kind: 'cancelled', requestStatus: 'cancelled' }).text).toContain('La demande est close.');
    expect(messageContent({ ...facts, kind: 'cancelled', requestStatus: 'to-book' }).text).toContain(
      'revient au télésecrétariat',
    );
    expect(messageContent({ ...facts, kind: 'refused', requestStatus: 'to-book' }).subject).toContain('refusé par le centre');
  });

  it('gives a moved appointment’s former time', () => {
    const { subject, text } = messageContent({
      ...facts,
      kind: 'rescheduled',
      previous: { start: new Date('2026-10-24T08:00:00Z'), centreName: 'Hôpital de La Roche-sur-Yon — imagerie' },
    });
    expect(subject).toContain('déplacé');
    expect(text).toContain('Il était prévu le samedi 24 octobre 2026 à 10:00 (Hôpital de La Roche-sur-Yon — imagerie).');
  });
});
