import type { ImagingRequestDraft } from '@creneau/contracts';

import { completeRequest, TODAY, without } from '../testing/imaging-request.fixtures';
import { assessRequest, isCompleteRequest } from './request-gate';

const override = { coordinatorAccountId: 'coordinator-1', reason: 'Accord du radiologue, suspicion d’appendicite' };

describe('assessRequest', () => {
  it('lets a complete, in-protocol request through', () => {
    expect(assessRequest(completeRequest(), { today: TODAY })).toEqual({
      missing: [],
      invalid: [],
      outsideProtocol: false,
      overridden: false,
      safety: [],
      readiness: 'bookable',
      bookable: true,
    });
  });

  it('parks an incomplete request with the list of what is missing', () => {
    const assessment = assessRequest(without(without(completeRequest(), 'doctor.rpps'), 'clinicalElements'), { today: TODAY });
    expect(assessment.readiness).toBe('incomplete');
    expect(assessment.bookable).toBe(false);
    expect(assessment.missing.map((problem) => problem.field)).toEqual(['doctor.rpps', 'clinicalElements']);
  });

  it('does not book a request with an invalid field', () => {
    const request = completeRequest();
    request.doctor.rpps = '123';
    expect(assessRequest(request, { today: TODAY })).toMatchObject({ readiness: 'incomplete', bookable: false });
  });

  it('parks a contrast injection without clearance nor lab in progress as incomplete', () => {
    const request = completeRequest({ exam: { modality: 'ct', anatomicalRegion: 'Abdomen', contrast: true } });
    const assessment = assessRequest(request, { today: TODAY });
    expect(assessment.readiness).toBe('incomplete');
    expect(assessment.missing.map((problem) => problem.field)).toEqual(['contrastWorkup']);
  });

  describe('outside the protocol', () => {
    const outside = completeRequest({ suspectedDiagnosis: { code: 'other', otherText: 'Appendicite' } });

    it('needs a coordinator’s override', () => {
      expect(assessRequest(outside, { today: TODAY })).toMatchObject({
        outsideProtocol: true,
        overridden: false,
        readiness: 'outside-protocol',
        bookable: false,
      });
    });

    it('is bookable with the override, and says so', () => {
      expect(assessRequest(outside, { today: TODAY, override })).toMatchObject({
        outsideProtocol: true,
        overridden: true,
        readiness: 'bookable',
        bookable: true,
      });
    });

    it('does not take an override without a reason', () => {
      expect(assessRequest(outside, { today: TODAY, override: { ...override, reason: '' } }).bookable).toBe(false);
    });

    it('covers a retained indication asked of the wrong modality', () => {
      const pneumoniaOnCt = completeRequest({ suspectedDiagnosis: { code: 'pneumonia', otherText: null } });
      expect(assessRequest(pneumoniaOnCt, { today: TODAY }).outsideProtocol).toBe(true);
    });

    it('is flagged as soon as modality and diagnosis are known, even on an incomplete draft', () => {
      const draft: ImagingRequestDraft = { exam: { modality: 'ct' }, suspectedDiagnosis: { code: 'pneumonia' } };
      expect(assessRequest(draft, { today: TODAY })).toMatchObject({ outsideProtocol: true, readiness: 'incomplete' });
      expect(assessRequest({ exam: { modality: 'ct' } }, { today: TODAY }).outsideProtocol).toBe(false);
    });

    it('ignores an override the request does not need', () => {
      expect(assessRequest(completeRequest(), { today: TODAY, override })).toMatchObject({ overridden: false, bookable: true });
    });
  });

  describe('pregnancy with an ionising exam', () => {
    const pregnant = completeRequest();
    pregnant.patient.pregnant = 'unknown';

    it('waits for an explicit confirmation', () => {
      const assessment = assessRequest(pregnant, { today: TODAY });
      expect(assessment).toMatchObject({ readiness: 'awaiting-confirmation', bookable: false });
      expect(assessment.safety).toEqual([expect.objectContaining({ code: 'pregnancy-ionising-exam', confirmed: false })]);
    });

    it('is bookable once confirmed', () => {
      expect(assessRequest(pregnant, { today: TODAY, confirmations: ['pregnancy-ionising-exam'] })).toMatchObject({
        readiness: 'bookable',
        bookable: true,
      });
    });

    it('needs both the override and the confirmation when outside protocol too', () => {
      const both = { ...pregnant, suspectedDiagnosis: { code: 'other' as const, otherText: 'Fracture de fatigue' } };
      expect(assessRequest(both, { today: TODAY, override }).readiness).toBe('awaiting-confirmation');
      expect(assessRequest(both, { today: TODAY, confirmations: ['pregnancy-ionising-exam'] }).readiness).toBe(
        'outside-protocol',
      );
      expect(assessRequest(both, { today: TODAY, override, confirmations: ['pregnancy-ionising-exam'] }).bookable).toBe(true);
    });
  });

  it('keeps a contrast allergy as a warning that does not block', () => {
    const request = completeRequest({
      exam: { modality: 'ct', anatomicalRegion: 'Abdomen', contrast: true },
      contrastWorkup: { labInProgress: null, crpMgPerL: 40, creatinineClearanceMlPerMin: 72, clearanceFormula: 'ckd-epi' },
      allergies: { contrastAgent: true, details: 'Iode' },
    });
    const assessment = assessRequest(request, { today: TODAY });
    expect(assessment.bookable).toBe(true);
    expect(assessment.safety.map((finding) => [finding.code, finding.severity])).toEqual([['contrast-allergy', 'warning']]);
  });

  it('lets a pacemaker patient through to MRI: the centre, not the request, decides', () => {
    const request = completeRequest({
      exam: { modality: 'mri', anatomicalRegion: 'Rachis lombaire', contrast: false },
      suspectedDiagnosis: { code: 'radiculalgia-with-deficit', otherText: null },
    });
    request.patient.pacemaker = true;
    const assessment = assessRequest(request, { today: TODAY });
    expect(assessment.bookable).toBe(true);
    expect(assessment.safety).toEqual([expect.objectContaining({ code: 'pacemaker-mri', severity: 'warning' })]);
  });
});

describe('isCompleteRequest', () => {
  it('narrows a complete, well-formed draft to a request', () => {
    const draft: ImagingRequestDraft = completeRequest();
    expect(isCompleteRequest(draft, TODAY)).toBe(true);
    expect(isCompleteRequest(without(draft, 'channel'), TODAY)).toBe(false);
    expect(isCompleteRequest({ ...draft, requestDate: '2026-04-01' }, TODAY)).toBe(false);
  });

  it('does not care about protocol or safety', () => {
    expect(isCompleteRequest(completeRequest({ suspectedDiagnosis: { code: 'other', otherText: 'Appendicite' } }), TODAY)).toBe(
      true,
    );
  });
});
