import type { FastifyInstance } from 'fastify';
import { authHeaders, type LoggedIn } from '../../testing/harness.ts';
import { curpCheckDigit, makeCurp } from '../registry/domain/curp.ts';
import { HEADERS } from './columns.ts';

/** Test and benchmark helpers for the import: rows, files, uploads. */

const LETTERS = 'ABCDEFGHIJKLMNPQRSTUVWXYZ';
const GIRLS = ['Sofía', 'Valentina', 'Regina', 'Ximena', 'Camila'];
const BOYS = ['Mateo', 'Santiago', 'Leonardo', 'Emiliano', 'Diego'];
const SERIES_STATES = ['DF', 'JC', 'NL', 'PL', 'VZ', 'GT', 'MC', 'YN', 'SR', 'OC'];
const SURNAMES = ['Hernández', 'García', 'Martínez', 'López', 'González', 'Rodríguez', 'Pérez', 'Sánchez', 'Ramírez', 'Cruz', 'Flores', 'Gómez'];

/**
 * The n-th synthetic child of a series: a distinct CURP for every n below 100 000 (birth date
 * from 2008 on and the homonymy letter), valid data for every column of the template.
 * `series` (0–9, the CURP's birth state) keeps the files of one test apart.
 */
export type Row = Record<string, string> & Record<'curp' | 'sexo' | 'fecha_nacimiento' | 'fecha_diagnostico', string>;

export function childRow(n: number, series = 0, over: Record<string, string> = {}): Row {
  const day = n % 25; // homonymy letter
  const k = Math.floor(n / 25); // calendar day offset
  const birth = new Date(Date.UTC(2008, 0, 1) + k * 86_400_000);
  const birthDate = birth.toISOString().slice(0, 10);
  const sex = n % 2 === 0 ? 'M' : 'H';
  const givenNames = (sex === 'M' ? GIRLS : BOYS)[Math.floor(n / 2) % 5]!;
  const firstSurname = SURNAMES[n % SURNAMES.length]!;
  const secondSurname = SURNAMES[(n * 7 + 3) % SURNAMES.length]!;
  const curp = makeCurp({ firstSurname, secondSurname, givenNames, birthDate, sex: sex as 'H' | 'M', stateCode: SERIES_STATES[series]!, homonymy: LETTERS[day]! });
  const dx = new Date(birth.getTime() + 400 * 86_400_000).toISOString().slice(0, 10);
  return {
    curp,
    nss: '',
    agregado: '',
    nombres: givenNames,
    primer_apellido: firstSurname,
    segundo_apellido: secondSurname,
    fecha_nacimiento: birthDate,
    sexo: sex,
    entidad: 'Ciudad de México',
    municipio: 'Coyoacán',
    domicilio: '',
    medico_tratante: 'Dra. Ana Ruiz Soto',
    responsable_nombre: 'Laura Pérez Ruiz',
    responsable_parentesco: 'MADRE',
    responsable_telefono: '5512345678',
    responsable_correo: '',
    responsable_whatsapp: 'SI',
    topografia: 'C42.1',
    morfologia: '9836',
    comportamiento: '3',
    base_diagnostico: '7',
    fecha_diagnostico: dx,
    ...over,
  };
}

/** Same CURP with a wrong check digit. */
export function withBadCheckDigit(curp: string): string {
  return curp.slice(0, 17) + String((curpCheckDigit(curp.slice(0, 17)) + 1) % 10);
}

/** CSV text (';' and BOM by default, as Excel in Spanish writes). */
export function csvOf(rows: Record<string, string>[], opts: { headers?: readonly string[]; delimiter?: string; bom?: boolean } = {}): string {
  const headers = opts.headers ?? HEADERS;
  const d = opts.delimiter ?? ';';
  const esc = (v: string) => (/["\n\r;,]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [headers.join(d), ...rows.map((r) => headers.map((h) => esc(r[h] ?? '')).join(d))];
  return (opts.bom === false ? '' : '\uFEFF') + lines.join('\r\n') + '\r\n';
}

/** A multipart/form-data body with one file, built by the platform's own FormData encoder. */
export async function multipartBody(fileName: string, content: Buffer | string, type = 'application/octet-stream') {
  const fd = new FormData();
  fd.append('archivo', new Blob([new Uint8Array(typeof content === 'string' ? Buffer.from(content, 'utf8') : content)], { type }), fileName);
  const req = new Request('http://localhost/', { method: 'POST', body: fd });
  return { body: Buffer.from(await req.arrayBuffer()), contentType: req.headers.get('content-type')! };
}

export async function uploadImport(app: FastifyInstance, who: LoggedIn, unitId: string, fileName: string, content: Buffer | string) {
  const { body, contentType } = await multipartBody(fileName, content);
  return app.inject({
    method: 'POST',
    url: `/api/registry/imports?unitId=${unitId}`,
    headers: { ...authHeaders(who), 'content-type': contentType },
    payload: body,
  });
}
