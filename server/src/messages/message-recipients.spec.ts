import { chooseRecipients } from './message-recipients';

describe('chooseRecipients', () => {
  it('writes to the doctor’s account address, the CPTS in copy', () => {
    expect(chooseRecipients('dr.martin@creneau.test', '10001234567', 'cpts@creneau.test')).toEqual({
      to: ['dr.martin@creneau.test'],
      cc: ['cpts@creneau.test'],
      note: null,
    });
  });

  it('falls back to the CPTS alone, and says why', () => {
    const recipients = chooseRecipients(null, '10009999999', 'cpts@creneau.test');
    expect(recipients.to).toEqual(['cpts@creneau.test']);
    expect(recipients.note).toBe('Aucun compte médecin actif pour le RPPS 10009999999 : message envoyé à la CPTS seulement.');
  });

  it('has nobody to write to without an account nor a CPTS address', () => {
    expect(chooseRecipients(null, null, undefined)).toMatchObject({
      to: [],
      cc: [],
      note: expect.stringContaining('CPTS_EMAIL'),
    });
  });
});
