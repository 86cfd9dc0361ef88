import { MODALITIES, MODALITY_DICOM_CODES, MODALITY_LABELS, type Modality } from '@creneau/contracts';
import type { ImportContext } from './imported-slot';
import { fold } from './text-fold';

/** Words (lower case, without accents) that name a modality in French or English. */
const MODALITY_WORDS: Record<Modality, readonly string[]> = {
  radiography: ['radio', 'radios', 'radiographie', 'radiographies', 'radiography', 'rx', 'xray'],
  ultrasound: ['echo', 'echos', 'echographie', 'echographies', 'echography', 'ultrasound', 'ultrason', 'ultrasons', 'doppler'],
  ct: ['scanner', 'scanographie', 'tdm', 'tomodensitometrie', 'tomography'],
  mri: ['irm', 'mri', 'resonance'],
};

/**
 * The one modality these texts name, by word or by DICOM code; null when they name none or several.
 * DICOM codes count in upper case only: "us" or "ct" inside ordinary text are not codes.
 */
export function recogniseModality(texts: readonly (string | null | undefined)[]): Modality | null {
  const found = new Set<Modality>();
  for (const text of texts) {
    for (const token of text?.split(/[^\p{L}\p{N}]+/u) ?? []) {
      const word = fold(token);
      for (const modality of MODALITIES) {
        if (MODALITY_WORDS[modality].includes(word) || MODALITY_DICOM_CODES[modality].includes(token)) found.add(modality);
      }
    }
  }
  return found.size === 1 ? [...found][0] : null;
}

/**
 * The item's own modality when it names one, else the source's; refused when there is none or when
 * the centre does not offer it (such a slot could never be booked).
 */
export function resolveModality(
  named: Modality | null,
  context: Pick<ImportContext, 'sourceModality' | 'centreModalities'>,
): { modality: Modality } | { reason: string } {
  const modality = named ?? context.sourceModality;
  if (!modality) return { reason: 'Modalité inconnue : ni l’élément ni la source n’en indiquent une.' };
  if (!context.centreModalities.includes(modality)) {
    return { reason: `Modalité non proposée par le centre : ${MODALITY_LABELS[modality]}.` };
  }
  return { modality };
}
