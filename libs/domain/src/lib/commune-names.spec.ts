import { communeMatchKey, isPostalCode } from './commune-names';

describe('communeMatchKey', () => {
  it.each([
    ['Saint-Gilles-Croix-de-Vie', 'saint gilles croix de vie'],
    ['ST GILLES CROIX DE VIE', 'saint gilles croix de vie'],
    ['St-Gilles-Croix-de-Vie', 'saint gilles croix de vie'],
    ["Les Sables-d'Olonne", 'les sables d olonne'],
    ['LES SABLES D’OLONNE', 'les sables d olonne'],
    ['Luçon', 'lucon'],
    ['  La   Roche-sur-Yon ', 'la roche sur yon'],
    ['Ste-Hermine', 'sainte hermine'],
    ['Mortagne-s-Sèvre', 'mortagne sur sevre'],
    ['Œuilly', 'oeuilly'],
  ])('%s → %s', (name, key) => {
    expect(communeMatchKey(name)).toBe(key);
  });

  it('keeps different communes apart', () => {
    expect(communeMatchKey('Saint-Hilaire-de-Riez')).not.toBe(communeMatchKey('Saint-Hilaire-de-Loulay'));
  });
});

describe('isPostalCode', () => {
  it('takes five digits, nothing else', () => {
    expect(['85000', '01000'].every(isPostalCode)).toBe(true);
    expect(['8500', '850000', '85 000', '2A000', ''].some(isPostalCode)).toBe(false);
  });
});
