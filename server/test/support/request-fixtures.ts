import type { ImagingRequest } from '@creneau/contracts';

/** Today in Europe/Paris, as the form's request date. */
export function todayInParis(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
}

/** A complete, in-protocol request: renal colic, CT without contrast, ambulatory patient. */
export function completeForm(overrides: Partial<ImagingRequest> = {}): ImagingRequest {
  return {
    doctor: { name: 'Dr Jeanne Martin', rpps: '10001234567', phone: '02 51 12 34 56' },
    requestDate: todayInParis(),
    patient: {
      lastName: 'Durand',
      firstName: 'Paul',
      birthDate: '1958-06-14',
      address: { street: '12 rue Georges Clemenceau', postalCode: '85000', city: 'La Roche-sur-Yon' },
      phone: '06 12 34 56 78',
      email: null,
      ambulatory: true,
      mobilityAid: null,
      pregnant: 'no',
      pacemaker: false,
    },
    exam: { modality: 'ct', anatomicalRegion: 'Abdomen et pelvis', contrast: false },
    suspectedDiagnosis: { code: 'renal-colic', otherText: null },
    clinicalElements: 'Douleur lombaire droite brutale, hématurie à la bandelette.',
    contrastWorkup: null,
    allergies: { contrastAgent: false, details: null },
    channel: 'phone',
    ...overrides,
  };
}
