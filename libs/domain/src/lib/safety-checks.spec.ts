import type { ImagingRequestDraft, Modality, PregnancyStatus } from '@creneau/contracts';

import { completeRequest } from '../testing/imaging-request.fixtures';
import { findSafetyIssues } from './safety-checks';

const draftWith = (
  modality: Modality,
  patient: Partial<{ pregnant: PregnancyStatus; pacemaker: boolean }>,
): ImagingRequestDraft => {
  const request = completeRequest();
  return { ...request, exam: { ...request.exam, modality }, patient: { ...request.patient, ...patient } };
};

describe('findSafetyIssues', () => {
  it('finds nothing for a plain request', () => {
    expect(findSafetyIssues(completeRequest())).toEqual([]);
  });

  describe('pregnancy and an ionising exam', () => {
    it.each([
      ['radiography', 'yes'],
      ['radiography', 'unknown'],
      ['ct', 'yes'],
      ['ct', 'unknown'],
    ] as const)('asks for an explicit confirmation for %s when pregnancy is %s', (modality, pregnant) => {
      const [finding] = findSafetyIssues(draftWith(modality, { pregnant }));
      expect(finding).toMatchObject({ code: 'pregnancy-ionising-exam', severity: 'confirm', confirmed: false });
      expect(finding.message).toMatch(/confirmation explicite/);
    });

    it.each([
      ['ultrasound', 'yes'],
      ['mri', 'unknown'],
      ['ct', 'no'],
    ] as const)('says nothing for %s when pregnancy is %s', (modality, pregnant) => {
      expect(findSafetyIssues(draftWith(modality, { pregnant }))).toEqual([]);
    });

    it('records the confirmation once given', () => {
      const [finding] = findSafetyIssues(draftWith('ct', { pregnant: 'unknown' }), ['pregnancy-ionising-exam']);
      expect(finding).toMatchObject({ code: 'pregnancy-ionising-exam', confirmed: true });
    });
  });

  it('warns, without blocking, about a pacemaker with MRI', () => {
    expect(findSafetyIssues(draftWith('mri', { pacemaker: true }))).toEqual([
      expect.objectContaining({ code: 'pacemaker-mri', severity: 'warning' }),
    ]);
    expect(findSafetyIssues(draftWith('ct', { pacemaker: true }))).toEqual([]);
  });

  it('warns about a contrast allergy when an injection is planned', () => {
    const request = completeRequest();
    const draft: ImagingRequestDraft = {
      ...request,
      exam: { ...request.exam, contrast: true },
      allergies: { contrastAgent: true, details: 'Urticaire après scanner injecté (2019)' },
    };
    expect(findSafetyIssues(draft)).toEqual([expect.objectContaining({ code: 'contrast-allergy', severity: 'warning' })]);
    expect(findSafetyIssues({ ...draft, exam: { ...request.exam, contrast: false } })).toEqual([]);
  });

  it('lists findings in a fixed order', () => {
    const draft: ImagingRequestDraft = {
      exam: { modality: 'ct', contrast: true },
      patient: { pregnant: 'yes' },
      allergies: { contrastAgent: true },
    };
    expect(findSafetyIssues(draft).map((finding) => finding.code)).toEqual(['pregnancy-ionising-exam', 'contrast-allergy']);
  });

  it('raises nothing on unanswered questions: completeness reports them', () => {
    expect(findSafetyIssues({})).toEqual([]);
    expect(findSafetyIssues({ exam: { modality: 'ct' } })).toEqual([]);
  });
});
