/** Lower case without accents, so that "Échographie" and "ECHOGRAPHIE" compare equal. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
