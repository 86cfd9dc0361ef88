import type { CentreSummary, ImagingRequest, SlotIneligibilityCode } from '@creneau/contracts';

import { completeRequest, TODAY } from '../testing/imaging-request.fixtures';
import { assessRequest } from './request-gate';
import {
  checkSlotEligibility,
  type EligibilityCentre,
  type EligibilitySlot,
  type SlotEligibilityInput,
} from './slot-eligibility';

const receivedAt = '2026-03-27T09:00:00+01:00';
const now = '2026-03-27T09:30:00+01:00';

const centre: EligibilityCentre = {
  id: 'chd-vendee',
  modalities: ['radiography', 'ct', 'mri'],
  wheelchairAccessible: true,
  stretcherAccessible: true,
  acceptsMrConditionalPacemaker: true,
  active: true,
};

const slot: EligibilitySlot = {
  centreId: 'chd-vendee',
  modality: 'ct',
  start: '2026-03-28T11:00:00+01:00',
  end: '2026-03-28T11:20:00+01:00',
  state: 'free',
  capacity: 1,
};

function check(changes: {
  request?: ImagingRequest;
  centre?: Partial<EligibilityCentre>;
  slot?: Partial<EligibilitySlot>;
  input?: Partial<SlotEligibilityInput>;
}) {
  const request = changes.request ?? completeRequest();
  return checkSlotEligibility({
    request,
    assessment: assessRequest(request, { today: TODAY }),
    centre: { ...centre, ...changes.centre },
    slot: { ...slot, ...changes.slot },
    receivedAt,
    now,
    ...changes.input,
  });
}

const codes = (result: ReturnType<typeof check>): SlotIneligibilityCode[] =>
  result.eligible ? [] : result.reasons.map((reason) => reason.code);

const mriRequest = (patient: Partial<ImagingRequest['patient']> = {}) => {
  const request = completeRequest({
    exam: { modality: 'mri', anatomicalRegion: 'Rachis lombaire', contrast: false },
    suspectedDiagnosis: { code: 'hyperalgic-radiculalgia', otherText: null },
  });
  request.patient = { ...request.patient, ...patient };
  return request;
};
const mriSlot: Partial<EligibilitySlot> = { modality: 'mri' };

describe('checkSlotEligibility', () => {
  it('accepts a free slot of the right modality within the delay, and says it meets the 48 h target', () => {
    expect(check({})).toEqual({ eligible: true, withinTargetDelay: true });
  });

  it('accepts a slot between the 48 h target and the 72 h maximum, flagged as past the target', () => {
    expect(check({ slot: { start: '2026-03-30T08:00:00+02:00', end: '2026-03-30T08:20:00+02:00' } })).toEqual({
      eligible: true,
      withinTargetDelay: false,
    });
  });

  it('refuses a request the gate has not let through', () => {
    const request = completeRequest({ suspectedDiagnosis: { code: 'other', otherText: 'Appendicite' } });
    expect(codes(check({ request }))).toEqual(['request-not-bookable']);
  });

  it('refuses another modality, with both in French', () => {
    const result = check({ slot: { modality: 'radiography' } });
    expect(result).toEqual({
      eligible: false,
      reasons: [
        { code: 'wrong-modality', message: 'Modalité du créneau (Radiographie) différente de l’examen demandé (Scanner).' },
      ],
    });
  });

  it('refuses a centre that no longer offers the modality', () => {
    expect(codes(check({ centre: { modalities: ['radiography'] } }))).toEqual(['modality-not-offered']);
  });

  describe('indications', () => {
    it('refuses an indication the slot does not take', () => {
      const result = check({ slot: { indications: ['sigmoiditis', 'colitis'] } });
      expect(result).toEqual({
        eligible: false,
        reasons: [{ code: 'indication-not-accepted', message: 'Indication non acceptée sur ce créneau : Colique néphrétique.' }],
      });
    });

    it('refuses an indication the centre does not take; an empty list restricts nothing', () => {
      expect(codes(check({ centre: { acceptedIndications: ['sigmoiditis', 'pneumonia'] } }))).toEqual([
        'indication-not-accepted',
      ]);
      expect(check({ centre: { acceptedIndications: ['renal-colic', 'pneumonia'] } }).eligible).toBe(true);
      expect(check({ centre: { acceptedIndications: [] } }).eligible).toBe(true);
    });

    it('sends an overridden outside-protocol request only where no list restricts indications', () => {
      const request = completeRequest({ suspectedDiagnosis: { code: 'other', otherText: 'Appendicite' } });
      const assessment = assessRequest(request, {
        today: TODAY,
        override: { coordinatorAccountId: 'coordinator-1', reason: 'Accord du radiologue' },
      });
      const base = { request, assessment, centre, receivedAt, now };
      expect(checkSlotEligibility({ ...base, slot }).eligible).toBe(true);
      const restricted = checkSlotEligibility({ ...base, slot: { ...slot, indications: ['renal-colic'] } });
      expect(restricted).toEqual({
        eligible: false,
        reasons: [{ code: 'indication-not-accepted', message: 'Diagnostic hors protocole non accepté sur ce créneau.' }],
      });
    });
  });

  describe('pacemaker and MRI', () => {
    it('refuses a centre that does not take MR-conditional devices', () => {
      const result = check({
        request: mriRequest({ pacemaker: true }),
        slot: mriSlot,
        centre: { acceptsMrConditionalPacemaker: false },
      });
      expect(codes(result)).toEqual(['pacemaker-not-accepted']);
    });

    it('accepts a centre that does', () => {
      expect(check({ request: mriRequest({ pacemaker: true }), slot: mriSlot }).eligible).toBe(true);
    });

    it('does not matter without a pacemaker, or for another modality', () => {
      expect(check({ request: mriRequest(), slot: mriSlot, centre: { acceptsMrConditionalPacemaker: false } }).eligible).toBe(
        true,
      );
      const ctWithPacemaker = completeRequest();
      ctWithPacemaker.patient.pacemaker = true;
      expect(check({ request: ctWithPacemaker, centre: { acceptsMrConditionalPacemaker: false } }).eligible).toBe(true);
    });
  });

  describe('a non-ambulatory patient', () => {
    const nonAmbulatory = (mobilityAid: ImagingRequest['patient']['mobilityAid']) => {
      const request = completeRequest();
      request.patient = { ...request.patient, ambulatory: false, mobilityAid };
      return request;
    };

    it('is refused by a centre with neither access', () => {
      const result = check({ request: nonAmbulatory(null), centre: { wheelchairAccessible: false, stretcherAccessible: false } });
      expect(codes(result)).toEqual(['centre-not-accessible']);
    });

    it('goes to a centre with either access when the aid is not known', () => {
      expect(check({ request: nonAmbulatory(null), centre: { stretcherAccessible: false } }).eligible).toBe(true);
      expect(check({ request: nonAmbulatory(null), centre: { wheelchairAccessible: false } }).eligible).toBe(true);
    });

    it('needs the access that matches the aid', () => {
      expect(codes(check({ request: nonAmbulatory('stretcher'), centre: { stretcherAccessible: false } }))).toEqual([
        'centre-not-accessible',
      ]);
      expect(codes(check({ request: nonAmbulatory('wheelchair'), centre: { wheelchairAccessible: false } }))).toEqual([
        'centre-not-accessible',
      ]);
    });

    it('does not limit an ambulatory patient', () => {
      expect(check({ centre: { wheelchairAccessible: false, stretcherAccessible: false } }).eligible).toBe(true);
    });
  });

  describe('time window', () => {
    it('refuses a slot starting after received + 72 h, and accepts one starting exactly then', () => {
      const late = check({ slot: { start: '2026-03-30T10:00:01+02:00', end: '2026-03-30T10:20:00+02:00' } });
      expect(late).toEqual({
        eligible: false,
        reasons: [
          { code: 'after-maximum-delay', message: 'Créneau au-delà du délai maximal de 72 h après la réception de la demande.' },
        ],
      });
      // 72 h after 09:00+01:00 on 27 March is 10:00+02:00 on 30 March: DST moved the clocks, not the deadline.
      expect(check({ slot: { start: '2026-03-30T10:00:00+02:00', end: '2026-03-30T10:20:00+02:00' } }).eligible).toBe(true);
    });

    it('follows the territory’s policy', () => {
      const result = check({ input: { policy: { targetDelayHours: 12, maximumDelayHours: 24 } } });
      expect(codes(result)).toEqual(['after-maximum-delay']);
    });

    it('refuses a slot that has already started', () => {
      expect(codes(check({ input: { now: '2026-03-28T11:05:00+01:00' } }))).toEqual(['slot-already-started']);
    });
  });

  describe('closures', () => {
    const closure = (from: string, to: string) => ({ closures: [{ from, to, reason: 'maintenance du scanner' }] });

    it('refuses a slot overlapping a closure, giving its reason', () => {
      const result = check({ centre: closure('2026-03-28T11:10:00+01:00', '2026-03-28T18:00:00+01:00') });
      expect(result).toEqual({
        eligible: false,
        reasons: [{ code: 'centre-closed', message: 'Centre fermé sur ce créneau : maintenance du scanner.' }],
      });
    });

    it('treats closures as half-open: one ending as the slot starts, or starting as it ends, does not overlap', () => {
      expect(check({ centre: closure('2026-03-28T08:00:00+01:00', '2026-03-28T11:00:00+01:00') }).eligible).toBe(true);
      expect(check({ centre: closure('2026-03-28T11:20:00+01:00', '2026-03-28T18:00:00+01:00') }).eligible).toBe(true);
    });

    it('refuses an inactive centre', () => {
      expect(codes(check({ centre: { active: false } }))).toEqual(['centre-inactive']);
    });
  });

  describe('slot state and capacity', () => {
    it.each(['held', 'booked', 'released', 'withdrawn'] as const)('refuses a %s slot', (state) => {
      expect(codes(check({ slot: { state } }))).toEqual(['slot-not-free']);
    });

    it('lets the holder of a held slot book it, and no one else', () => {
      const held = { state: 'held' as const, heldBy: 'secretary-1' };
      expect(check({ slot: held, input: { holderId: 'secretary-1' } }).eligible).toBe(true);
      expect(codes(check({ slot: held, input: { holderId: 'secretary-2' } }))).toEqual(['slot-not-free']);
      expect(codes(check({ slot: { state: 'held', heldBy: null } }))).toEqual(['slot-not-free']);
    });

    it('refuses a full slot and accepts a walk-in range with room left', () => {
      expect(codes(check({ slot: { bookedCount: 1 } }))).toEqual(['slot-full']);
      expect(check({ slot: { capacity: 4, bookedCount: 3 } }).eligible).toBe(true);
    });
  });

  it('gives every reason at once, in a fixed order', () => {
    const request = completeRequest();
    request.patient = { ...request.patient, ambulatory: false, mobilityAid: 'stretcher' };
    const result = check({
      request: { ...request, suspectedDiagnosis: { code: 'other', otherText: 'Appendicite' } },
      centre: {
        active: false,
        stretcherAccessible: false,
        closures: [{ from: '2026-03-01T00:00:00Z', to: '2026-05-01T00:00:00Z', reason: 'travaux' }],
      },
      slot: { state: 'booked', modality: 'ultrasound', indications: ['biliary-colic'], start: '2026-04-02T09:00:00+02:00' },
    });
    expect(codes(result)).toEqual([
      'request-not-bookable',
      'centre-inactive',
      'slot-not-free',
      'wrong-modality',
      'indication-not-accepted',
      'centre-not-accessible',
      'after-maximum-delay',
      'centre-closed',
    ]);
  });

  it('throws when the slot belongs to another centre: a caller’s mistake, not a reason', () => {
    expect(() => check({ slot: { centreId: 'other-centre' } })).toThrow(RangeError);
  });

  it('takes a CentreSummary as it comes from the API', () => {
    const summary: CentreSummary = {
      ...centre,
      name: 'CHD Vendée',
      sector: 'public',
      organisation: 'Centre hospitalier départemental',
      address: 'Boulevard Stéphane Moreau, 85000 La Roche-sur-Yon',
      location: { latitude: 46.6789, longitude: -1.4101 },
      phone: '02 51 44 61 61',
      closures: [{ from: '2026-03-28T00:00:00+01:00', to: '2026-03-29T00:00:00+01:00', reason: 'panne du scanner' }],
      acceptedIndications: ['renal-colic'],
    };
    expect(codes(check({ centre: summary }))).toEqual(['centre-closed']);
  });

  it('takes Dates as well as ISO strings', () => {
    const result = check({
      slot: { start: new Date('2026-03-28T10:00:00Z'), end: new Date('2026-03-28T10:20:00Z') },
      input: { receivedAt: new Date('2026-03-27T08:00:00Z'), now: new Date('2026-03-27T08:30:00Z') },
    });
    expect(result.eligible).toBe(true);
  });
});
