import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DIAGNOSIS_BASES, LATERALITIES, type ClinicalRecord, type Diagnosis, type Patient } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { SelectField, TextField } from '../../components/forms.tsx';
import { formatDate, todayInMexico } from '../../lib/format.ts';
import { usePatientWrite } from '../clinicalApi.ts';
import { useLiveForm } from '../useLiveForm.ts';
import { pastDateProblem } from '../validation.ts';

/** Primary tumours in ICD-O-3 with what the server derives from them (ICD-10, ICCC-3). */
export function DiagnosesSection({ patient, clinical, onDone }: { patient: Patient; clinical: ClinicalRecord; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [adding, setAdding] = useState(clinical.diagnoses.length === 0);
  const [justSaved, setJustSaved] = useState<string | null>(null);
  const writable = can('patients.write') && !patient.mergedInto;
  return (
    <div className="section-stack">
      <div className="section-bar">
        <h2>{t('clinical.dx.title')}</h2>
        {writable && !adding ? (
          <button type="button" className="btn btn-primary btn-small" onClick={() => setAdding(true)}>
            <span aria-hidden="true">+ </span>
            {t('clinical.dx.add')}
          </button>
        ) : null}
      </div>
      {writable && adding ? (
        <DiagnosisForm
          patient={patient}
          onCancel={clinical.diagnoses.length ? () => setAdding(false) : undefined}
          onSaved={(d) => {
            setAdding(false);
            setJustSaved(d.id);
            onDone(t('clinical.dx.saved', { icd10: d.icd10 ?? '—', iccc: d.icccGroupName ?? '—' }));
          }}
        />
      ) : null}
      {clinical.diagnoses.length === 0 && !adding ? <p className="empty">{t('clinical.dx.empty')}</p> : null}
      {clinical.diagnoses.map((d) => (
        <DiagnosisCard key={d.id} d={d} highlight={d.id === justSaved} />
      ))}
    </div>
  );
}

function DiagnosisCard({ d, highlight }: { d: Diagnosis; highlight: boolean }) {
  const { t, i18n } = useTranslation();
  const code = (c: string | null, name: string | null) =>
    c ? (
      <>
        <span className="mono code-chip">{c}</span> {name ?? ''}
      </>
    ) : (
      <span className="muted">{t('clinical.dx.notDerived')}</span>
    );
  return (
    <article className={`card dx-card ${highlight ? 'is-new' : ''}`} data-diagnosis-id={d.id} aria-labelledby={`dx-${d.id}`}>
      <header className="dx-head">
        <h3 id={`dx-${d.id}`}>
          {t('clinical.dx.primaryN', { n: String(d.sequence) })}: {d.morphologyName ?? d.morphology}
        </h3>
        <p className="muted small">
          {t('clinical.dx.diagnosedOn', { date: formatDate(d.diagnosisDate, i18n.language) })} · {t('clinical.dx.ageAt', { count: d.ageAtDiagnosis })}
        </p>
      </header>
      <dl className="facts-grid">
        <div>
          <dt>{t('clinical.dx.topography')}</dt>
          <dd>{code(d.topography, d.topographyName)}</dd>
        </div>
        <div>
          <dt>{t('clinical.dx.morphology')}</dt>
          <dd>{code(`${d.morphology}/${d.behaviour}`, d.morphologyName)}</dd>
        </div>
        <div>
          <dt>{t('clinical.dx.icd10')}</dt>
          <dd data-testid="icd10">{code(d.icd10, d.icd10Name)}</dd>
        </div>
        <div>
          <dt>{t('clinical.dx.iccc')}</dt>
          <dd data-testid="iccc">
            {code(d.icccGroup, d.icccGroupName)}
            {d.icccSubgroup ? (
              <span className="cell-sub">
                {d.icccSubgroup} {d.icccSubgroupName ?? ''}
              </span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t('clinical.dx.basis')}</dt>
          <dd>{t(`clinical.basis.${d.basis as 0}`)}</dd>
        </div>
        <div>
          <dt>{t('clinical.dx.laterality')}</dt>
          <dd>{t(`clinical.laterality.${d.laterality}`)}</dd>
        </div>
        {d.stage ? (
          <div>
            <dt>{t('clinical.dx.stage')}</dt>
            <dd>{d.stage}</dd>
          </div>
        ) : null}
        {d.riskGroup ? (
          <div>
            <dt>{t('clinical.dx.riskGroup')}</dt>
            <dd>{d.riskGroup}</dd>
          </div>
        ) : null}
      </dl>
    </article>
  );
}

function DiagnosisForm({ patient, onCancel, onSaved }: { patient: Patient; onCancel: (() => void) | undefined; onSaved: (d: Diagnosis) => void }) {
  const { t } = useTranslation();
  const form = useLiveForm(
    { topography: '', morphology: '', behaviour: '3', basis: '7', diagnosisDate: todayInMexico(), laterality: 'NOT_APPLICABLE', stage: '', riskGroup: '' },
    (v) => ({
      topography: !v.topography.trim() ? t('patients.form.errors.required') : /^C\d{2}\.?\d$/i.test(v.topography.trim()) ? undefined : t('clinical.dx.errors.topography'),
      morphology: !v.morphology.trim() ? t('patients.form.errors.required') : /^\d{4}$/.test(v.morphology.trim()) ? undefined : t('clinical.dx.errors.morphology'),
      diagnosisDate:
        pastDateProblem(t, v.diagnosisDate) ??
        (v.diagnosisDate < patient.birthDate ? t('clinical.dx.errors.beforeBirth', { date: formatDate(patient.birthDate) }) : undefined),
    }),
    { instant: ['diagnosisDate'] },
  );
  const save = usePatientWrite<Record<string, unknown>, Diagnosis>(patient.id, `/api/patients/${patient.id}/diagnoses`);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.check()) return;
    const v = form.values;
    const topo = v.topography.trim().toUpperCase();
    save.mutate(
      {
        topography: topo.includes('.') ? topo : `${topo.slice(0, 3)}.${topo.slice(3)}`,
        morphology: v.morphology.trim(),
        behaviour: Number(v.behaviour),
        basis: Number(v.basis),
        diagnosisDate: v.diagnosisDate,
        laterality: v.laterality,
        ...(v.stage.trim() ? { stage: v.stage.trim() } : {}),
        ...(v.riskGroup.trim() ? { riskGroup: v.riskGroup.trim() } : {}),
      },
      { onSuccess: onSaved, onError: form.fromServer },
    );
  };
  return (
    <form ref={form.formRef} className="card form-section" onSubmit={onSubmit} noValidate aria-labelledby="dx-form-title">
      <h3 id="dx-form-title">{t('clinical.dx.formTitle')}</h3>
      <p className="muted small">{t('clinical.dx.formIntro')}</p>
      <ErrorAlert
        error={save.error}
        fields={{
          topography: t('clinical.dx.topography'),
          morphology: t('clinical.dx.morphology'),
          behaviour: t('clinical.dx.behaviour'),
          basis: t('clinical.dx.basis'),
          diagnosisDate: t('clinical.dx.date'),
          laterality: t('clinical.dx.laterality'),
          stage: t('clinical.dx.stage'),
          riskGroup: t('clinical.dx.riskGroup'),
        }}
      />
      <div className="form-grid">
        <TextField
          label={t('clinical.dx.topography')}
          {...form.bind('topography')}
          onChange={(e) => form.set('topography', e.target.value.toUpperCase())}
          hint={t('clinical.dx.topographyHint')}
          className="mono"
          autoComplete="off"
          spellCheck={false}
          maxLength={5}
          required
        />
        <TextField
          label={t('clinical.dx.morphology')}
          {...form.bind('morphology')}
          onChange={(e) => form.set('morphology', e.target.value.replace(/\D/g, ''))}
          hint={t('clinical.dx.morphologyHint')}
          className="mono"
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          required
        />
        <SelectField
          label={t('clinical.dx.behaviour')}
          {...form.bind('behaviour')}
          options={['0', '1', '2', '3'].map((b) => ({ value: b, label: t(`clinical.behaviour.${b as '0'}`) }))}
          required
        />
        <SelectField
          label={t('clinical.dx.basis')}
          {...form.bind('basis')}
          options={DIAGNOSIS_BASES.map((b) => ({ value: String(b), label: t(`clinical.basis.${b}`) }))}
          required
        />
        <TextField label={t('clinical.dx.date')} type="date" {...form.bind('diagnosisDate')} min={patient.birthDate} max={todayInMexico()} required />
        <SelectField
          label={t('clinical.dx.laterality')}
          {...form.bind('laterality')}
          options={LATERALITIES.map((l) => ({ value: l, label: t(`clinical.laterality.${l}`) }))}
        />
        <TextField label={t('clinical.dx.stage')} {...form.bind('stage')} hint={t('clinical.dx.stageHint')} autoComplete="off" />
        <TextField label={t('clinical.dx.riskGroup')} {...form.bind('riskGroup')} hint={t('clinical.dx.riskGroupHint')} autoComplete="off" />
      </div>
      <div className="form-actions">
        {onCancel ? (
          <button type="button" className="btn btn-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('clinical.dx.save')}
        </button>
      </div>
    </form>
  );
}
