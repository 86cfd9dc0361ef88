import { bookableRequest } from '../../../testing/request-fixtures';
import { slotQueryFor } from './slot-query';

const HOUR_MS = 3_600_000;

describe('slotQueryFor', () => {
  const now = new Date('2026-11-24T09:00:00Z');
  const withAddress = (postalCode: string, city: string) => {
    const request = bookableRequest({ maximumAt: new Date(now.getTime() + 60 * HOUR_MS).toISOString() });
    return {
      ...request,
      form: { ...request.form, patient: { ...request.form.patient, address: { street: '1 rue', postalCode, city } } },
    };
  };

  it('asks for distances from the patient’s postal code and commune, as the form spells them', () => {
    const query = slotQueryFor(withAddress('85500', ' LES HERBIERS '), now);
    expect(query).toMatchObject({ modality: 'ct', indication: 'renal-colic', postalCode: '85500', commune: 'LES HERBIERS' });
    expect(query.to).toBe(new Date(now.getTime() + 60 * HOUR_MS).toISOString());
  });

  it('leaves out a postal code that is not one, and an address not given', () => {
    const query = slotQueryFor(withAddress('855', 'Les Herbiers'), now);
    expect(query.postalCode).toBeUndefined();
    expect(query.commune).toBe('Les Herbiers');
    const none = slotQueryFor(bookableRequest(), now);
    expect('postalCode' in none || 'commune' in none).toBe(false);
  });
});
