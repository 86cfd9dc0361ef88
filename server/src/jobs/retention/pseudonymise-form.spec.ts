import type { ImagingRequestDraft } from '@creneau/contracts';
import { pseudonymiseForm } from './pseudonymise-form';

const form: ImagingRequestDraft = {
  doctor: { name: 'Dr Jeanne Martin', rpps: '10001234567', phone: '02 51 12 34 56' },
  requestDate: '2025-03-02',
  patient: {
    lastName: 'Durand',
    firstName: 'Paul',
    birthDate: '1958-06-14',
    address: { street: '12 rue Georges Clemenceau', postalCode: '85000', city: 'La Roche-sur-Yon' },
    phone: '06 12 34 56 78',
    email: 'paul.durand@example.test',
    ambulatory: true,
    mobilityAid: null,
    pregnant: 'no',
    pacemaker: false,
  },
  exam: { modality: 'ct', anatomicalRegion: 'Abdomen et pelvis', contrast: false },
  suspectedDiagnosis: { code: 'renal-colic', otherText: null },
  clinicalElements: 'M. Durand, douleur lombaire droite brutale.',
  contrastWorkup: null,
  allergies: { contrastAgent: false, details: 'Pénicilline (signalée par sa fille Marie Durand)' },
  channel: 'phone',
};

describe('pseudonymiseForm', () => {
  it('drops the identity and keeps what the indicators read', () => {
    expect(pseudonymiseForm(form)).toEqual({
      ...form,
      patient: {
        lastName: null,
        firstName: null,
        birthDate: '1958',
        address: { street: null, postalCode: '85000', city: null },
        phone: null,
        email: null,
        ambulatory: true,
        mobilityAid: null,
        pregnant: 'no',
        pacemaker: false,
      },
      clinicalElements: null,
      allergies: { contrastAgent: false, details: null },
    });
  });

  it('changes nothing the second time', () => {
    const once = pseudonymiseForm(form);
    expect(pseudonymiseForm(once)).toEqual(once);
  });

  it('copes with a draft missing the patient or parts of it', () => {
    expect(pseudonymiseForm({ exam: form.exam })).toEqual({
      exam: form.exam,
      patient: undefined,
      clinicalElements: null,
      allergies: undefined,
    });
    expect(pseudonymiseForm({ patient: { birthDate: 'unknown', address: null } }).patient).toEqual({
      lastName: null,
      firstName: null,
      birthDate: null,
      address: null,
      phone: null,
      email: null,
    });
  });
});
