import { dateInMexico } from '../../platform/time.ts';
import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { RequestContext } from '../../platform/access/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { countUnitPatients, readUnitPatientPage, type ExportDiagnosisRow, type ExportGuardianRow, type ExportPatientRow } from '../patients/register-patients-batch.ts';
import { getUnit } from '../units/get-unit.ts';
import { COLUMNS, HEADERS, neutralizeFormula } from './columns.ts';
import { CSV_TYPE, XLSX_TYPE } from './template.ts';
import { RELATIONSHIP_WORD } from './validate-row.ts';

export type ExportFormat = 'csv' | 'xlsx' | 'json';
const PAGE = 1000;

export interface ExportFile {
  fileName: string;
  contentType: string;
  rowCount: number;
  stream: Readable;
}

interface PageItem {
  patient: ExportPatientRow;
  guardians: ExportGuardianRow[];
  diagnoses: ExportDiagnosisRow[];
}

/** The template's row for a patient: primary guardian and first primary tumour (the re-importable view). */
export function templateRow(item: PageItem): string[] {
  const p = item.patient;
  const g = item.guardians[0];
  const d = item.diagnoses[0];
  const byHeader: Record<string, string> = {
    curp: p.curp,
    nss: p.nss ?? '',
    agregado: p.agregado ?? '',
    nombres: p.givenNames,
    primer_apellido: p.firstSurname,
    segundo_apellido: p.secondSurname ?? '',
    fecha_nacimiento: p.birthDate,
    sexo: p.sex,
    entidad: p.state ?? '',
    municipio: p.municipality ?? '',
    domicilio: p.address ?? '',
    medico_tratante: p.physicianName ?? '',
    responsable_nombre: g?.name ?? '',
    responsable_parentesco: g ? (RELATIONSHIP_WORD[g.relationship as keyof typeof RELATIONSHIP_WORD] ?? g.relationship) : '',
    responsable_telefono: g?.phone ? (g.phone.startsWith('52') && g.phone.length === 12 ? g.phone.slice(2) : g.phone) : '',
    responsable_correo: g?.email ?? '',
    responsable_whatsapp: g ? (g.whatsapp ? 'SI' : 'NO') : '',
    topografia: d?.topography ?? '',
    morfologia: d?.morphology ?? '',
    comportamiento: d ? String(d.behaviour) : '',
    base_diagnostico: d ? String(d.basis) : '',
    fecha_diagnostico: d?.diagnosisDate ?? '',
  };
  return HEADERS.map((h) => byHeader[h] ?? '');
}

/**
 * Exports one unit's patients (CSV, XLSX or JSON). The unit must be one the request may see: a
 * refusal is audited and answered 403. The export itself is audited (EXPORT, with the row count)
 * before the first byte is sent. Rows are read in keyset pages of 1 000 (no full materialisation)
 * and streamed; the set is the patients registered up to the moment of the request.
 * CSV and XLSX carry the template's columns (they re-import); JSON carries every guardian and
 * every diagnosis with its derived ICD-10 and ICCC-3 codes.
 */
export async function exportUnit(s: Services, ctx: RequestContext, q: { unitId: string; format: ExportFormat }): Promise<ExportFile> {
  const unit = await getUnit(s, ctx, q.unitId);
  if (ctx.visibleUnits !== 'ALL' && !ctx.visibleUnits.includes(q.unitId)) {
    await ctx.audit({ action: 'EXPORT', entity: 'patient', unitId: q.unitId, outcome: 'DENIED', detail: { reason: 'UNIT_OUT_OF_SCOPE', format: q.format } });
    throw new AppError(403, 'UNIT_OUT_OF_SCOPE', `No puede exportar los pacientes de ${unit.shortName}: no es una de sus unidades.`, {
      errors: [{ field: 'parámetro unitId', message: 'no es una de sus unidades' }],
    });
  }
  const asOf = s.now();
  const rowCount = await countUnitPatients(s.db.orm, ctx, q.unitId, asOf);
  await ctx.audit({ action: 'EXPORT', entity: 'patient', unitId: q.unitId, detail: { format: q.format, rows: rowCount } });

  async function* pages(): AsyncGenerator<PageItem[]> {
    let after: { n: string; id: string } | null = null;
    for (;;) {
      const page = await readUnitPatientPage(s.db.orm, ctx, { unitId: q.unitId, asOf, after, limit: PAGE });
      yield page.patients.map((patient) => ({ patient, guardians: page.guardians.get(patient.id) ?? [], diagnoses: page.diagnoses.get(patient.id) ?? [] }));
      if (!page.next) return;
      after = page.next;
    }
  }

  const base = `pacientes_${unit.clues}_${dateInMexico(asOf)}`;
  if (q.format === 'csv') {
    const csv = stringify({ bom: true, delimiter: ';' });
    csv.write(HEADERS);
    const source = Readable.from(
      (async function* () {
        for await (const items of pages()) for (const item of items) yield templateRow(item).map(neutralizeFormula);
      })(),
    );
    source.on('error', (err) => csv.destroy(err));
    source.pipe(csv);
    return { fileName: `${base}.csv`, contentType: CSV_TYPE, rowCount, stream: csv };
  }
  if (q.format === 'xlsx') {
    const out = new PassThrough();
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const ws = wb.addWorksheet('Pacientes', { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = COLUMNS.map((c) => ({ header: c.header, key: c.header, width: c.width }));
    void (async () => {
      for await (const items of pages()) {
        for (const item of items) ws.addRow(templateRow(item)).commit();
        if (out.writableNeedDrain) await once(out, 'drain');
      }
      ws.commit();
      await wb.commit();
    })().catch((err: Error) => out.destroy(err));
    return { fileName: `${base}.xlsx`, contentType: XLSX_TYPE, rowCount, stream: out };
  }
  const json = Readable.from(
    (async function* () {
      yield `{"unit":${JSON.stringify({ id: unit.id, clues: unit.clues, name: unit.name })},"exportedAt":${JSON.stringify(asOf.toISOString())},"count":${rowCount},"patients":[`;
      let first = true;
      for await (const items of pages()) {
        const parts: string[] = [];
        for (const { patient: p, guardians, diagnoses } of items) {
          parts.push(
            JSON.stringify({
              id: p.id,
              curp: p.curp,
              nss: p.nss,
              agregado: p.agregado,
              givenNames: p.givenNames,
              firstSurname: p.firstSurname,
              secondSurname: p.secondSurname,
              birthDate: p.birthDate,
              sex: p.sex,
              state: p.state,
              municipality: p.municipality,
              address: p.address,
              physicianName: p.physicianName,
              pediatric: p.pediatric,
              treatmentStatus: p.treatmentStatus,
              vitalStatus: p.vitalStatus,
              registeredAt: new Date(p.registeredAt).toISOString(),
              guardians: guardians.map(({ patientId: _, ...g }) => g),
              diagnoses: diagnoses.map(({ patientId: _, ...d }) => d),
            }),
          );
        }
        if (parts.length) {
          yield (first ? '' : ',') + parts.join(',');
          first = false;
        }
      }
      yield ']}';
    })(),
  );
  return { fileName: `${base}.json`, contentType: 'application/json; charset=utf-8', rowCount, stream: json };
}
