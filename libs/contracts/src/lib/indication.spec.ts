import { MODALITIES } from './modality';
import { INDICATION_CODES, INDICATION_LABELS, RETAINED_INDICATIONS, SUSPECTED_DIAGNOSIS_CODES } from './indication';

describe('retained indications', () => {
  it('files every indication under exactly one modality', () => {
    const filed = MODALITIES.flatMap((modality) => RETAINED_INDICATIONS[modality]);
    expect([...filed].sort()).toEqual([...INDICATION_CODES].sort());
  });

  it('follows the protocol: three for radiography, two for ultrasound, three for CT, two for MRI', () => {
    expect(MODALITIES.map((modality) => RETAINED_INDICATIONS[modality].length)).toEqual([3, 2, 3, 2]);
  });

  it('uses kebab-case codes and non-empty French labels', () => {
    for (const code of INDICATION_CODES) {
      expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(INDICATION_LABELS[code].trim()).not.toBe('');
    }
  });

  it('offers "other" as the last suspected diagnosis', () => {
    expect(SUSPECTED_DIAGNOSIS_CODES.at(-1)).toBe('other');
  });
});
