import { CsvError, parse } from 'csv-parse/sync';
import type { EvaluationImportProblem } from '@creneau/contracts';
import { EVALUATION_COLUMNS, fold, type EvaluationColumnId, type EvaluationLine } from './evaluation-columns';

const CSV_ERRORS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'un guillemet ouvert n’est jamais refermé',
  CSV_INVALID_CLOSING_QUOTE: 'un guillemet fermant est suivi d’autre chose qu’un séparateur',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'un guillemet fermant est suivi d’autre chose qu’un séparateur',
};

interface ParsedRecord {
  record: string[];
  info: { lines: number };
  raw: string;
}

export interface NumberedLine {
  /** Where the line starts in the file, the header being line 1. */
  line: number;
  values: EvaluationLine;
}

/**
 * The lines of an evaluation file by column, or why the file cannot be read. French spreadsheets save CSV in
 * Windows-1252 and with `;`, others in UTF-8 and with `,`: both are recognised.
 */
export function readEvaluationFile(content: Buffer): { lines: NumberedLine[] } | { problems: EvaluationImportProblem[] } {
  const text = decode(content).replace(/\r\n?/g, '\n');
  let records: ParsedRecord[];
  try {
    const options = { delimiter: delimiterOf(text), info: true, raw: true, skip_empty_lines: true, relax_column_count: true };
    records = parse(text, options) as unknown as ParsedRecord[]; // the typings ignore `info` and `raw`
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines ?? 1;
    return { problems: [{ line, reasons: [`fichier CSV illisible : ${CSV_ERRORS[error.code] ?? error.code}`] }] };
  }
  const [header, ...rows] = records;
  if (!header) return { problems: [{ line: 1, reasons: ['fichier vide'] }] };
  const columns = header.record.map((name) => EVALUATION_COLUMNS.find((column) => fold(column.header) === fold(name))?.id);
  const missing = EVALUATION_COLUMNS.filter((column) => column.required && !columns.includes(column.id));
  if (missing.length > 0) {
    return { problems: [{ line: 1, reasons: [`colonnes manquantes : ${missing.map((column) => column.header).join(', ')}`] }] };
  }
  const lines = rows.map(({ record, info, raw }) => ({
    line: info.lines - lineBreaks(raw.replace(/^\n+|\n+$/g, '')),
    values: Object.fromEntries(
      columns.flatMap((id, index): [EvaluationColumnId, string][] =>
        id && record[index] !== undefined ? [[id, record[index]]] : [],
      ),
    ),
  }));
  return { lines };
}

/** Windows-1252's 0x80–0x9F (Node decodes that label as Latin-1, where these are control characters). */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** UTF-8 (with or without BOM) when it is valid, else Windows-1252. */
function decode(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(content);
  } catch {
    return content.toString('latin1').replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]);
  }
}

/** The header's most frequent of `;`, `,` and tab. */
function delimiterOf(text: string): string {
  const header = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  const counts = [';', ',', '\t'].map((delimiter) => [delimiter, header.split(delimiter).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

function lineBreaks(text: string): number {
  return text.split('\n').length - 1;
}
