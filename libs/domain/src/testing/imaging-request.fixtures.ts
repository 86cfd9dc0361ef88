import {
  IMAGING_REQUEST_FIELDS,
  MODALITIES,
  RETAINED_INDICATIONS,
  type ImagingRequest,
  type ImagingRequestDraft,
  type ImagingRequestField,
  type Modality,
} from '@creneau/contracts';
import fc from 'fast-check';

/** Test data only: a complete, in-protocol request without contrast or pregnancy, for an ambulatory patient. */

export const TODAY = '2026-03-27';

export function completeRequest(overrides: Partial<ImagingRequest> = {}): ImagingRequest {
  return {
    doctor: { name: 'Dr Claire Martin', rpps: '10101234567', phone: '02 51 12 34 56' },
    requestDate: TODAY,
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

/** The fields every request must carry, whatever it asks for. */
export const ALWAYS_REQUIRED_FIELDS: readonly ImagingRequestField[] = IMAGING_REQUEST_FIELDS.filter(
  (field) =>
    !field.startsWith('contrastWorkup') &&
    ![
      'patient.email',
      'patient.mobilityAid',
      'suspectedDiagnosis.otherText',
      'allergies.contrastAgent',
      'allergies.details',
    ].includes(field),
);

/** A copy of the draft with the field at `path` removed. */
export function without(draft: ImagingRequestDraft, path: string): ImagingRequestDraft {
  const copy = structuredClone(draft) as Record<string, unknown>;
  const keys = path.split('.');
  let parent = copy;
  for (const key of keys.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  delete parent[keys[keys.length - 1]];
  return copy as ImagingRequestDraft;
}

/** The same draft with its keys, at every depth, in another order. */
export function reorderKeys<T>(value: T, order: (keys: string[]) => string[]): T {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const entries = Object.entries(value as Record<string, unknown>);
  const byKey = new Map(entries);
  return Object.fromEntries(order(entries.map(([key]) => key)).map((key) => [key, reorderKeys(byKey.get(key), order)])) as T;
}

const blankFree = (min: number, max: number) => fc.string({ minLength: min, maxLength: max }).filter((s) => s.trim() !== '');
const digits = (length: number) => fc.stringMatching(new RegExp(`^\\d{${length}}$`));
const frenchPhone = fc
  .tuple(fc.integer({ min: 1, max: 9 }), digits(8), fc.constantFrom('0', '+33'), fc.constantFrom('', ' ', '.'))
  .map(([first, rest, prefix, separator]) => `${prefix}${first}${separator}${rest.match(/\d{2}/g)?.join(separator)}`);
const pastDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date(`${TODAY}T00:00:00Z`), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

const modalityAndIndication = fc
  .constantFrom<Modality>(...MODALITIES)
  .chain((modality) => fc.tuple(fc.constant(modality), fc.constantFrom(...RETAINED_INDICATIONS[modality])));

/** Complete, in-protocol, not pregnant, no contrast: the requests the gate must always let through. */
export const arbitraryPlainRequest: fc.Arbitrary<ImagingRequest> = fc
  .record({
    doctorName: blankFree(1, 40),
    rpps: digits(11),
    doctorPhone: frenchPhone,
    requestDate: pastDate.filter((date) => date >= '2026-01-01'),
    lastName: blankFree(1, 40),
    firstName: blankFree(1, 40),
    birthDate: pastDate.filter((date) => date >= '1920-01-01'),
    street: blankFree(1, 60),
    postalCode: digits(5),
    city: blankFree(1, 40),
    patientPhone: frenchPhone,
    email: fc.option(fc.emailAddress(), { nil: null }),
    ambulatory: fc.boolean(),
    mobilityAid: fc.constantFrom(null, 'wheelchair' as const, 'stretcher' as const),
    pregnant: fc.constant('no' as const),
    pacemaker: fc.boolean(),
    exam: modalityAndIndication,
    anatomicalRegion: blankFree(1, 40),
    clinicalElements: blankFree(1, 200),
    allergyDetails: fc.option(blankFree(1, 40), { nil: null }),
    channel: fc.constantFrom('phone' as const, 'web' as const, 'secure-mail' as const),
  })
  .map((r) => ({
    doctor: { name: r.doctorName, rpps: r.rpps, phone: r.doctorPhone },
    requestDate: r.requestDate,
    patient: {
      lastName: r.lastName,
      firstName: r.firstName,
      birthDate: r.birthDate,
      address: { street: r.street, postalCode: r.postalCode, city: r.city },
      phone: r.patientPhone,
      email: r.email,
      ambulatory: r.ambulatory,
      mobilityAid: r.ambulatory ? null : r.mobilityAid,
      pregnant: r.pregnant,
      pacemaker: r.pacemaker,
    },
    exam: { modality: r.exam[0], anatomicalRegion: r.anatomicalRegion, contrast: false },
    suspectedDiagnosis: { code: r.exam[1], otherText: null },
    clinicalElements: r.clinicalElements,
    contrastWorkup: null,
    allergies: { contrastAgent: false, details: r.allergyDetails },
    channel: r.channel,
  }));
