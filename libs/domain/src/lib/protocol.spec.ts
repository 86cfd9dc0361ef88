import { isModality, isSuspectedDiagnosisCode, isValidOverride, isWithinProtocol } from './protocol';

describe('isWithinProtocol', () => {
  it.each([
    ['radiography', 'recent-trauma'],
    ['radiography', 'pneumothorax'],
    ['ultrasound', 'biliary-colic'],
    ['ct', 'sigmoiditis'],
    ['mri', 'radiculalgia-with-deficit'],
    ['mri', 'hyperalgic-radiculalgia'],
  ] as const)('retains %s for %s', (modality, code) => {
    expect(isWithinProtocol(modality, code)).toBe(true);
  });

  it('does not retain an indication for another modality, nor "other" for any', () => {
    expect(isWithinProtocol('ct', 'pneumonia')).toBe(false);
    expect(isWithinProtocol('ultrasound', 'renal-colic')).toBe(false);
    expect(isWithinProtocol('radiography', 'other')).toBe(false);
  });
});

describe('isValidOverride', () => {
  it('wants the coordinator and a reason', () => {
    expect(isValidOverride({ coordinatorAccountId: 'c-1', reason: 'Avis du radiologue de garde' })).toBe(true);
    expect(isValidOverride({ coordinatorAccountId: 'c-1', reason: '  ' })).toBe(false);
    expect(isValidOverride({ coordinatorAccountId: '', reason: 'Urgence' })).toBe(false);
    expect(isValidOverride(null)).toBe(false);
    expect(isValidOverride(undefined)).toBe(false);
  });
});

describe('type guards', () => {
  it('recognise the lists’ values only', () => {
    expect(isModality('mri')).toBe(true);
    expect(isModality('pet')).toBe(false);
    expect(isSuspectedDiagnosisCode('other')).toBe(true);
    expect(isSuspectedDiagnosisCode('migraine')).toBe(false);
  });
});
