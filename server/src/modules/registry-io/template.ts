import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { COLUMNS, HEADERS } from './columns.ts';
import { MAX_IMPORT_ROWS } from './read-spreadsheet.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv; charset=utf-8';

/** Columns kept as text in the XLSX so Excel does not drop leading zeros or turn codes into numbers. */
const TEXT_COLUMNS = new Set(['curp', 'nss', 'agregado', 'responsable_telefono', 'topografia', 'morfologia', 'comportamiento', 'base_diagnostico', 'fecha_nacimiento', 'fecha_diagnostico']);

/** Drop-down lists offered in the XLSX template (the import accepts the same words). */
const LISTS: Record<string, string[]> = {
  sexo: ['H', 'M'],
  responsable_parentesco: ['MADRE', 'PADRE', 'TUTOR', 'ABUELO', 'OTRO'],
  responsable_whatsapp: ['SI', 'NO'],
  comportamiento: ['0', '1', '2', '3'],
  base_diagnostico: ['0', '1', '2', '4', '5', '6', '7', '9'],
};
const VALIDATED_ROWS = 2000;

const GENERAL_NOTES = [
  'Una fila por paciente; la primera fila lleva los encabezados tal como aparecen en la hoja «Pacientes» (el orden no importa).',
  'Todas las filas se registran en la unidad médica que elija al subir el archivo.',
  `Máximo ${MAX_IMPORT_ROWS.toLocaleString('es-MX')} filas de datos por archivo y 25 MB. Formatos: Excel (.xlsx) o CSV (UTF-8 o el CSV de Excel; separador «;» o «,»).`,
  'Primero se hace una revisión (nada se guarda): verá cada fila rechazada con la columna y el motivo. Después confirma y se registran solo las filas aceptadas.',
  'Borre la fila de ejemplo antes de importar (su CURP es de ejemplo).',
];

/** CSV template: headers and one example row, UTF-8 with BOM and ';' so that Excel in Spanish opens it in columns. */
export function templateCsv(): Buffer {
  const text = stringify([HEADERS, COLUMNS.map((c) => c.example)], { bom: true, delimiter: ';' });
  return Buffer.from(text, 'utf8');
}

/** XLSX template: sheet «Pacientes» (headers, example row, lists, text cells) and sheet «Instrucciones». */
export async function templateXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'OncoPed';
  wb.created = new Date(0);
  const ws = wb.addWorksheet('Pacientes', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({
    header: c.header,
    key: c.header,
    width: c.width,
    style: TEXT_COLUMNS.has(c.header) ? { numFmt: '@' } : {},
  }));
  ws.getRow(1).font = { bold: true };
  ws.addRow(Object.fromEntries(COLUMNS.map((c) => [c.header, c.example])));
  COLUMNS.forEach((c, i) => {
    const list = LISTS[c.header];
    if (!list) return;
    for (let r = 2; r <= VALIDATED_ROWS; r++) {
      ws.getCell(r, i + 1).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${list.join(',')}"`],
        showErrorMessage: true,
        errorTitle: c.header,
        error: `Valores permitidos: ${list.join(', ')}`,
      };
    }
  });

  const help = wb.addWorksheet('Instrucciones');
  help.columns = [
    { header: 'columna', key: 'header', width: 24 },
    { header: 'obligatoria', key: 'required', width: 12 },
    { header: 'descripción', key: 'description', width: 70 },
    { header: 'valores permitidos', key: 'allowed', width: 70 },
    { header: 'ejemplo', key: 'example', width: 24 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of COLUMNS) {
    help.addRow({ header: c.header, required: c.required ? 'Sí' : 'No', description: c.description, allowed: c.allowed, example: c.example });
  }
  help.addRow({});
  for (const note of GENERAL_NOTES) help.addRow({ header: 'Nota', description: note });
  help.eachRow((row) => {
    row.alignment = { wrapText: true, vertical: 'top' };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
