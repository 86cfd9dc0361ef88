import { IMAGING_REQUEST_FIELDS, type FieldProblem } from '@creneau/contracts';

/** The form's groups: objects in the JSON, and only these. */
const GROUPS = new Set(['doctor', 'patient', 'patient.address', 'exam', 'suspectedDiagnosis', 'contrastWorkup', 'allergies']);
const LEAVES = new Set<string>(IMAGING_REQUEST_FIELDS);

/**
 * Shape problems the domain's field rules cannot see: a field the form does not have (a typo would
 * otherwise be dropped silently and the request look incomplete), or a group that is not an object.
 */
export function formShapeProblems(form: unknown): FieldProblem[] {
  if (!isPlainObject(form)) return [{ field: 'form', message: 'Le formulaire est un objet JSON.' }];
  const problems: FieldProblem[] = [];
  const walk = (value: Record<string, unknown>, prefix: string) => {
    for (const [key, child] of Object.entries(value)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (GROUPS.has(path)) {
        if (child === null || child === undefined) continue;
        if (!isPlainObject(child)) problems.push({ field: path, message: 'Groupe de champs attendu (objet).' });
        else walk(child, path);
      } else if (!LEAVES.has(path)) {
        problems.push({ field: path, message: 'Champ inconnu du bon de demande.' });
      } else if (isPlainObject(child) || Array.isArray(child)) {
        problems.push({ field: path, message: 'Valeur simple attendue.' });
      }
    }
  };
  walk(form, '');
  return problems;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
