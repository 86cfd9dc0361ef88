import type { ImagingRequestDraft } from '@creneau/contracts';

/**
 * The request form without the patient's identity: names, phone and e-mail gone, the birth date cut
 * to its year, the address to its postcode, and the free texts (which may name the patient) dropped.
 * What the indicators read stays: the exam, the suspected diagnosis, the safety answers, the doctor,
 * the dates and the channel. Applying it twice changes nothing.
 */
export function pseudonymiseForm(form: ImagingRequestDraft): ImagingRequestDraft {
  const patient = form.patient;
  return {
    ...form,
    patient: patient && {
      ...patient,
      lastName: null,
      firstName: null,
      birthDate: birthYear(patient.birthDate),
      address: patient.address && { street: null, postalCode: patient.address.postalCode ?? null, city: null },
      phone: null,
      email: null,
    },
    clinicalElements: null,
    allergies: form.allergies && { ...form.allergies, details: null },
  };
}

function birthYear(birthDate: string | null | undefined): string | null {
  const match = /^(\d{4})(?:-|$)/.exec(birthDate ?? '');
  return match ? match[1] : null;
}
