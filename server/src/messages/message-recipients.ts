export interface Recipients {
  to: string[];
  cc: string[];
  /** Why the doctor is not among them, when not. */
  note: string | null;
}

/**
 * The request form gives the doctor's RPPS, not an address: the address of an active doctor account with that RPPS
 * (the newest), as an SQL expression on `rpps` (a parameter or a column).
 */
export function doctorEmailOf(rpps: string): string {
  return `(SELECT email FROM account WHERE role = 'doctor' AND rpps = ${rpps} AND disabled_at IS NULL
            ORDER BY created_at DESC LIMIT 1)`;
}

/** The doctor's address when known, the CPTS's in copy; without it, the CPTS alone, and the note says so. */
export function chooseRecipients(doctorEmail: string | null, rpps: string | null, cptsEmail: string | undefined): Recipients {
  if (doctorEmail) return { to: [doctorEmail], cc: cptsEmail ? [cptsEmail] : [], note: null };
  const why = rpps ? `Aucun compte médecin actif pour le RPPS ${rpps}` : 'RPPS absent de la demande';
  if (cptsEmail) return { to: [cptsEmail], cc: [], note: `${why} : message envoyé à la CPTS seulement.` };
  return { to: [], cc: [], note: `${why}, et aucune adresse CPTS configurée (CPTS_EMAIL) : aucun destinataire.` };
}
