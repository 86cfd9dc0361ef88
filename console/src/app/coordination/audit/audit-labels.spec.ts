import type { AuditEventView } from '@creneau/contracts';
import { actionLabel, detailsLabel, subjectLabel } from './audit-labels';

const event: AuditEventView = {
  id: '1',
  occurredAt: '2026-11-23T10:00:00.000Z',
  accountId: 'a1',
  accountEmail: 'coordination@creneau.test',
  action: 'disable',
  entity: 'account',
  entityId: 'a2',
  imagingRequestId: null,
  reason: 'départ',
  details: { fields: ['disabled'] },
};

describe('audit labels', () => {
  it('names known actions in French and keeps new ones as recorded', () => {
    expect(actionLabel('disable')).toBe('Désactivation');
    expect(actionLabel('slot-withdrawn')).toBe('slot-withdrawn');
  });

  it('names an account by its e-mail when it is known', () => {
    expect(subjectLabel(event, new Map([['a2', 'ancien@creneau.test']]))).toBe('Compte ancien@creneau.test');
    expect(subjectLabel(event, new Map())).toBe('Compte a2');
    expect(subjectLabel({ ...event, entity: 'slot', entityId: null }, new Map())).toBe('slot');
  });

  it('lists details', () => {
    expect(detailsLabel({ role: 'centre', fields: ['disabled'] })).toBe('role : centre · fields : ["disabled"]');
  });
});
