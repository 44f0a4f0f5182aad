import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClinicalRecord, Measurement, Patient } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { TextField } from '../../components/forms.tsx';
import { formatDate, todayInMexico } from '../../lib/format.ts';
import { usePatientWrite } from '../clinicalApi.ts';
import { formatNumber } from '../format.ts';
import { parseDecimal, useLiveForm } from '../useLiveForm.ts';
import { pastDateProblem } from '../validation.ts';

/** Mosteller, as the server computes it: √(kg × cm / 3600). */
const mosteller = (kg: number, cm: number) => Math.round(Math.sqrt((kg * cm) / 3600) * 100) / 100;

/** Weight and height by date; the newest one gives the body-surface area used for doses. */
export function MeasurementsSection({ patient, clinical, onDone }: { patient: Patient; clinical: ClinicalRecord; onDone: (m: string) => void }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const lang = i18n.language;
  const writable = can('patients.write') && !patient.mergedInto;
  const rows = [...clinical.measurements].sort((a, b) => b.measuredOn.localeCompare(a.measuredOn));
  return (
    <div className="section-stack">
      <h2>{t('clinical.measure.title')}</h2>
      {writable ? <MeasurementForm patient={patient} onSaved={(m) => onDone(t('clinical.measure.saved', { bsa: formatNumber(m.bsa, lang, 2) }))} /> : null}
      {rows.length === 0 ? (
        <p className="empty">{t('clinical.measure.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-compact">
            <caption className="visually-hidden">{t('clinical.measure.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('clinical.measure.date')}</th>
                <th scope="col" className="num">
                  {t('clinical.measure.weight')}
                </th>
                <th scope="col" className="num">
                  {t('clinical.measure.height')}
                </th>
                <th scope="col" className="num">
                  {t('clinical.measure.bsa')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m, i) => (
                <tr key={m.id}>
                  <td>
                    {formatDate(m.measuredOn, lang)}
                    {i === 0 ? <span className="cell-sub">{t('clinical.measure.latest')}</span> : null}
                  </td>
                  <td className="num">{formatNumber(m.weightKg, lang, 2)} kg</td>
                  <td className="num">{formatNumber(m.heightCm, lang, 1)} cm</td>
                  <td className="num">{formatNumber(m.bsa, lang, 2)} m²</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function MeasurementForm({ patient, onSaved }: { patient: Patient; onSaved: (m: Measurement) => void }) {
  const { t, i18n } = useTranslation();
  const blank = { measuredOn: todayInMexico(), weightKg: '', heightCm: '' };
  const form = useLiveForm(
    blank,
    (v) => {
      const w = parseDecimal(v.weightKg);
      const h = parseDecimal(v.heightCm);
      return {
        measuredOn: pastDateProblem(t, v.measuredOn) ?? (v.measuredOn < patient.birthDate ? t('clinical.measure.errors.beforeBirth') : undefined),
        weightKg: !v.weightKg.trim() ? t('patients.form.errors.required') : !(w > 0) ? t('clinical.measure.errors.weight') : w > 350 ? t('clinical.measure.errors.weightMax') : undefined,
        heightCm: !v.heightCm.trim() ? t('patients.form.errors.required') : !(h > 0) ? t('clinical.measure.errors.height') : h > 250 ? t('clinical.measure.errors.heightMax') : undefined,
      };
    },
    { instant: ['weightKg', 'heightCm', 'measuredOn'] },
  );
  const save = usePatientWrite<Record<string, unknown>, Measurement>(patient.id, `/api/patients/${patient.id}/measurements`);
  const w = parseDecimal(form.values.weightKg);
  const h = parseDecimal(form.values.heightCm);
  const preview = w > 0 && h > 0 && w <= 350 && h <= 250 ? mosteller(w, h) : null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.check()) return;
    save.mutate(
      { measuredOn: form.values.measuredOn, weightKg: w, heightCm: h },
      {
        onSuccess: (m) => {
          form.setValues(blank);
          onSaved(m);
        },
        onError: form.fromServer,
      },
    );
  };
  return (
    <form ref={form.formRef} className="card form-section" onSubmit={onSubmit} noValidate aria-labelledby="m-form">
      <h3 id="m-form">{t('clinical.measure.formTitle')}</h3>
      <ErrorAlert error={save.error} />
      <div className="form-grid form-grid-3">
        <TextField label={t('clinical.measure.date')} type="date" {...form.bind('measuredOn')} max={todayInMexico()} required />
        <TextField label={t('clinical.measure.weight')} {...form.bind('weightKg')} inputMode="decimal" autoComplete="off" suffix={<span className="input-suffix">kg</span>} required />
        <TextField label={t('clinical.measure.height')} {...form.bind('heightCm')} inputMode="decimal" autoComplete="off" suffix={<span className="input-suffix">cm</span>} required />
      </div>
      <div className="form-actions form-actions-split">
        <p className="muted small" aria-live="polite">
          {preview !== null ? t('clinical.measure.preview', { bsa: formatNumber(preview, i18n.language, 2) }) : t('clinical.measure.previewHint')}
        </p>
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('clinical.measure.save')}
        </button>
      </div>
    </form>
  );
}
