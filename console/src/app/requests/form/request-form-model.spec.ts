import { assessRequest } from '@creneau/domain';
import { emptyRequestForm, fromDraft, RequestFormValue, toDraft } from './request-form-model';

const TODAY = '2026-11-23';

function completeForm(): RequestFormValue {
  return {
    ...emptyRequestForm(TODAY),
    doctorName: 'Dr Claire Martin',
    doctorRpps: '10101234567',
    doctorPhone: '02 51 12 34 56',
    lastName: 'Durand',
    firstName: 'Paul',
    birthDate: '14061958',
    patientPhone: '06 12 34 56 78',
    street: '12 rue Clemenceau',
    postalCode: '85000',
    city: 'La Roche-sur-Yon',
    modality: 'ct',
    anatomicalRegion: 'Abdomen',
    diagnosis: 'renal-colic',
    clinicalElements: 'Douleur lombaire droite brutale',
  };
}

describe('request form model', () => {
  it('starts with the usual answers: by phone today, ambulatory, not pregnant, no pacemaker, no injection', () => {
    const draft = toDraft(emptyRequestForm(TODAY));
    expect(draft.channel).toBe('phone');
    expect(draft.requestDate).toBe(TODAY);
    expect(draft.patient).toMatchObject({ ambulatory: true, pregnant: 'no', pacemaker: false, mobilityAid: null });
    expect(draft.exam?.contrast).toBe(false);
    expect(draft.contrastWorkup).toBeNull();
  });

  it('makes a bookable request of a complete form', () => {
    const draft = toDraft(completeForm());
    expect(draft.patient?.birthDate).toBe('1958-06-14');
    expect(assessRequest(draft, { today: TODAY }).bookable).toBe(true);
  });

  it('sends blanks as null and keeps the contrast workup only with an injection', () => {
    const draft = toDraft({ ...completeForm(), patientEmail: '  ', contrast: 'yes', clearance: '62,5', labInProgress: '' });
    expect(draft.patient?.email).toBeNull();
    expect(draft.contrastWorkup).toEqual({
      labInProgress: null,
      crpMgPerL: null,
      creatinineClearanceMlPerMin: 62.5,
      clearanceFormula: null,
    });
  });

  it('asks for a mobility aid only of a non-ambulatory patient', () => {
    expect(toDraft({ ...completeForm(), mobilityAid: 'stretcher' }).patient?.mobilityAid).toBeNull();
    expect(toDraft({ ...completeForm(), ambulatory: 'no', mobilityAid: 'stretcher' }).patient?.mobilityAid).toBe('stretcher');
  });

  it('reads a saved request back into the same inputs', () => {
    const form = { ...completeForm(), birthDate: '14/06/1958', contrast: 'yes' as const, clearance: '62,5' };
    expect(fromDraft(toDraft(form), TODAY)).toEqual({ ...form, requestDate: '23/11/2026' });
  });
});
