import { recogniseModality, resolveModality } from './modality-words';

describe('recogniseModality', () => {
  it.each([
    [['Urgence IRM'], 'mri'],
    [['URG scanner thoraco-abdominal'], 'ct'],
    [['Créneau ÉCHOGRAPHIE'], 'ultrasound'],
    [['Radio standard'], 'radiography'],
    [['DX'], 'radiography'],
    [['US'], 'ultrasound'],
    [['Computed Tomography'], 'ct'],
    [['Urgence', 'MR'], 'mri'],
  ])('%p names %s', (texts, modality) => {
    expect(recogniseModality(texts)).toBe(modality);
  });

  it.each([[['Urgence']], [['IRM ou scanner']], [['discuss the ct of us']], [[null, undefined]]])(
    '%p names no single modality',
    (texts) => {
      expect(recogniseModality(texts)).toBeNull();
    },
  );
});

describe('resolveModality', () => {
  const offered = { centreModalities: ['radiography', 'ct'] as const };

  it('prefers the item’s modality, then the source’s', () => {
    expect(resolveModality('ct', { ...offered, sourceModality: 'radiography' })).toEqual({ modality: 'ct' });
    expect(resolveModality(null, { ...offered, sourceModality: 'radiography' })).toEqual({ modality: 'radiography' });
  });

  it('refuses no modality at all, or one the centre does not offer', () => {
    expect(resolveModality(null, { ...offered, sourceModality: null })).toHaveProperty('reason');
    expect(resolveModality('mri', { ...offered, sourceModality: null })).toEqual({
      reason: 'Modalité non proposée par le centre : IRM.',
    });
  });
});
