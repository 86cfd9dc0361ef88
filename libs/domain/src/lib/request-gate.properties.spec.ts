import { MODALITIES, RETAINED_INDICATIONS, SUSPECTED_DIAGNOSIS_CODES } from '@creneau/contracts';
import fc from 'fast-check';

import { ALWAYS_REQUIRED_FIELDS, arbitraryPlainRequest, reorderKeys, TODAY, without } from '../testing/imaging-request.fixtures';
import { assessRequest } from './request-gate';

const options = { today: TODAY };

describe('request gate properties', () => {
  it('always lets a complete, in-protocol, non-pregnant request without contrast through', () => {
    fc.assert(
      fc.property(arbitraryPlainRequest, (request) => {
        const assessment = assessRequest(request, options);
        expect(assessment.missing).toEqual([]);
        expect(assessment.invalid).toEqual([]);
        expect(assessment.outsideProtocol).toBe(false);
        expect(assessment.bookable).toBe(true);
      }),
    );
  });

  it('is never bookable without a required field, and names exactly that field', () => {
    fc.assert(
      fc.property(
        arbitraryPlainRequest,
        fc.constantFrom(...ALWAYS_REQUIRED_FIELDS),
        fc.constantFrom(undefined, null, ''),
        (request, field, empty) => {
          const draft = empty === undefined ? without(request, field) : setAt(request, field, empty);
          const assessment = assessRequest(draft, options);
          expect(assessment.bookable).toBe(false);
          expect(assessment.readiness).toBe('incomplete');
          expect(assessment.missing.map((problem) => problem.field)).toEqual([field]);
        },
      ),
    );
  });

  it('reports problems in the same order whatever the order of the draft’s keys', () => {
    const dropSome = fc.subarray([...ALWAYS_REQUIRED_FIELDS]);
    fc.assert(
      fc.property(arbitraryPlainRequest, dropSome, fc.integer(), (request, dropped, seed) => {
        const draft = dropped.reduce(without, request);
        const shuffled = reorderKeys(draft, (keys) => shuffle(keys, seed));
        const assessment = assessRequest(draft, options);
        expect(assessRequest(shuffled, options)).toEqual(assessment);
        const order = assessment.missing.map((problem) => ALWAYS_REQUIRED_FIELDS.indexOf(problem.field));
        expect(order).toEqual([...order].sort((a, b) => a - b));
        expect(assessment.missing.length).toBe(dropped.length);
      }),
    );
  });

  it('is outside protocol exactly when the diagnosis is not retained for the modality, and then bookable only with an override', () => {
    const exam = fc.tuple(fc.constantFrom(...MODALITIES), fc.constantFrom(...SUSPECTED_DIAGNOSIS_CODES));
    fc.assert(
      fc.property(arbitraryPlainRequest, exam, (request, [modality, code]) => {
        const draft = {
          ...request,
          exam: { ...request.exam, modality },
          suspectedDiagnosis: { code, otherText: code === 'other' ? 'Autre suspicion' : null },
        };
        const retained = (RETAINED_INDICATIONS[modality] as readonly string[]).includes(code);
        expect(assessRequest(draft, options).outsideProtocol).toBe(!retained);
        expect(assessRequest(draft, options).bookable).toBe(retained);
        const override = { coordinatorAccountId: 'coordinator-1', reason: 'Dérogation' };
        expect(assessRequest(draft, { ...options, override }).bookable).toBe(true);
      }),
    );
  });

  it('never books a possibly pregnant patient for radiography or CT without a confirmation', () => {
    fc.assert(
      fc.property(
        arbitraryPlainRequest,
        fc.constantFrom('yes' as const, 'unknown' as const),
        fc.constantFrom('radiography' as const, 'ct' as const),
        (request, pregnant, modality) => {
          const draft = {
            ...request,
            patient: { ...request.patient, pregnant },
            exam: { ...request.exam, modality },
            suspectedDiagnosis: { code: RETAINED_INDICATIONS[modality][0], otherText: null },
          };
          expect(assessRequest(draft, options).bookable).toBe(false);
          expect(assessRequest(draft, { ...options, confirmations: ['pregnancy-ionising-exam'] }).bookable).toBe(true);
        },
      ),
    );
  });
});

function setAt<T>(value: T, path: string, replacement: unknown): T {
  const copy = structuredClone(value) as Record<string, unknown>;
  const keys = path.split('.');
  let parent = copy;
  for (const key of keys.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  parent[keys[keys.length - 1]] = replacement;
  return copy as T;
}

/** A deterministic shuffle, so that fast-check can replay a failure from its seed. */
function shuffle<T>(items: T[], seed: number): T[] {
  const shuffled = [...items];
  let state = seed >>> 0 || 1;
  for (let i = shuffled.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    const j = state % (i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  return shuffled;
}
