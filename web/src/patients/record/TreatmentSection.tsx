import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ADMINISTRATION_GROUPS,
  DOSE_UNITS,
  DRUG_ROUTES,
  OTHER_TREATMENT_KINDS,
  type Administration,
  type ClinicalRecord,
  type Cycle,
  type Patient,
  type Plan,
} from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { DialogActions } from '../../components/dialogs.tsx';
import { Badge, ErrorAlert } from '../../components/feedback.tsx';
import { SelectField, TextField } from '../../components/forms.tsx';
import { Modal } from '../../components/Modal.tsx';
import { formatDate, todayInMexico } from '../../lib/format.ts';
import { usePatientWrite } from '../clinicalApi.ts';
import { addDays, formatMoment, formatNumber, mexicoLocalToIso, nowInMexicoLocal } from '../format.ts';
import { parseDecimal, useLiveForm } from '../useLiveForm.ts';
import { pastDateProblem } from '../validation.ts';

const COURSES = ['Inducción', 'Consolidación', 'Intensificación', 'Reinducción', 'Mantenimiento', 'Rescate'];
const DRUGS = [
  'Vincristina',
  'Daunorrubicina',
  'Doxorrubicina',
  'L-asparaginasa',
  'PEG-asparaginasa',
  'Metotrexato',
  'Citarabina',
  'Ciclofosfamida',
  'Ifosfamida',
  'Etopósido',
  'Mercaptopurina',
  'Prednisona',
  'Dexametasona',
  'Carboplatino',
  'Cisplatino',
  'Actinomicina D',
  'Ondansetrón',
  'Mesna',
  'Ácido folínico',
];

const CYCLE_TONE = { PLANNED: 'neutral', GIVEN: 'ok', DELAYED: 'warning', CANCELLED: 'muted' } as const;

type Dialog =
  | { kind: 'plan' }
  | { kind: 'cycle'; plan: Plan }
  | { kind: 'given'; cycle: Cycle }
  | { kind: 'administration'; cycle: Cycle }
  | { kind: 'other' };

/** Plans → cycles → administrations, other treatments and the status history. */
export function TreatmentSection({ patient, clinical, onDone }: { patient: Patient; clinical: ClinicalRecord; onDone: (m: string) => void }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const writable = can('patients.write') && !patient.mergedInto;
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const lang = i18n.language;
  const dxName = (id: string | null) => {
    const d = clinical.diagnoses.find((x) => x.id === id);
    return d ? `${t('clinical.dx.primaryN', { n: String(d.sequence) })}: ${d.morphologyName ?? d.morphology}` : '—';
  };
  const done = (msg: string) => {
    setDialog(null);
    onDone(msg);
  };

  return (
    <div className="section-stack">
      <div className="section-bar">
        <h2>{t('clinical.plan.title')}</h2>
        {writable ? (
          <button
            type="button"
            className="btn btn-primary btn-small"
            onClick={() => setDialog({ kind: 'plan' })}
            disabled={clinical.diagnoses.length === 0}
          >
            <span aria-hidden="true">+ </span>
            {t('clinical.plan.add')}
          </button>
        ) : null}
      </div>
      {clinical.diagnoses.length === 0 ? <p className="alert alert-info">{t('clinical.plan.needsDiagnosis')}</p> : null}
      {clinical.plans.length === 0 && clinical.diagnoses.length > 0 ? <p className="empty">{t('clinical.plan.empty')}</p> : null}

      {clinical.plans.map((plan) => (
        <article key={plan.id} className="card plan-card" data-plan-id={plan.id} aria-labelledby={`plan-${plan.id}`}>
          <header className="plan-head">
            <div>
              <h3 id={`plan-${plan.id}`}>{plan.protocol}</h3>
              <p className="muted small">
                {dxName(plan.diagnosisId)} · {t('clinical.plan.startedOn', { date: formatDate(plan.startDate, lang) })}
                {plan.plannedCycles ? ` · ${t('clinical.plan.plannedCycles', { count: plan.plannedCycles })}` : ''}
                {plan.cycleLengthDays ? ` · ${t('clinical.plan.every', { count: plan.cycleLengthDays })}` : ''}
              </p>
            </div>
            <span className="badge-stack">
              <Badge tone={plan.intent === 'CURATIVE' ? 'ok' : 'warning'}>{t(`clinical.intent.${plan.intent}`)}</Badge>
              {plan.endDate ? <Badge tone="muted">{t('clinical.plan.ended', { date: formatDate(plan.endDate, lang) })}</Badge> : null}
            </span>
          </header>
          {plan.cycles.length === 0 ? (
            <p className="muted">{t('clinical.cycle.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table table-responsive table-compact cycles-table">
                <caption className="visually-hidden">{t('clinical.cycle.caption', { protocol: plan.protocol })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('clinical.cycle.col.cycle')}</th>
                    <th scope="col">{t('clinical.cycle.col.planned')}</th>
                    <th scope="col">{t('clinical.cycle.col.actual')}</th>
                    <th scope="col">{t('clinical.cycle.col.status')}</th>
                    <th scope="col">{t('clinical.cycle.col.drugs')}</th>
                    {writable ? <th scope="col">{t('common.actions')}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {[...plan.cycles]
                    .sort((a, b) => a.cycleNumber - b.cycleNumber)
                    .map((c) => (
                      <tr key={c.id} data-cycle-id={c.id}>
                        <td data-label={t('clinical.cycle.col.cycle')}>
                          <div>
                            <span className="cell-title">{t('clinical.cycle.name', { course: c.course, n: String(c.cycleNumber) })}</span>
                            {c.notes ? <span className="cell-sub">{c.notes}</span> : null}
                          </div>
                        </td>
                        <td data-label={t('clinical.cycle.col.planned')}>{formatDate(c.plannedDate, lang)}</td>
                        <td data-label={t('clinical.cycle.col.actual')}>{c.actualDate ? formatDate(c.actualDate, lang) : <span className="muted">—</span>}</td>
                        <td data-label={t('clinical.cycle.col.status')}>
                          <Badge tone={CYCLE_TONE[c.status]}>{t(`clinical.cycleStatus.${c.status}`)}</Badge>
                        </td>
                        <td data-label={t('clinical.cycle.col.drugs')}>
                          <Administrations items={c.administrations} />
                        </td>
                        {writable ? (
                          <td data-label={t('common.actions')} className="cell-actions">
                            <div>
                              {c.status === 'PLANNED' || c.status === 'DELAYED' ? (
                                <button type="button" className="btn btn-small btn-secondary" onClick={() => setDialog({ kind: 'given', cycle: c })}>
                                  {t('clinical.cycle.markGiven')}
                                </button>
                              ) : null}
                              {c.status !== 'CANCELLED' ? (
                                <button type="button" className="btn btn-small btn-ghost" onClick={() => setDialog({ kind: 'administration', cycle: c })}>
                                  {t('clinical.admin.add')}
                                </button>
                              ) : null}
                            </div>
                          </td>
                        ) : null}
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          )}
          {writable ? (
            <button type="button" className="btn btn-secondary btn-small" onClick={() => setDialog({ kind: 'cycle', plan })}>
              <span aria-hidden="true">+ </span>
              {t('clinical.cycle.add')}
            </button>
          ) : null}
        </article>
      ))}

      <div className="section-bar">
        <h2>{t('clinical.other.title')}</h2>
        {writable ? (
          <button type="button" className="btn btn-secondary btn-small" onClick={() => setDialog({ kind: 'other' })}>
            <span aria-hidden="true">+ </span>
            {t('clinical.other.add')}
          </button>
        ) : null}
      </div>
      {clinical.otherTreatments.length === 0 ? (
        <p className="muted">{t('clinical.other.empty')}</p>
      ) : (
        <ul className="plain-list card">
          {clinical.otherTreatments.map((o) => (
            <li key={o.id}>
              <strong>{t(`clinical.otherKind.${o.kind}`)}</strong> · {formatDate(o.startDate, lang)}
              {o.endDate ? ` – ${formatDate(o.endDate, lang)}` : ''}: {o.description}
              {o.doseGy ? ` · ${formatNumber(o.doseGy, lang, 2)} Gy` : ''}
              {o.fractions ? ` ${t('clinical.other.inFractions', { count: o.fractions })}` : ''}
              {o.subtype ? ` · ${o.subtype}` : ''}
            </li>
          ))}
        </ul>
      )}

      <h2>{t('clinical.status.history')}</h2>
      {clinical.statusHistory.length === 0 ? (
        <p className="muted">{t('clinical.status.none')}</p>
      ) : (
        <ol className="plain-list card status-history">
          {[...clinical.statusHistory]
            .sort((a, b) => b.since.localeCompare(a.since))
            .map((s) => (
              <li key={s.id}>
                <strong>{t(`patients.status.${s.status}`)}</strong> · {t('clinical.status.since', { date: formatDate(s.since, lang) })}
                {s.reason ? <span className="muted"> · {s.reason}</span> : null}
              </li>
            ))}
        </ol>
      )}

      {dialog?.kind === 'plan' ? (
        <PlanDialog patient={patient} clinical={clinical} onClose={() => setDialog(null)} onDone={(p) => done(t('clinical.plan.saved', { protocol: p.protocol }))} />
      ) : null}
      {dialog?.kind === 'cycle' ? (
        <CycleDialog patient={patient} clinical={clinical} plan={dialog.plan} onClose={() => setDialog(null)} onDone={(c) => done(t('clinical.cycle.saved', { course: c.course, n: String(c.cycleNumber) }))} />
      ) : null}
      {dialog?.kind === 'given' ? (
        <GivenDialog patient={patient} cycle={dialog.cycle} onClose={() => setDialog(null)} onDone={(c) => done(t('clinical.cycle.givenSaved', { course: c.course, n: String(c.cycleNumber) }))} />
      ) : null}
      {dialog?.kind === 'administration' ? (
        <AdministrationDialog patient={patient} clinical={clinical} cycle={dialog.cycle} onClose={() => setDialog(null)} onDone={(a) => done(t('clinical.admin.saved', { drug: a.drug }))} />
      ) : null}
      {dialog?.kind === 'other' ? <OtherTreatmentDialog patient={patient} onClose={() => setDialog(null)} onDone={() => done(t('clinical.other.saved'))} /> : null}
    </div>
  );
}

function Administrations({ items }: { items: Administration[] }) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="admin-list">
      {items.map((a) => (
        <li key={a.id}>
          <span className="cell-title-plain">
            {a.drug} {formatNumber(a.dose, i18n.language, 3)} {a.doseUnit} {a.route}
            {a.doseReductionPct ? ` (−${a.doseReductionPct} %)` : ''}
          </span>
          <span className="cell-sub">
            {t(`clinical.group.${a.groupKind}`)} · {formatMoment(a.administeredAt, i18n.language)}
            {a.doseMg !== null ? ` · ${formatNumber(a.doseMg, i18n.language, 1)} mg` : ''}
            {a.bsaUsed !== null && a.measuredOn ? ` · ${t('clinical.admin.bsaUsed', { bsa: formatNumber(a.bsaUsed, i18n.language, 2), date: formatDate(a.measuredOn, i18n.language) })}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}

function PlanDialog({ patient, clinical, onClose, onDone }: { patient: Patient; clinical: ClinicalRecord; onClose: () => void; onDone: (p: Plan) => void }) {
  const { t } = useTranslation();
  const first = clinical.diagnoses[clinical.diagnoses.length - 1];
  const form = useLiveForm(
    { diagnosisId: first?.id ?? '', protocol: '', intent: 'CURATIVE', startDate: todayInMexico(), plannedCycles: '', cycleLengthDays: '' },
    (v) => {
      const dx = clinical.diagnoses.find((d) => d.id === v.diagnosisId);
      return {
        diagnosisId: v.diagnosisId ? undefined : t('patients.form.errors.choose'),
        protocol: v.protocol.trim() ? undefined : t('patients.form.errors.required'),
        startDate: pastDateProblem(t, v.startDate) ?? (dx && v.startDate < dx.diagnosisDate ? t('clinical.plan.errors.beforeDiagnosis', { date: formatDate(dx.diagnosisDate) }) : undefined),
        plannedCycles: v.plannedCycles && !/^\d{1,3}$/.test(v.plannedCycles) ? t('clinical.errors.wholeNumber') : undefined,
        cycleLengthDays: v.cycleLengthDays && !/^\d{1,3}$/.test(v.cycleLengthDays) ? t('clinical.errors.wholeNumber') : undefined,
      };
    },
    { instant: ['startDate', 'plannedCycles', 'cycleLengthDays'] },
  );
  const save = usePatientWrite<Record<string, unknown>, Plan>(patient.id, `/api/patients/${patient.id}/plans`);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.check()) return;
    const v = form.values;
    save.mutate(
      {
        diagnosisId: v.diagnosisId,
        protocol: v.protocol.trim(),
        intent: v.intent,
        startDate: v.startDate,
        ...(v.plannedCycles ? { plannedCycles: Number(v.plannedCycles) } : {}),
        ...(v.cycleLengthDays ? { cycleLengthDays: Number(v.cycleLengthDays) } : {}),
      },
      { onSuccess: onDone, onError: form.fromServer },
    );
  };
  return (
    <Modal title={t('clinical.plan.formTitle')} onClose={onClose} wide>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate>
        <ErrorAlert error={save.error} />
        <div className="form-grid">
          <SelectField
            label={t('clinical.plan.diagnosis')}
            {...form.bind('diagnosisId')}
            options={clinical.diagnoses.map((d) => ({ value: d.id, label: `${t('clinical.dx.primaryN', { n: String(d.sequence) })}: ${d.morphologyName ?? d.morphology}` }))}
            span="full"
            required
          />
          <TextField label={t('clinical.plan.protocol')} {...form.bind('protocol')} hint={t('clinical.plan.protocolHint')} span="full" autoComplete="off" required />
          <SelectField
            label={t('clinical.plan.intent')}
            {...form.bind('intent')}
            options={(['CURATIVE', 'PALLIATIVE'] as const).map((i) => ({ value: i, label: t(`clinical.intent.${i}`) }))}
            required
          />
          <TextField label={t('clinical.plan.startDate')} type="date" {...form.bind('startDate')} max={todayInMexico()} required />
          <TextField label={t('clinical.plan.plannedCyclesLabel')} {...form.bind('plannedCycles')} inputMode="numeric" autoComplete="off" />
          <TextField label={t('clinical.plan.cycleLengthLabel')} {...form.bind('cycleLengthDays')} inputMode="numeric" autoComplete="off" />
        </div>
        <DialogActions onCancel={onClose} pending={save.isPending} label={t('clinical.plan.save')} />
      </form>
    </Modal>
  );
}

function CycleDialog({ patient, clinical, plan, onClose, onDone }: { patient: Patient; clinical: ClinicalRecord; plan: Plan; onClose: () => void; onDone: (c: Cycle) => void }) {
  const { t } = useTranslation();
  const last = [...plan.cycles].sort((a, b) => b.cycleNumber - a.cycleNumber)[0];
  const dx = clinical.diagnoses.find((d) => d.id === plan.diagnosisId);
  const nextDate = last ? (plan.cycleLengthDays ? addDays(last.plannedDate, plan.cycleLengthDays) : last.plannedDate) : plan.startDate;
  const form = useLiveForm(
    { course: last?.course ?? 'Inducción', cycleNumber: String((last?.cycleNumber ?? 0) + 1), plannedDate: nextDate, status: 'PLANNED', actualDate: '', notes: '' },
    (v) => ({
      course: v.course.trim() ? undefined : t('patients.form.errors.required'),
      cycleNumber: /^\d{1,3}$/.test(v.cycleNumber) && Number(v.cycleNumber) >= 1 ? undefined : t('clinical.errors.wholeNumber'),
      plannedDate: !v.plannedDate
        ? t('patients.form.errors.required')
        : dx && v.plannedDate < dx.diagnosisDate
          ? t('clinical.cycle.errors.beforeDiagnosis', { date: formatDate(dx.diagnosisDate) })
          : undefined,
      actualDate:
        v.status === 'GIVEN'
          ? (pastDateProblem(t, v.actualDate) ?? (dx && v.actualDate < dx.diagnosisDate ? t('clinical.cycle.errors.beforeDiagnosis', { date: formatDate(dx.diagnosisDate) }) : undefined))
          : undefined,
    }),
    { instant: ['plannedDate', 'actualDate', 'cycleNumber'] },
  );
  const save = usePatientWrite<Record<string, unknown>, Cycle>(patient.id, `/api/patients/${patient.id}/cycles`);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.check()) return;
    const v = form.values;
    save.mutate(
      {
        planId: plan.id,
        course: v.course.trim(),
        cycleNumber: Number(v.cycleNumber),
        plannedDate: v.plannedDate,
        status: v.status,
        ...(v.status === 'GIVEN' ? { actualDate: v.actualDate } : {}),
        ...(v.notes.trim() ? { notes: v.notes.trim() } : {}),
      },
      { onSuccess: onDone, onError: form.fromServer },
    );
  };
  return (
    <Modal title={t('clinical.cycle.formTitle', { protocol: plan.protocol })} onClose={onClose} wide>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate>
        <ErrorAlert error={save.error} />
        <div className="form-grid">
          <TextField label={t('clinical.cycle.course')} {...form.bind('course')} list="course-options" autoComplete="off" required />
          <datalist id="course-options">
            {COURSES.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
          <TextField label={t('clinical.cycle.number')} {...form.bind('cycleNumber')} inputMode="numeric" autoComplete="off" required />
          <TextField label={t('clinical.cycle.plannedDate')} type="date" {...form.bind('plannedDate')} required />
          <SelectField
            label={t('clinical.cycle.status')}
            {...form.bind('status')}
            options={(['PLANNED', 'GIVEN'] as const).map((s) => ({ value: s, label: t(`clinical.cycleStatus.${s}`) }))}
          />
          {form.values.status === 'GIVEN' ? (
            <TextField label={t('clinical.cycle.actualDate')} type="date" {...form.bind('actualDate')} max={todayInMexico()} required />
          ) : null}
          <TextField label={t('clinical.cycle.notes')} {...form.bind('notes')} span="full" autoComplete="off" />
        </div>
        {last ? <p className="small muted">{t('clinical.cycle.linksPrevious', { course: last.course, n: String(last.cycleNumber) })}</p> : null}
        <DialogActions onCancel={onClose} pending={save.isPending} label={t('clinical.cycle.save')} />
      </form>
    </Modal>
  );
}

function GivenDialog({ patient, cycle, onClose, onDone }: { patient: Patient; cycle: Cycle; onClose: () => void; onDone: (c: Cycle) => void }) {
  const { t } = useTranslation();
  const form = useLiveForm({ actualDate: todayInMexico() }, (v) => ({ actualDate: pastDateProblem(t, v.actualDate) }), { instant: ['actualDate'] });
  const save = usePatientWrite<Record<string, unknown>, Cycle>(patient.id, `/api/patients/${patient.id}/cycles/${cycle.id}`, 'PATCH');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.check()) return;
    save.mutate({ status: 'GIVEN', actualDate: form.values.actualDate, version: cycle.version }, { onSuccess: onDone, onError: form.fromServer });
  };
  return (
    <Modal title={t('clinical.cycle.givenTitle', { course: cycle.course, n: String(cycle.cycleNumber) })} onClose={onClose}>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate>
        <ErrorAlert error={save.error} />
        <TextField label={t('clinical.cycle.actualDate')} type="date" {...form.bind('actualDate')} max={todayInMexico()} required />
        <DialogActions onCancel={onClose} pending={save.isPending} label={t('clinical.cycle.markGiven')} />
      </form>
    </Modal>
  );
}

function AdministrationDialog({
  patient,
  clinical,
  cycle,
  onClose,
  onDone,
}: {
  patient: Patient;
  clinical: ClinicalRecord;
  cycle: Cycle;
  onClose: () => void;
  onDone: (a: Administration) => void;
}) {
  const { t, i18n } = useTranslation();
  const form = useLiveForm(
    { drug: '', dose: '', doseUnit: 'mg/m2', route: 'IV', groupKind: 'CHEMOTHERAPY', doseReductionPct: '0', administeredAt: nowInMexicoLocal() },
    (v) => {
      const dose = parseDecimal(v.dose);
      return {
        drug: v.drug.trim() ? undefined : t('patients.form.errors.required'),
        dose: !v.dose.trim() ? t('patients.form.errors.required') : !(dose > 0) ? t('clinical.admin.errors.dose') : undefined,
        doseReductionPct: /^\d{1,3}$/.test(v.doseReductionPct) && Number(v.doseReductionPct) <= 100 ? undefined : t('clinical.admin.errors.reduction'),
        administeredAt: !v.administeredAt ? t('patients.form.errors.required') : v.administeredAt > nowInMexicoLocal() ? t('patients.form.errors.future') : undefined,
      };
    },
    { instant: ['dose', 'doseReductionPct'] },
  );
  const save = usePatientWrite<Record<string, unknown>, Administration>(patient.id, `/api/patients/${patient.id}/cycles/${cycle.id}/administrations`);
  const m = clinical.latestMeasurement;
  const perM2 = form.values.doseUnit.endsWith('/m2');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.check()) return;
    const v = form.values;
    save.mutate(
      {
        drug: v.drug.trim(),
        dose: parseDecimal(v.dose),
        doseUnit: v.doseUnit,
        route: v.route,
        groupKind: v.groupKind,
        doseReductionPct: Number(v.doseReductionPct),
        administeredAt: mexicoLocalToIso(v.administeredAt),
      },
      { onSuccess: onDone, onError: form.fromServer },
    );
  };
  return (
    <Modal title={t('clinical.admin.formTitle', { course: cycle.course, n: String(cycle.cycleNumber) })} onClose={onClose} wide>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate>
        <ErrorAlert error={save.error} />
        {perM2 ? (
          <p className={`alert ${m ? 'alert-info' : 'alert-warning'}`}>
            {m
              ? t('clinical.admin.bsaNote', { bsa: formatNumber(m.bsa, i18n.language, 2), date: formatDate(m.measuredOn, i18n.language) })
              : t('clinical.admin.noBsa')}
          </p>
        ) : null}
        <div className="form-grid">
          <SelectField
            label={t('clinical.admin.group')}
            {...form.bind('groupKind')}
            options={ADMINISTRATION_GROUPS.map((g) => ({ value: g, label: t(`clinical.group.${g}`) }))}
          />
          <TextField label={t('clinical.admin.drug')} {...form.bind('drug')} list="drug-options" autoComplete="off" required />
          <datalist id="drug-options">
            {DRUGS.map((d) => (
              <option key={d} value={d} />
            ))}
          </datalist>
          <TextField label={t('clinical.admin.dose')} {...form.bind('dose')} inputMode="decimal" autoComplete="off" required />
          <SelectField label={t('clinical.admin.unit')} {...form.bind('doseUnit')} options={DOSE_UNITS.map((u) => ({ value: u, label: u.replace('m2', 'm²') }))} />
          <SelectField label={t('clinical.admin.route')} {...form.bind('route')} options={DRUG_ROUTES.map((r) => ({ value: r, label: t(`clinical.route.${r}`) }))} />
          <TextField label={t('clinical.admin.reduction')} {...form.bind('doseReductionPct')} inputMode="numeric" autoComplete="off" suffix={<span className="input-suffix">%</span>} />
          <TextField label={t('clinical.admin.at')} type="datetime-local" {...form.bind('administeredAt')} max={nowInMexicoLocal()} span="full" required />
        </div>
        <DialogActions onCancel={onClose} pending={save.isPending} label={t('clinical.admin.save')} />
      </form>
    </Modal>
  );
}

function OtherTreatmentDialog({ patient, onClose, onDone }: { patient: Patient; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useLiveForm(
    { kind: 'RADIOTHERAPY', startDate: todayInMexico(), endDate: '', description: '', doseGy: '', fractions: '', subtype: '' },
    (v) => ({
      startDate: pastDateProblem(t, v.startDate),
      endDate: v.endDate && v.endDate < v.startDate ? t('clinical.other.errors.endBeforeStart') : undefined,
      description: v.description.trim() ? undefined : t('patients.form.errors.required'),
      doseGy: v.doseGy && !(parseDecimal(v.doseGy) > 0) ? t('clinical.admin.errors.dose') : undefined,
      fractions: v.fractions && !/^\d{1,3}$/.test(v.fractions) ? t('clinical.errors.wholeNumber') : undefined,
    }),
    { instant: ['endDate', 'doseGy', 'fractions'] },
  );
  const save = usePatientWrite<Record<string, unknown>>(patient.id, `/api/patients/${patient.id}/treatments`);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.check()) return;
    const v = form.values;
    save.mutate(
      {
        kind: v.kind,
        startDate: v.startDate,
        description: v.description.trim(),
        ...(v.endDate ? { endDate: v.endDate } : {}),
        ...(v.kind === 'RADIOTHERAPY' && v.doseGy ? { doseGy: parseDecimal(v.doseGy) } : {}),
        ...(v.kind === 'RADIOTHERAPY' && v.fractions ? { fractions: Number(v.fractions) } : {}),
        ...(v.subtype.trim() ? { subtype: v.subtype.trim() } : {}),
      },
      { onSuccess: onDone, onError: form.fromServer },
    );
  };
  return (
    <Modal title={t('clinical.other.formTitle')} onClose={onClose} wide>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate>
        <ErrorAlert error={save.error} />
        <div className="form-grid">
          <SelectField label={t('clinical.other.kind')} {...form.bind('kind')} options={OTHER_TREATMENT_KINDS.map((k) => ({ value: k, label: t(`clinical.otherKind.${k}`) }))} />
          <TextField label={t('clinical.other.subtype')} {...form.bind('subtype')} hint={t('clinical.other.subtypeHint')} autoComplete="off" />
          <TextField label={t('clinical.other.startDate')} type="date" {...form.bind('startDate')} max={todayInMexico()} required />
          <TextField label={t('clinical.other.endDate')} type="date" {...form.bind('endDate')} />
          <TextField label={t('clinical.other.description')} {...form.bind('description')} span="full" autoComplete="off" required />
          {form.values.kind === 'RADIOTHERAPY' ? (
            <>
              <TextField label={t('clinical.other.doseGy')} {...form.bind('doseGy')} inputMode="decimal" autoComplete="off" />
              <TextField label={t('clinical.other.fractions')} {...form.bind('fractions')} inputMode="numeric" autoComplete="off" />
            </>
          ) : null}
        </div>
        <DialogActions onCancel={onClose} pending={save.isPending} label={t('common.save')} />
      </form>
    </Modal>
  );
}
