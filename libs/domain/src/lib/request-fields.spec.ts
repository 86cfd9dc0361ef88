import { IMAGING_REQUEST_FIELDS, type ImagingRequestDraft } from '@creneau/contracts';

import { completeRequest, TODAY, without } from '../testing/imaging-request.fixtures';
import { findRequestFieldProblems } from './request-fields';

const fieldsOf = (problems: { field: string }[]) => problems.map((problem) => problem.field);

describe('findRequestFieldProblems', () => {
  it('finds nothing wrong with a complete request', () => {
    expect(findRequestFieldProblems(completeRequest(), TODAY)).toEqual({ missing: [], invalid: [] });
  });

  it('lists every missing field of an empty draft at once, in the form’s order, with French messages', () => {
    const { missing, invalid } = findRequestFieldProblems({}, TODAY);
    expect(invalid).toEqual([]);
    expect(fieldsOf(missing)).toEqual([
      'doctor.name',
      'doctor.rpps',
      'doctor.phone',
      'requestDate',
      'patient.lastName',
      'patient.firstName',
      'patient.birthDate',
      'patient.address.street',
      'patient.address.postalCode',
      'patient.address.city',
      'patient.phone',
      'patient.ambulatory',
      'patient.pregnant',
      'patient.pacemaker',
      'exam.modality',
      'exam.anatomicalRegion',
      'exam.contrast',
      'suspectedDiagnosis.code',
      'clinicalElements',
      'channel',
    ]);
    expect(missing[1].message).toBe('À renseigner : Numéro RPPS du médecin.');
  });

  it('counts blank text as missing', () => {
    const draft = completeRequest();
    draft.patient.lastName = '   ';
    expect(fieldsOf(findRequestFieldProblems(draft, TODAY).missing)).toEqual(['patient.lastName']);
  });

  it('leaves the email optional but checks it when given', () => {
    const draft = completeRequest();
    expect(findRequestFieldProblems(without(draft, 'patient.email'), TODAY).missing).toEqual([]);
    draft.patient.email = 'paul.durand@';
    expect(findRequestFieldProblems(draft, TODAY).invalid).toEqual([
      { field: 'patient.email', message: 'Adresse de courriel invalide.' },
    ]);
  });

  it('reports every invalid field at once, by field', () => {
    const draft = completeRequest();
    draft.doctor.rpps = '1234';
    draft.doctor.phone = '12 34';
    draft.patient.birthDate = '2027-01-01';
    draft.patient.address.postalCode = '850';
    const { invalid } = findRequestFieldProblems(draft, TODAY);
    expect(invalid).toEqual([
      { field: 'doctor.rpps', message: 'Le numéro RPPS comporte 11 chiffres.' },
      { field: 'doctor.phone', message: 'Numéro de téléphone français attendu (10 chiffres, ou +33).' },
      { field: 'patient.birthDate', message: 'La date de naissance ne peut pas être dans le futur.' },
      { field: 'patient.address.postalCode', message: 'Code postal à 5 chiffres attendu.' },
    ]);
  });

  it('refuses values outside the lists and of the wrong type (a draft is untrusted input)', () => {
    const draft = completeRequest() as unknown as Record<string, Record<string, unknown>>;
    draft['exam']['modality'] = 'pet';
    draft['exam']['contrast'] = 'oui';
    draft['suspectedDiagnosis']['code'] = 'migraine';
    draft['patient']['lastName'] = 42;
    const { invalid } = findRequestFieldProblems(draft as ImagingRequestDraft, TODAY);
    expect(fieldsOf(invalid)).toEqual(['patient.lastName', 'exam.modality', 'exam.contrast', 'suspectedDiagnosis.code']);
  });

  it('asks for the free text of an "other" diagnosis', () => {
    const draft = completeRequest({ suspectedDiagnosis: { code: 'other', otherText: null } });
    expect(fieldsOf(findRequestFieldProblems(draft, TODAY).missing)).toEqual(['suspectedDiagnosis.otherText']);
    draft.suspectedDiagnosis.otherText = 'Appendicite';
    expect(findRequestFieldProblems(draft, TODAY).missing).toEqual([]);
  });

  describe('with a contrast injection', () => {
    const withContrast = (contrastWorkup: ImagingRequestDraft['contrastWorkup']): ImagingRequestDraft => ({
      ...completeRequest(),
      exam: { modality: 'ct', anatomicalRegion: 'Abdomen', contrast: true },
      contrastWorkup,
    });

    it('is incomplete without a known clearance and without a lab in progress', () => {
      const { missing } = findRequestFieldProblems(withContrast(null), TODAY);
      expect(missing).toEqual([
        {
          field: 'contrastWorkup',
          message: 'Injection prévue : indiquer la clairance de la créatinine connue ou le laboratoire du bilan en cours.',
        },
      ]);
      const blank = { labInProgress: ' ', crpMgPerL: 12, creatinineClearanceMlPerMin: null, clearanceFormula: null };
      expect(fieldsOf(findRequestFieldProblems(withContrast(blank), TODAY).missing)).toEqual(['contrastWorkup']);
    });

    it('is complete with a known clearance', () => {
      const workup = { labInProgress: null, crpMgPerL: null, creatinineClearanceMlPerMin: 85, clearanceFormula: 'mdrd' as const };
      expect(findRequestFieldProblems(withContrast(workup), TODAY)).toEqual({ missing: [], invalid: [] });
    });

    it('is complete with a lab in progress', () => {
      const workup = { labInProgress: 'Laboratoire Biolam, La Roche-sur-Yon' };
      expect(findRequestFieldProblems(withContrast(workup), TODAY)).toEqual({ missing: [], invalid: [] });
    });

    it('checks the results given', () => {
      const workup = { creatinineClearanceMlPerMin: -3, crpMgPerL: Number.NaN, clearanceFormula: 'cockcroft' as never };
      expect(fieldsOf(findRequestFieldProblems(withContrast(workup), TODAY).invalid)).toEqual([
        'contrastWorkup.crpMgPerL',
        'contrastWorkup.creatinineClearanceMlPerMin',
        'contrastWorkup.clearanceFormula',
      ]);
    });

    it('asks whether the patient is allergic to contrast agents', () => {
      const draft = without(withContrast({ creatinineClearanceMlPerMin: 85 }), 'allergies.contrastAgent');
      expect(fieldsOf(findRequestFieldProblems(draft, TODAY).missing)).toEqual(['allergies.contrastAgent']);
    });
  });

  it('ignores the contrast workup, even a wrong one, when no injection is planned', () => {
    const draft: ImagingRequestDraft = { ...completeRequest(), contrastWorkup: { creatinineClearanceMlPerMin: -1 } };
    expect(findRequestFieldProblems(draft, TODAY)).toEqual({ missing: [], invalid: [] });
  });

  it('covers every field of the form', () => {
    expect(new Set(IMAGING_REQUEST_FIELDS).size).toBe(IMAGING_REQUEST_FIELDS.length);
  });
});
