import { preparationFor } from './preparation';

describe('preparationFor', () => {
  it('adds the injection’s preparation to the exam’s', () => {
    expect(preparationFor('ct', true)).toEqual([
      'Retirer les objets métalliques de la zone examinée.',
      expect.stringContaining('à jeun depuis 3 h'),
      expect.stringContaining('ordonnance'),
    ]);
  });

  it('asks for a fasting abdominal ultrasound', () => {
    expect(preparationFor('ultrasound', false)[0]).toContain('à jeun depuis 6 h');
  });
});
