import type { Modality } from '@creneau/contracts';

const ALWAYS = 'Apporter l’ordonnance, la carte Vitale et les examens d’imagerie antérieurs.';

const BY_MODALITY: Record<Modality, string> = {
  radiography: 'Retirer les objets métalliques de la zone examinée.',
  ultrasound: 'Échographie abdominale : à jeun depuis 6 h ; échographie pelvienne : vessie pleine.',
  ct: 'Retirer les objets métalliques de la zone examinée.',
  mri: 'Retirer tout objet métallique ; signaler tout implant ou dispositif.',
};

const WITH_CONTRAST =
  'Injection : à jeun depuis 3 h, apporter le résultat de la créatinine ; signaler toute allergie au produit de contraste.';

/**
 * The usual preparation to read back to the GP. The centres have no preparation notes of their own in Créneau yet:
 * these are the common instructions for the exam.
 */
export function preparationFor(modality: Modality, contrast: boolean): string[] {
  return [BY_MODALITY[modality], ...(contrast ? [WITH_CONTRAST] : []), ALWAYS];
}
