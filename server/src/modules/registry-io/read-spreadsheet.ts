import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors.ts';
import { checkHeaders, HEADERS, normalizeHeader, restoreFormulaText, type RowCells } from './columns.ts';

/** Largest number of data rows one file may carry (the header and empty rows do not count). */
export const MAX_IMPORT_ROWS = 50_000;
/** Largest upload, in bytes. */
export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;

export type ImportFormat = 'CSV' | 'XLSX';

export interface SheetRow {
  /** Row number as the spreadsheet program shows it (the header is row 1). */
  row: number;
  cells: RowCells;
}

export interface ParsedSheet {
  format: ImportFormat;
  headers: string[];
  rows: SheetRow[];
}

const bad = (code: string, detail: string, errors?: { field: string; message: string }[]) =>
  new AppError(400, code, detail, errors ? { errors } : {});

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * Reads an uploaded CSV or XLSX file into rows keyed by the template's headers. The format comes
 * from the content (ZIP signature → XLSX), not from the name, so a renamed file is caught. Every
 * refusal is a 400 that names the file and says what to fix; nothing is read past the first
 * problem with the file as a whole (rows are judged later, one by one).
 */
export async function readSpreadsheet(fileName: string, data: Buffer): Promise<ParsedSheet> {
  const name = `«${fileName}»`;
  if (data.length === 0) throw bad('IMPORT_EMPTY_FILE', `El archivo ${name} está vacío.`);
  const ext = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  let sheet: { headerRow: number; headers: string[]; rows: SheetRow[] };
  let format: ImportFormat;
  if (data.subarray(0, 4).equals(ZIP_MAGIC)) {
    format = 'XLSX';
    sheet = await readXlsx(name, data);
  } else if (data.subarray(0, 8).equals(OLE_MAGIC)) {
    throw bad(
      'IMPORT_XLS_NOT_SUPPORTED',
      `El archivo ${name} está en el formato antiguo de Excel (.xls). Ábralo en Excel y guárdelo como «Libro de Excel (.xlsx)» o como «CSV UTF-8».`,
    );
  } else if (ext === 'xlsx' || ext === 'xlsm') {
    throw bad('IMPORT_NOT_A_SPREADSHEET', `El archivo ${name} no es un libro de Excel (.xlsx) válido: su contenido no corresponde a una hoja de cálculo. Descargue la plantilla y guarde sus datos en ella.`);
  } else {
    format = 'CSV';
    sheet = readCsv(name, data);
  }
  checkColumns(name, sheet.headers);
  if (sheet.rows.length === 0) {
    throw bad('IMPORT_NO_ROWS', `El archivo ${name} no tiene filas de datos: solo se encontró el renglón de encabezados.`);
  }
  return { format, headers: sheet.headers, rows: sheet.rows };
}

function checkColumns(name: string, headers: string[]) {
  const { missing, unknown, duplicated } = checkHeaders(headers);
  if (missing.length === 0 && unknown.length === 0 && duplicated.length === 0) return;
  const parts: string[] = [];
  if (missing.length) parts.push(`faltan las columnas ${missing.join(', ')}`);
  if (unknown.length) parts.push(`no se reconocen las columnas ${unknown.join(', ')}`);
  if (duplicated.length) parts.push(`están repetidas las columnas ${duplicated.join(', ')}`);
  throw bad(
    'IMPORT_COLUMNS',
    `Las columnas del archivo ${name} no corresponden a la plantilla: ${parts.join('; ')}. Las columnas válidas son: ${HEADERS.join(', ')}.`,
    [
      ...missing.map((field) => ({ field, message: 'falta la columna' })),
      ...unknown.map((field) => ({ field, message: 'columna no reconocida' })),
      ...duplicated.map((field) => ({ field, message: 'columna repetida' })),
    ],
  );
}

const tooMany = (name: string) =>
  bad('IMPORT_TOO_MANY_ROWS', `El archivo ${name} tiene más de ${MAX_IMPORT_ROWS.toLocaleString('es-MX')} filas de datos, el máximo por importación. Divídalo en varios archivos.`);

/** Collects data rows (non-empty), enforcing the row limit as it goes. */
function rowCollector(name: string, headers: string[]) {
  const rows: SheetRow[] = [];
  return {
    rows,
    add(rowNumber: number, values: readonly string[]) {
      let empty = true;
      const cells: RowCells = {};
      for (let i = 0; i < headers.length; i++) {
        const h = headers[i]!;
        const v = restoreFormulaText((values[i] ?? '').trim());
        if (v !== '') empty = false;
        if (h !== '') cells[h] = v;
      }
      for (let i = headers.length; i < values.length && empty; i++) if ((values[i] ?? '').trim() !== '') empty = false;
      if (empty) return;
      if (rows.length >= MAX_IMPORT_ROWS) throw tooMany(name);
      rows.push({ row: rowNumber, cells });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

/** UTF-8 (with or without BOM); otherwise Windows-1252, which Excel in Spanish writes for "CSV (delimitado por comas)". */
function decodeText(name: string, data: Buffer): string {
  if (data.subarray(0, 4096).includes(0)) {
    throw bad('IMPORT_NOT_A_SPREADSHEET', `El archivo ${name} no es una hoja de cálculo: no es un libro de Excel (.xlsx) ni un texto CSV.`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    text = new TextDecoder('windows-1252').decode(data);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The separator that splits the header line best: ';' (Excel in Spanish), ',' or a tab. */
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, Math.min(text.length, 8192)).split(/\r?\n/, 1)[0] ?? '';
  let best = ',';
  let bestCount = 0;
  for (const d of [';', ',', '\t']) {
    let n = 0;
    let quoted = false;
    for (const ch of firstLine) {
      if (ch === '"') quoted = !quoted;
      else if (ch === d && !quoted) n++;
    }
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

function readCsv(name: string, data: Buffer) {
  const text = decodeText(name, data);
  if (text.trim() === '') throw bad('IMPORT_EMPTY_FILE', `El archivo ${name} está vacío.`);
  let records: string[][];
  try {
    records = parse(text, { delimiter: detectDelimiter(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw bad('IMPORT_MALFORMED_CSV', `El archivo ${name} no es un CSV válido${line ? ` (cerca de la línea ${line})` : ''}: revise las comillas.`);
  }
  const headerIndex = records.findIndex((r) => r.some((v) => v.trim() !== ''));
  if (headerIndex < 0) throw bad('IMPORT_EMPTY_FILE', `El archivo ${name} está vacío.`);
  const headers = records[headerIndex]!.map(normalizeHeader);
  while (headers.length && headers[headers.length - 1] === '') headers.pop();
  const out = rowCollector(name, headers);
  for (let i = headerIndex + 1; i < records.length; i++) out.add(i + 1, records[i]!);
  return { headerRow: headerIndex + 1, headers, rows: out.rows };
}

// ---------------------------------------------------------------------------------------------
// XLSX (ExcelJS streaming reader: the workbook is never held whole in memory)
// ---------------------------------------------------------------------------------------------

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A cell value as text: dates as YYYY-MM-DD, formulas by their result, rich text joined. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === 'boolean') return v ? 'SI' : 'NO';
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    return `${v.getUTCFullYear()}-${pad2(v.getUTCMonth() + 1)}-${pad2(v.getUTCDate())}`;
  }
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (Array.isArray(o.richText)) return o.richText.map((t) => t.text).join('');
    if ('result' in o) return cellText(o.result);
    if (typeof o.text === 'string') return o.text;
    if (typeof o.error === 'string') return o.error;
  }
  return String(v);
}

async function readXlsx(name: string, data: Buffer) {
  const notXlsx = () =>
    bad('IMPORT_NOT_A_SPREADSHEET', `El archivo ${name} no es un libro de Excel (.xlsx) válido: es un archivo comprimido que Excel no puede abrir como hoja de cálculo.`);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([data]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let headers: string[] | null = null;
  let headerRow = 0;
  let collector: ReturnType<typeof rowCollector> | null = null;
  let sawSheet = false;
  try {
    for await (const worksheet of reader) {
      sawSheet = true;
      for await (const row of worksheet) {
        // row.values is 1-based: index 0 is empty.
        const raw = row.values as unknown[];
        const values: string[] = [];
        for (let i = 1; i < raw.length; i++) values.push(cellText(raw[i]));
        if (!headers) {
          if (values.every((v) => v.trim() === '')) continue;
          headers = values.map(normalizeHeader);
          while (headers.length && headers[headers.length - 1] === '') headers.pop();
          headerRow = row.number;
          checkColumns(name, headers);
          collector = rowCollector(name, headers);
          continue;
        }
        collector!.add(row.number, values);
      }
      break; // only the first worksheet holds data; the template's "Instrucciones" sheet is ignored
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw notXlsx();
  }
  if (!sawSheet) throw notXlsx();
  if (!headers) throw bad('IMPORT_EMPTY_FILE', `El archivo ${name} está vacío: la primera hoja no tiene datos.`);
  return { headerRow, headers, rows: collector!.rows };
}
