import { checkNewAccount } from './new-account-checks';

const valid = {
  email: 'nouvelle.secretaire@creneau.test',
  displayName: 'Nouvelle Secrétaire',
  role: 'secretariat' as const,
  password: 'un-mot-de-passe-solide',
};

describe('checkNewAccount', () => {
  it('accepts a complete account', () => {
    expect(checkNewAccount(valid)).toEqual({});
  });

  it('names every problem at once', () => {
    expect(Object.keys(checkNewAccount({ ...valid, email: 'nope', displayName: 'X', password: 'court' })).sort()).toEqual([
      'displayName',
      'email',
      'password',
    ]);
  });

  it('asks centre staff for a centre and a doctor for an 11-digit RPPS', () => {
    expect(checkNewAccount({ ...valid, role: 'centre', centreIds: [] })).toEqual({
      centreIds: 'Choisissez au moins un centre.',
    });
    expect(checkNewAccount({ ...valid, role: 'centre', centreIds: ['c1'] })).toEqual({});
    expect(checkNewAccount({ ...valid, role: 'doctor', rpps: '1234' })).toEqual({ rpps: 'Le numéro RPPS compte 11 chiffres.' });
    expect(checkNewAccount({ ...valid, role: 'doctor', rpps: '10001234567' })).toEqual({});
  });
});
