import { actorLabel, historyActionLabel, transitionLabel } from './history-labels';

describe('history labels', () => {
  it('names the recorded actions in French and keeps unknown ones as recorded', () => {
    expect(historyActionLabel('cancel')).toBe('Rendez-vous annulé');
    expect(historyActionLabel('reschedule')).toBe('Rendez-vous déplacé');
    expect(historyActionLabel('something-new')).toBe('something-new');
  });

  it('writes a transition from one status to another, only when it changed', () => {
    expect(transitionLabel({ fromStatus: 'booked', toStatus: 'to-book' })).toBe('Réservée — en attente du centre → À programmer');
    expect(transitionLabel({ fromStatus: null, toStatus: 'incomplete' })).toBe('Incomplète');
    expect(transitionLabel({ fromStatus: 'booked', toStatus: 'booked' })).toBe('');
    expect(transitionLabel({ fromStatus: null, toStatus: null })).toBe('');
  });

  it('says when the system made the change', () => {
    expect(actorLabel({ accountId: null, accountName: null })).toBe('Créneau (automatique)');
    expect(actorLabel({ accountId: 'a1', accountName: 'Sandrine Secrétaire' })).toBe('Sandrine Secrétaire');
  });
});
