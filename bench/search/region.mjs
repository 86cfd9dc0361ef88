// The bench's territory: towns of Pays de la Loire (coordinates of their centre, weight ~ population served).
export const CITIES = [
  { name: 'Nantes', postcode: '44000', latitude: 47.2184, longitude: -1.5536, weight: 8 },
  { name: 'Angers', postcode: '49000', latitude: 47.4784, longitude: -0.5632, weight: 5 },
  { name: 'Le Mans', postcode: '72000', latitude: 48.0061, longitude: 0.1996, weight: 5 },
  { name: 'Saint-Nazaire', postcode: '44600', latitude: 47.2735, longitude: -2.2138, weight: 3 },
  { name: 'La Roche-sur-Yon', postcode: '85000', latitude: 46.6705, longitude: -1.426, weight: 3 },
  { name: 'Cholet', postcode: '49300', latitude: 47.06, longitude: -0.8797, weight: 2 },
  { name: 'Laval', postcode: '53000', latitude: 48.0707, longitude: -0.7734, weight: 2 },
  { name: 'Saumur', postcode: '49400', latitude: 47.26, longitude: -0.0769, weight: 1.5 },
  { name: 'Les Sables-d’Olonne', postcode: '85100', latitude: 46.4967, longitude: -1.7833, weight: 1.5 },
  { name: 'Challans', postcode: '85300', latitude: 46.8467, longitude: -1.8781, weight: 1 },
  { name: 'Fontenay-le-Comte', postcode: '85200', latitude: 46.4667, longitude: -0.8064, weight: 1 },
  { name: 'Château-Gontier-sur-Mayenne', postcode: '53200', latitude: 47.8286, longitude: -0.7028, weight: 1 },
  { name: 'Mayenne', postcode: '53100', latitude: 48.3031, longitude: -0.6136, weight: 1 },
  { name: 'La Flèche', postcode: '72200', latitude: 47.6997, longitude: -0.0758, weight: 1 },
  { name: 'Sablé-sur-Sarthe', postcode: '72300', latitude: 47.8397, longitude: -0.3344, weight: 1 },
  { name: 'Ancenis-Saint-Géréon', postcode: '44150', latitude: 47.3656, longitude: -1.1772, weight: 1 },
  { name: 'Les Herbiers', postcode: '85500', latitude: 46.8703, longitude: -1.0136, weight: 1 },
  { name: 'Châteaubriant', postcode: '44110', latitude: 47.7172, longitude: -1.3761, weight: 1 },
  { name: 'Segré-en-Anjou Bleu', postcode: '49500', latitude: 47.6861, longitude: -0.8725, weight: 0.7 },
  { name: 'Mamers', postcode: '72600', latitude: 48.3497, longitude: 0.3697, weight: 0.5 },
  { name: 'Luçon', postcode: '85400', latitude: 46.4547, longitude: -1.1656, weight: 0.7 },
  { name: 'Clisson', postcode: '44190', latitude: 47.0867, longitude: -1.2825, weight: 0.7 },
  { name: 'Pornic', postcode: '44210', latitude: 47.1156, longitude: -2.1031, weight: 0.7 },
  { name: 'Guérande', postcode: '44350', latitude: 47.3281, longitude: -2.4294, weight: 0.7 },
];

export const MODALITIES = ['radiography', 'ultrasound', 'ct', 'mri'];

/** The retained indications by modality (libs/contracts/src/lib/indication.ts). */
export const INDICATIONS = {
  radiography: ['recent-trauma', 'pneumonia', 'pneumothorax'],
  ultrasound: ['acute-pyelonephritis', 'biliary-colic'],
  ct: ['renal-colic', 'sigmoiditis', 'colitis'],
  mri: ['radiculalgia-with-deficit', 'hyperalgic-radiculalgia'],
};

/** mulberry32: a small deterministic generator, so that every run seeds and asks the same things. */
export function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One item, by its `weight` when items have one, uniformly otherwise. */
export function pick(random, items) {
  const total = items.reduce((sum, item) => sum + (item?.weight ?? 1), 0);
  let draw = random() * total;
  for (const item of items) {
    draw -= item?.weight ?? 1;
    if (draw < 0) return item;
  }
  return items[items.length - 1];
}
