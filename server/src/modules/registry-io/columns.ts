import { isRealDate, makeCurp } from '../registry/domain/curp.ts';
import { makeNss } from '../registry/domain/nss.ts';

/**
 * The spreadsheet layout shared by the template, the import and the export (so an export
 * re-imports). Headers are Spanish, lower-case, without accents; the order is the template's.
 */
export interface ColumnDef {
  header: string;
  /** Must be present in the header row of an imported file (its cells may still be empty where the data is optional). */
  required: boolean;
  /** Explanation for the "Instrucciones" sheet. */
  description: string;
  /** Allowed values, for the "Instrucciones" sheet. */
  allowed: string;
  example: string;
  /** Column width in the XLSX template. */
  width: number;
}

const EXAMPLE = {
  givenNames: 'María Fernanda',
  firstSurname: 'García',
  secondSurname: 'López',
  birthDate: '2016-05-14',
  sex: 'M' as const,
};

export const DIAGNOSIS_HEADERS = ['topografia', 'morfologia', 'comportamiento', 'base_diagnostico', 'fecha_diagnostico'] as const;
export const GUARDIAN_HEADERS = ['responsable_nombre', 'responsable_parentesco', 'responsable_telefono', 'responsable_correo', 'responsable_whatsapp'] as const;

export const COLUMNS: readonly ColumnDef[] = [
  {
    header: 'curp',
    required: true,
    description: 'CURP de la paciente o del paciente. Se validan formato, fecha, siglo y dígito verificador, y que coincida con la fecha de nacimiento y el sexo.',
    allowed: '18 caracteres (letras sin acento y dígitos). Obligatoria y única en la plataforma y en el archivo.',
    example: makeCurp({ ...EXAMPLE, stateCode: 'DF' }),
    width: 22,
  },
  {
    header: 'nss',
    required: false,
    description: 'Número de Seguridad Social del derechohabiente (en menores, el de la madre o el padre). No es único.',
    allowed: '11 dígitos con dígito verificador, o vacío. Si Excel quitó los ceros iniciales se completan.',
    example: makeNss('0115081234'),
    width: 14,
  },
  { header: 'agregado', required: false, description: 'Agregado médico.', allowed: 'Hasta 20 caracteres, p. ej. 1M2016OR, o vacío.', example: '2M2016OR', width: 12 },
  { header: 'nombres', required: true, description: 'Nombre o nombres.', allowed: 'Texto, obligatorio (hasta 120 caracteres).', example: EXAMPLE.givenNames, width: 20 },
  { header: 'primer_apellido', required: true, description: 'Primer apellido.', allowed: 'Texto, obligatorio (hasta 120 caracteres).', example: EXAMPLE.firstSurname, width: 18 },
  { header: 'segundo_apellido', required: true, description: 'Segundo apellido (la columna debe existir; la celda puede quedar vacía).', allowed: 'Texto o vacío.', example: EXAMPLE.secondSurname, width: 18 },
  {
    header: 'fecha_nacimiento',
    required: true,
    description: 'Fecha de nacimiento; debe coincidir con la CURP y no ser futura.',
    allowed: 'AAAA-MM-DD (2016-05-14), DD/MM/AAAA (14/05/2016) o celda de fecha de Excel.',
    example: EXAMPLE.birthDate,
    width: 16,
  },
  { header: 'sexo', required: true, description: 'Sexo; debe coincidir con la CURP.', allowed: 'H (hombre) o M (mujer); también «Hombre» o «Mujer».', example: EXAMPLE.sex, width: 8 },
  { header: 'entidad', required: false, description: 'Entidad federativa del domicilio.', allowed: 'Nombre de la entidad (Ciudad de México, Jalisco…) o su clave de dos letras (DF, JC…), o vacío.', example: 'Ciudad de México', width: 18 },
  { header: 'municipio', required: false, description: 'Municipio o alcaldía del domicilio.', allowed: 'Texto o vacío (hasta 120 caracteres).', example: 'Coyoacán', width: 18 },
  { header: 'domicilio', required: false, description: 'Calle, número y colonia.', allowed: 'Texto o vacío (hasta 300 caracteres).', example: 'Av. Cuauhtémoc 330, Doctores', width: 28 },
  { header: 'medico_tratante', required: false, description: 'Médica o médico tratante.', allowed: 'Texto o vacío (hasta 200 caracteres).', example: 'Dra. Ana Ruiz Soto', width: 22 },
  { header: 'responsable_nombre', required: false, description: 'Madre, padre o tutor responsable (principal).', allowed: 'Texto; obligatorio si se llena cualquier otro dato del responsable.', example: 'Laura López Pérez', width: 22 },
  { header: 'responsable_parentesco', required: false, description: 'Parentesco del responsable con la paciente o el paciente.', allowed: 'MADRE, PADRE, TUTOR, ABUELO (o ABUELA) u OTRO.', example: 'MADRE', width: 14 },
  { header: 'responsable_telefono', required: false, description: 'Teléfono del responsable.', allowed: '10 dígitos de México, con o sin +52, o vacío.', example: '5512345678', width: 16 },
  { header: 'responsable_correo', required: false, description: 'Correo electrónico del responsable.', allowed: 'Correo válido o vacío.', example: 'laura.lopez@example.com', width: 24 },
  { header: 'responsable_whatsapp', required: false, description: 'El teléfono del responsable recibe mensajes de WhatsApp.', allowed: 'SI o NO (vacío = NO).', example: 'SI', width: 12 },
  {
    header: 'topografia',
    required: false,
    description: 'Diagnóstico: topografía CIE-O-3 del tumor primario. Las cinco columnas del diagnóstico van juntas: o todas llenas o todas vacías.',
    allowed: 'C00.0 a C80.9 (con o sin punto: C42.1 o C421).',
    example: 'C42.1',
    width: 12,
  },
  { header: 'morfologia', required: false, description: 'Diagnóstico: morfología CIE-O-3 (histología).', allowed: 'Código de 4 dígitos del catálogo CIE-O-3, p. ej. 9836 (también 9836/3).', example: '9836', width: 12 },
  { header: 'comportamiento', required: false, description: 'Diagnóstico: comportamiento CIE-O-3.', allowed: '0 benigno, 1 incierto, 2 in situ, 3 maligno.', example: '3', width: 14 },
  {
    header: 'base_diagnostico',
    required: false,
    description: 'Diagnóstico: base más válida del diagnóstico (IARC).',
    allowed: '0 solo certificado de defunción, 1 clínica, 2 investigación clínica, 4 marcadores tumorales, 5 citología, 6 histología de metástasis, 7 histología del primario, 9 desconocida.',
    example: '7',
    width: 14,
  },
  {
    header: 'fecha_diagnostico',
    required: false,
    description: 'Diagnóstico: fecha del diagnóstico; no antes del nacimiento ni futura.',
    allowed: 'AAAA-MM-DD, DD/MM/AAAA o celda de fecha de Excel.',
    example: '2024-02-10',
    width: 16,
  },
];

export const HEADERS = COLUMNS.map((c) => c.header);
export const REQUIRED_HEADERS = COLUMNS.filter((c) => c.required).map((c) => c.header);
const KNOWN = new Set(HEADERS);

export type Header = (typeof HEADERS)[number];
export type RowCells = Partial<Record<string, string>>;

/** "Fecha de Nacimiento " → "fecha_de_nacimiento"; "Sexo" → "sexo" (case, accents, spaces and hyphens do not matter). */
export function normalizeHeader(raw: string): string {
  return raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

export interface HeaderCheck {
  missing: string[];
  unknown: string[];
  duplicated: string[];
}

/** Missing required columns, unknown columns, repeated columns; diagnosis columns go all together. */
export function checkHeaders(headers: readonly string[]): HeaderCheck {
  const seen = new Set<string>();
  const duplicated: string[] = [];
  const unknown: string[] = [];
  for (const h of headers) {
    if (h === '') continue;
    if (seen.has(h)) duplicated.push(h);
    seen.add(h);
    if (!KNOWN.has(h)) unknown.push(h);
  }
  const missing = REQUIRED_HEADERS.filter((h) => !seen.has(h));
  if (DIAGNOSIS_HEADERS.some((h) => seen.has(h))) missing.push(...DIAGNOSIS_HEADERS.filter((h) => !seen.has(h)));
  return { missing, unknown, duplicated };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * Date cell → 'YYYY-MM-DD'. Accepts ISO, DD/MM/AAAA and DD-MM-AAAA (day first, as in Mexico);
 * { error } for a date that does not exist; anything else is passed on for the schema to refuse.
 */
export function normalizeDate(raw: string): { value: string } | { error: string } {
  const v = raw.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/.exec(v);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return { value: v };
  if (!isRealDate(y, m, d)) return { error: `la fecha ${v} no existe` };
  return { value: `${y}-${pad2(m)}-${pad2(d)}` };
}


/**
 * CSV formula injection: a cell that starts with = + - @ (or a tab/CR) is a formula to Excel.
 * The CSV export prefixes such cells with an apostrophe (Excel shows the text, runs nothing);
 * the import removes that apostrophe again, so the export still re-imports unchanged.
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function restoreFormulaText(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}
