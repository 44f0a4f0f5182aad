import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.ts';
import { todayInMexico } from '../lib/format.ts';
import type { CurpProblem } from './curp.ts';
import type { NssProblem } from './nss.ts';

/** Spanish (or English) text for a CURP problem, in the server's style ("el dígito verificador no corresponde"). */
export function curpProblemText(t: TFunction, p: CurpProblem): string {
  switch (p.key) {
    case 'length':
      return t('patients.curp.length', { count: p.count });
    case 'state':
      return t('patients.curp.state', { code: p.code });
    case 'impossibleDate':
      return t('patients.curp.impossibleDate', { date: p.date });
    case 'inconvenient':
      return t('patients.curp.inconvenient', { word: p.word });
    default:
      return t(`patients.curp.${p.key}`);
  }
}

export function nssProblemText(t: TFunction, p: NssProblem): string {
  return p.key === 'length' ? t('patients.nss.length', { count: p.count }) : t(`patients.nss.${p.key}`);
}

/** A 10-digit Mexican phone (with or without +52, spaces, hyphens). */
export function phoneProblem(t: TFunction, raw: string): string | undefined {
  const v = raw.trim();
  if (!v) return undefined;
  let d = v.replace(/[\s().-]/g, '');
  if (d.startsWith('+')) d = d.slice(1);
  if (!/^\d+$/.test(d)) return t('patients.form.errors.phoneChars');
  if (d.length === 12 && d.startsWith('52')) d = d.slice(2);
  else if (d.length === 13 && d.startsWith('521')) d = d.slice(3);
  return d.length === 10 ? undefined : t('patients.form.errors.phone');
}

export function emailProblem(t: TFunction, raw: string): string | undefined {
  const v = raw.trim();
  if (!v) return undefined;
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) ? undefined : t('patients.form.errors.email');
}

/** A calendar date that is not in the future (and not before 1900). */
export function pastDateProblem(t: TFunction, ymd: string, required = true): string | undefined {
  if (!ymd) return required ? t('patients.form.errors.required') : undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(ymd)) return t('patients.form.errors.date');
  if (ymd < '1900-01-01') return t('patients.form.errors.dateTooOld');
  if (ymd > todayInMexico()) return t('patients.form.errors.future');
  return undefined;
}

/**
 * Every field error of a server answer by its full path ("curp", "guardians.0.phone",
 * "parámetro q" → "q"), joined when a field has several.
 */
export function serverFieldErrors(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const e of err.errors) {
    const name = e.field.replace(/^(parámetro|ruta|encabezado) /, '');
    out[name] = out[name] ? `${out[name]}; ${e.message}` : e.message;
  }
  return out;
}
