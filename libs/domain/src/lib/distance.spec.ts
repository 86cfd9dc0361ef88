import { distanceKm } from './distance';

describe('distanceKm', () => {
  it('is zero from a point to itself', () => {
    expect(distanceKm({ latitude: 46.67, longitude: -1.43 }, { latitude: 46.67, longitude: -1.43 })).toBe(0);
  });

  it('measures La Roche-sur-Yon to Nantes at about 64 km as the crow flies', () => {
    const laRoche = { latitude: 46.6705, longitude: -1.4269 };
    const nantes = { latitude: 47.2184, longitude: -1.5536 };
    expect(distanceKm(laRoche, nantes)).toBeGreaterThan(60);
    expect(distanceKm(laRoche, nantes)).toBeLessThan(65);
  });

  it('is symmetric', () => {
    const a = { latitude: 46.84, longitude: -1.04 };
    const b = { latitude: 46.49, longitude: -1.79 };
    expect(distanceKm(a, b)).toBeCloseTo(distanceKm(b, a), 10);
  });
});
