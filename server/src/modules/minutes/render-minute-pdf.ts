/**
 * The minute (minuta) of a meeting as a PDF, in the institution's format (seed 004): heading with
 * date, modality and start time; IMSS participants by name and position; families by hospital
 * only; the agenda numbered I., II., … with its notes, the cases reviewed (by category, code,
 * title and what was reported, never the child or the family), the follow-up of earlier
 * agreements and the agreements read at the close; end time; the attendance sheet with an empty
 * signature column. Every page carries the legal note of articles 108 and 113 of the LFTAIP and
 * "Página X de Y"; a meeting that is not closed is marked BORRADOR on every page.
 *
 * Fonts are the PDF standard Helvetica family (WinAnsi: Spanish accents, ñ, ü, ¿, ¡, –, «» are
 * there); anything outside WinAnsi is transliterated or replaced before it is written.
 */
import PDFDocument from 'pdfkit';
import { CASE_CATEGORIES, type CaseCategory } from '../meetings/schema.ts';
import { AGREEMENT_STATUS_LABELS, CASE_CATEGORY_LABELS, CASE_STATUS_LABELS, caseCodeLabel } from '../meetings/labels.ts';
import { caseStatusInMeeting, type MeetingRecord } from './load-meeting-record.ts';
import type { FamilyAttendeeRow, ReviewedCaseRow } from './repo.ts';
import { articleFor, clockTime, count, joinSpanish, paragraphs, roman, spanishCalendarDate, spanishDate } from './spanish-text.ts';

export const LEGAL_NOTE =
  'Con fundamento en los artículos 108 y 113 de la Ley Federal de Transparencia y Acceso a la Información Pública, se protegen los datos confidenciales de este documento.';
const ADDRESS = 'Paseo de la Reforma No. 476, piso 9, Col. Juárez, Alcaldía Cuauhtémoc, C. P. 06600, Ciudad de México';
export const INSTITUTION = 'Instituto Mexicano del Seguro Social';

export const minuteFileName = (meetingNumber: number) => `minuta_reunion_${meetingNumber}.pdf`;
export const minuteTitle = (meetingNumber: number) =>
  `Minuta de la reunión ${meetingNumber}.ª de seguimiento con madres y padres de niñas y niños con cáncer`;

// ---------------------------------------------------------------- text that the standard fonts can draw

/** WinAnsi (CP1252) beyond ASCII and Latin-1: the characters Helvetica can draw in 0x80–0x9F. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const REPLACEMENTS: Record<string, string> = { '→': '->', '←': '<-', '≥': '>=', '≤': '<=', '≠': '!=', '−': '-', '‐': '-', '‑': '-', '‒': '-', '―': '—', '′': "'", '″': '"', '\u00a0': ' ', '\u2009': ' ', '\u202f': ' ', '\t': '    ' };

/** Text the standard PDF fonts can draw: accents composed, other scripts transliterated or «?». */
export function winAnsi(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0)!;
    if ((code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch) || ch === '\n') out += ch;
    else if (REPLACEMENTS[ch] !== undefined) out += REPLACEMENTS[ch];
    else {
      const base = ch.normalize('NFD').replace(/\p{M}+/gu, '');
      out += base && base !== ch && [...base].every((c) => c.codePointAt(0)! < 0x7f) ? base : code < 0x20 ? '' : '?';
    }
  }
  return out;
}

// ---------------------------------------------------------------- wording

/**
 * "Dr. Enrique López Aguilar (Coordinador Nacional de Oncología – DPM)"; when the name is the role
 * itself (officials recorded by role), the position alone: "Director General del IMSS – DG".
 */
export function officialLine(name: string, position: string | null, area: string | null): string {
  const role = positionWithArea(position, area);
  if (!role) return name;
  const n = name.trim().toLowerCase();
  return role.toLowerCase().startsWith(n) || n === (position ?? '').trim().toLowerCase() ? role : `${name} (${role})`;
}

export function positionWithArea(position: string | null, area: string | null): string {
  const p = position?.trim() ?? '';
  const a = area?.trim() ?? '';
  if (!p) return a;
  if (!a || p.toLowerCase().includes(a.toLowerCase())) return p;
  return `${p} – ${a}`;
}

const FAMILY_LABELS: Record<NonNullable<FamilyAttendeeRow['relationship']> | 'NONE', [string, string]> = {
  MOTHER: ['madre de familia', 'madres de familia'],
  FATHER: ['padre de familia', 'padres de familia'],
  GUARDIAN: ['tutor(a)', 'tutores'],
  GRANDPARENT: ['abuela o abuelo', 'abuelas o abuelos'],
  OTHER: ['otro familiar', 'otros familiares'],
  NONE: ['familiar', 'familiares'],
};

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "Madre de familia" for the attendance sheet (no name: protected). */
export function familyLabel(f: FamilyAttendeeRow): string {
  return capitalize(FAMILY_LABELS[f.relationship ?? 'NONE'][0]);
}

/** Families by hospital: [["HG CMN La Raza", "2 madres de familia y 1 padre de familia"], …]. */
export function familiesByHospital(families: FamilyAttendeeRow[]): [string, string][] {
  const byUnit = new Map<string, Map<string, number>>();
  for (const f of families) {
    const unit = f.unitName ?? 'Unidad no indicada';
    const counts = byUnit.get(unit) ?? new Map<string, number>();
    const key = f.relationship ?? 'NONE';
    counts.set(key, (counts.get(key) ?? 0) + 1);
    byUnit.set(unit, counts);
  }
  return [...byUnit.entries()].map(([unit, counts]) => {
    const parts = Object.keys(FAMILY_LABELS)
      .filter((k) => counts.has(k))
      .map((k) => {
        const n = counts.get(k)!;
        const [one, many] = FAMILY_LABELS[k as keyof typeof FAMILY_LABELS];
        return count(n, one, many);
      });
    return [unit, joinSpanish(parts)];
  });
}

/** "El Coordinador Nacional de Oncología informó: …" or "Se informó: …". */
export function reportedBy(u: ReviewedCaseRow['updates'][number]): string {
  const text = u.text.trim();
  if (u.officialPosition) return `${articleFor(u.officialName, u.officialPosition)} ${u.officialPosition} informó: ${text}`;
  return `Se informó: ${text}`;
}

export function modalitySentence(m: MeetingRecord['meeting']): string {
  const platform = m.platform?.trim();
  const location = m.location?.trim();
  switch (m.modality) {
    case 'VIRTUAL':
      return `La sesión se llevó a cabo de forma virtual${platform ? ` a través de la plataforma ${platform}` : ''}.`;
    case 'IN_PERSON':
      return `La sesión se llevó a cabo de forma presencial${location ? ` en ${location}` : ''}.`;
    case 'HYBRID':
      return `La sesión se llevó a cabo de forma híbrida${location ? `, en ${location}` : ''}${platform ? ` y a través de la plataforma ${platform}` : ''}.`;
  }
}

/** Groups cases by category in the catalogue's order. */
export function casesByCategory(cases: ReviewedCaseRow[]): [CaseCategory, ReviewedCaseRow[]][] {
  return CASE_CATEGORIES.map((c) => [c, cases.filter((x) => x.category === c)] as [CaseCategory, ReviewedCaseRow[]]).filter(([, list]) => list.length > 0);
}

/** The agenda as printed: the meeting's items, plus the standard ones a record needs but the agenda lacks. */
export function agendaForMinute(record: MeetingRecord): { key: string; title: string; notes: string }[] {
  const items = record.agenda.map((i) => ({ ...i }));
  const has = (key: string) => items.some((i) => i.key === key);
  const insertBefore = (item: { key: string; title: string; notes: string }, before: string[]) => {
    const at = items.findIndex((i) => before.includes(i.key));
    if (at < 0) items.push(item);
    else items.splice(at, 0, item);
  };
  if (!has('agreements') && record.agreementFollowUps.length > 0) insertBefore({ key: 'agreements', title: 'Seguimiento de acuerdos', notes: '' }, ['cases', 'general', 'reading', 'closing']);
  if (!has('cases') && record.cases.length > 0) insertBefore({ key: 'cases', title: 'Revisión de casos específicos', notes: '' }, ['general', 'reading', 'closing']);
  if (!has('reading') && record.agreementsAdopted.length > 0) insertBefore({ key: 'reading', title: 'Lectura de acuerdos', notes: '' }, ['closing']);
  return items;
}

// ---------------------------------------------------------------- layout

const PAGE = { width: 612, height: 792 }; // US Letter, as the institution's documents
const MARGIN = { top: 86, bottom: 104, left: 66, right: 66 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BODY_SIZE = 10;
const GRAY = '#555555';
const RED = '#b00020';

type Doc = PDFKit.PDFDocument;

class MinuteWriter {
  constructor(private readonly doc: Doc) {}

  get bottom() {
    return PAGE.height - MARGIN.bottom;
  }

  /** A new page when `height` does not fit in what is left of this one (never an empty page). */
  ensureSpace(height: number) {
    const atTop = this.doc.y <= MARGIN.top + 1;
    if (!atTop && this.doc.y + Math.min(height, this.bottom - MARGIN.top) > this.bottom) this.doc.addPage();
  }

  height(text: string, width: number, font = 'Helvetica', size = BODY_SIZE) {
    return this.doc.font(font).fontSize(size).heightOfString(winAnsi(text), { width, lineGap: 2 });
  }

  heading(text: string, opts: { size?: number; gapBefore?: number; keepWith?: number } = {}) {
    const size = opts.size ?? 11;
    this.doc.y += opts.gapBefore ?? 10;
    this.ensureSpace(this.height(text, CONTENT_WIDTH, 'Helvetica-Bold', size) + (opts.keepWith ?? 36));
    this.doc.font('Helvetica-Bold').fontSize(size).fillColor('black').text(winAnsi(text), MARGIN.left, this.doc.y, { width: CONTENT_WIDTH, lineGap: 2 });
    this.doc.y += 4;
  }

  paragraph(
    text: string,
    opts: { indent?: number; align?: 'left' | 'justify' | 'center'; font?: string; size?: number; color?: string; gapAfter?: number; keepWith?: number } = {},
  ) {
    const indent = opts.indent ?? 0;
    const width = CONTENT_WIDTH - indent;
    const font = opts.font ?? 'Helvetica';
    const size = opts.size ?? BODY_SIZE;
    // Short paragraphs stay whole; long ones may flow onto the next page.
    const h = this.height(text, width, font, size);
    if (h < 120) this.ensureSpace(h + (opts.keepWith ?? 0));
    this.doc
      .font(font)
      .fontSize(size)
      .fillColor(opts.color ?? 'black')
      .text(winAnsi(text), MARGIN.left + indent, this.doc.y, { width, align: opts.align ?? 'justify', lineGap: 2 });
    this.doc.y += opts.gapAfter ?? 5;
  }

  /** Free text typed by staff: one paragraph per line; "- " or "• " lines as bullets, "1. " lines numbered. */
  notes(text: string, indent = 0) {
    let inList = false;
    for (const line of paragraphs(text)) {
      const bullet = /^[-•*–]\s+(.*)$/.exec(line);
      const numbered = /^(\d{1,3})[.)]\s+(.*)$/.exec(line);
      if (bullet) this.bullet(bullet[1]!, indent);
      else if (numbered) this.bullet(numbered[2]!, indent, undefined, `${numbered[1]}.`);
      else {
        if (inList) this.doc.y += 3;
        this.paragraph(line, { indent });
      }
      inList = Boolean(bullet || numbered);
    }
    if (inList) this.doc.y += 3;
  }

  /** A bullet item kept on one page: an optional bold lead ("CE 19.61 Falta prednisona.") and text. */
  bullet(text: string, indent = 0, lead?: string, mark = '•') {
    const x = MARGIN.left + indent;
    const markWidth = mark.length > 1 ? 18 : 12;
    const textX = x + markWidth;
    const width = CONTENT_WIDTH - indent - markWidth;
    const full = lead ? `${lead} ${text}` : text;
    // Bold lead is a little wider than regular text: measure it as bold to be safe.
    this.ensureSpace(this.height(full, width, lead ? 'Helvetica-Bold' : 'Helvetica') + 4);
    const y = this.doc.y;
    this.doc.font('Helvetica').fontSize(BODY_SIZE).fillColor('black').text(winAnsi(mark), x, y, { width: markWidth, lineBreak: false });
    if (lead) {
      this.doc.font('Helvetica-Bold').text(winAnsi(`${lead} `), textX, y, { width, continued: true, lineGap: 2, align: 'left' });
      this.doc.font('Helvetica').text(winAnsi(text), { lineGap: 2, align: 'left' });
    } else {
      this.doc.font('Helvetica').text(winAnsi(text), textX, y, { width, lineGap: 2, align: 'left' });
    }
    this.doc.y += 3;
  }

  /** A simple bordered table that repeats its header on every page it spans. */
  table(header: string[], widths: number[], rows: string[][]) {
    const pad = 4;
    const rowHeight = (cells: string[], font: string) =>
      Math.max(24, ...cells.map((c, i) => this.doc.font(font).fontSize(9).heightOfString(winAnsi(c), { width: widths[i]! - 2 * pad, lineGap: 1 }) + 2 * pad));
    const drawRow = (cells: string[], font: string, fill?: string) => {
      const h = rowHeight(cells, font);
      const y = this.doc.y;
      let x = MARGIN.left;
      cells.forEach((c, i) => {
        const w = widths[i]!;
        if (fill) this.doc.rect(x, y, w, h).fillColor(fill).fill();
        this.doc.rect(x, y, w, h).lineWidth(0.5).strokeColor('#777777').stroke();
        this.doc.font(font).fontSize(9).fillColor('black').text(winAnsi(c), x + pad, y + pad, { width: w - 2 * pad, lineGap: 1 });
        x += w;
      });
      this.doc.y = y + h;
    };
    const headerHeight = rowHeight(header, 'Helvetica-Bold');
    this.ensureSpace(headerHeight + (rows[0] ? rowHeight(rows[0], 'Helvetica') : 0));
    drawRow(header, 'Helvetica-Bold', '#e8e8e8');
    for (const r of rows) {
      const h = rowHeight(r, 'Helvetica');
      if (this.doc.y + h > this.bottom) {
        this.doc.addPage();
        drawRow(header, 'Helvetica-Bold', '#e8e8e8');
      }
      drawRow(r, 'Helvetica');
    }
  }
}

/** Draws outside the margins (header, footer, watermark) without pdfkit adding a page. */
function absolute(doc: Doc, fn: () => void) {
  const saved = { ...doc.page.margins };
  doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
  fn();
  doc.page.margins = saved;
}

function decoratePages(doc: Doc, meetingNumber: number, draft: boolean) {
  const range = doc.bufferedPageRange();
  const total = range.count;
  for (let i = range.start; i < range.start + total; i++) {
    doc.switchToPage(i);
    absolute(doc, () => {
      // Running header.
      doc.font('Helvetica-Bold').fontSize(9).fillColor('black').text(INSTITUTION, MARGIN.left, 40, { width: CONTENT_WIDTH / 2, lineBreak: false });
      doc
        .font('Helvetica')
        .fontSize(9)
        .fillColor(GRAY)
        .text(winAnsi(`Minuta de la reunión ${meetingNumber}.ª`), MARGIN.left + CONTENT_WIDTH / 2, 40, { width: CONTENT_WIDTH / 2, align: 'right', lineBreak: false });
      if (draft) {
        doc
          .font('Helvetica-Bold')
          .fontSize(9)
          .fillColor(RED)
          .text(winAnsi('BORRADOR — la reunión no está cerrada; esta minuta puede cambiar'), MARGIN.left, 54, { width: CONTENT_WIDTH, align: 'center', lineBreak: false });
      }
      doc.moveTo(MARGIN.left, 68).lineTo(PAGE.width - MARGIN.right, 68).lineWidth(0.6).strokeColor('#999999').stroke();

      // Footer: the legal note, the address, the page number.
      const footerTop = PAGE.height - MARGIN.bottom + 18;
      doc.moveTo(MARGIN.left, footerTop - 6).lineTo(PAGE.width - MARGIN.right, footerTop - 6).lineWidth(0.6).strokeColor('#999999').stroke();
      doc.font('Helvetica').fontSize(7.5).fillColor(GRAY).text(winAnsi(LEGAL_NOTE), MARGIN.left, footerTop, { width: CONTENT_WIDTH, align: 'center', lineGap: 1 });
      doc.fontSize(7).text(winAnsi(ADDRESS), MARGIN.left, doc.y + 3, { width: CONTENT_WIDTH, align: 'center', lineBreak: false });
      doc
        .font('Helvetica')
        .fontSize(8)
        .fillColor('black')
        .text(winAnsi(`Página ${i - range.start + 1} de ${total}`), MARGIN.left, PAGE.height - 36, { width: CONTENT_WIDTH, align: 'right', lineBreak: false });

      if (draft) {
        doc.save();
        doc.rotate(-45, { origin: [PAGE.width / 2, PAGE.height / 2] });
        doc.font('Helvetica-Bold').fontSize(96).fillColor(RED).fillOpacity(0.07);
        const mark = 'BORRADOR';
        const markWidth = doc.widthOfString(mark);
        doc.text(mark, PAGE.width / 2 - markWidth / 2, PAGE.height / 2 - 48, { lineBreak: false });
        doc.restore();
        doc.fillOpacity(1);
      }
    });
  }
}

/** Renders the minute; resolves with the PDF bytes. */
export async function renderMinutePdf(record: MeetingRecord): Promise<Buffer> {
  const m = record.meeting;
  const draft = m.status !== 'CLOSED';
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: true,
    lang: 'es-MX',
    displayTitle: true,
    info: {
      Title: winAnsi(`Minuta de la reunión ${m.number}${draft ? ' (borrador)' : ''}`),
      Author: INSTITUTION,
      Subject: 'Reunión de seguimiento con madres y padres de niñas y niños con cáncer',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const w = new MinuteWriter(doc);

  // ---- heading
  doc.y = MARGIN.top;
  w.paragraph(INSTITUTION, { align: 'center', font: 'Helvetica-Bold', size: 13, gapAfter: 4 });
  w.paragraph(minuteTitle(m.number) + (m.extraordinary ? ' (sesión extraordinaria)' : ''), { align: 'center', font: 'Helvetica-Bold', size: 12, gapAfter: 12 });
  const start = m.startedAt ?? m.scheduledAt;
  w.paragraph(`Fecha: ${spanishDate(start)}`, { align: 'left' });
  w.paragraph(modalitySentence(m), { align: 'left' });
  w.paragraph(`Inicio: ${clockTime(start)} hrs.`, { align: 'left', font: 'Helvetica-Bold' });

  // ---- participants
  w.heading('PARTICIPANTES IMSS', { gapBefore: 12 });
  if (record.officials.length === 0) w.paragraph('No se registró la asistencia de funcionarias y funcionarios.', { color: GRAY });
  for (const o of record.officials) {
    w.bullet(officialLine(o.name, o.position, o.area));
  }

  w.heading('PARTICIPANTES MADRES Y PADRES DE FAMILIA');
  const byHospital = familiesByHospital(record.families);
  if (byHospital.length === 0) w.paragraph('No se registró la asistencia de madres y padres de familia.', { color: GRAY });
  else {
    w.paragraph(`Asistieron ${count(record.families.length, 'familiar', 'familiares')} de niñas y niños en tratamiento, por unidad médica (los nombres se protegen):`, { align: 'left' });
    for (const [unit, who] of byHospital) w.bullet(`${unit}: ${who}`);
  }

  // ---- agenda
  w.heading('Desarrollo del orden del día', { gapBefore: 14, size: 12 });
  const items = agendaForMinute(record);
  let closingPrinted = false;
  items.forEach((item, i) => {
    w.heading(`${roman(i + 1)}. ${item.title}`, { gapBefore: 8 });
    if (item.notes.trim()) w.notes(item.notes);
    switch (item.key) {
      case 'agreements':
        writeAgreementFollowUps(w, record);
        break;
      case 'cases':
        writeCases(w, record);
        break;
      case 'reading':
        writeAdoptedAgreements(w, record);
        break;
      case 'closing':
        // Staff often type the end time into the closing notes themselves (as seed 004 reads).
        if (!/fin de la sesi[oó]n/i.test(item.notes)) writeEnd(w, m);
        closingPrinted = true;
        break;
    }
  });
  if (!closingPrinted) writeEnd(w, m);

  // ---- attendance sheet
  w.heading('ASISTENTES', { gapBefore: 16, keepWith: 80 });
  const rows: string[][] = [
    ...record.officials.map((o) => [o.name, positionWithArea(o.position, o.area), '']),
    ...record.families.map((f) => [familyLabel(f), f.unitName ?? 'Unidad no indicada', '']),
  ];
  w.table(['Nombre', 'Cargo o unidad médica', 'Firma'], [170, 214, CONTENT_WIDTH - 384], rows.length ? rows : [['—', '—', '']]);

  decoratePages(doc, m.number, draft);
  doc.end();
  return ended;
}

function writeEnd(w: MinuteWriter, m: MeetingRecord['meeting']) {
  w.paragraph(m.endedAt ? `Fin de la sesión: ${clockTime(m.endedAt)} hrs.` : 'Fin de la sesión: sin registrar.', { font: 'Helvetica-Bold', align: 'left' });
}

function writeCases(w: MinuteWriter, record: MeetingRecord) {
  const n = record.cases.length;
  if (n === 0) {
    w.paragraph('No se revisaron casos específicos en esta sesión.', { color: GRAY });
    return;
  }
  w.paragraph(`Se dio seguimiento a ${count(n, 'caso específico', 'casos específicos')}, a saber:`, { align: 'left', keepWith: 70 });
  for (const [category, list] of casesByCategory(record.cases)) {
    w.heading(`${CASE_CATEGORY_LABELS[category]}:`, { size: BODY_SIZE, gapBefore: 4, keepWith: 40 });
    for (const c of list) {
      const lead = `${caseCodeLabel(c.code)} ${c.title.trim().replace(/\.$/, '')}.`;
      const said = c.updates.length
        ? c.updates.map(reportedBy).map((s) => (/[.!?]$/.test(s) ? s : `${s}.`)).join(' ')
        : 'Caso recibido para esta sesión; sin actualización registrada.';
      w.bullet(`${said} Estado: ${CASE_STATUS_LABELS[caseStatusInMeeting(c)].toLowerCase()}.`, 12, lead, '–');
    }
  }
}

function writeAgreementFollowUps(w: MinuteWriter, record: MeetingRecord) {
  if (record.agreementFollowUps.length === 0) return;
  w.paragraph('Seguimiento registrado en esta sesión:', { align: 'left', keepWith: 50 });
  record.agreementFollowUps.forEach((f, i) => {
    const lead = `Acuerdo ${f.meetingNumber}/${f.ordinal}: ${f.agreementText.trim().replace(/\.$/, '')}.`;
    const text = f.text.trim();
    w.bullet(`${/[.!?]$/.test(text) ? text : `${text}.`} Estado: ${AGREEMENT_STATUS_LABELS[f.statusTo].toLowerCase()}.`, 12, lead, `${i + 1}.`);
  });
}

function writeAdoptedAgreements(w: MinuteWriter, record: MeetingRecord) {
  if (record.agreementsAdopted.length === 0) {
    w.paragraph('No se adoptaron acuerdos en esta sesión.', { color: GRAY });
    return;
  }
  w.paragraph('Se dio lectura a los acuerdos de la reunión:', { align: 'left', keepWith: 50 });
  for (const a of record.agreementsAdopted) {
    const responsible = a.responsiblePosition ? positionWithArea(a.responsiblePosition, a.responsibleOfficialArea) : (a.responsibleArea ?? '');
    const due = [a.dueDate ? `fecha compromiso: ${spanishCalendarDate(a.dueDate)}` : null, a.dueMeetingNumber ? `para la reunión ${a.dueMeetingNumber}` : null].filter(Boolean).join('; ');
    const text = a.text.trim();
    const detail = [responsible ? `Responsable: ${responsible}.` : null, due ? `${due.charAt(0).toUpperCase()}${due.slice(1)}.` : null].filter(Boolean).join(' ');
    w.bullet(`${/[.!?]$/.test(text) ? text : `${text}.`}${detail ? ` ${detail}` : ''}`, 0, undefined, `${a.ordinal}.`);
  }
}
