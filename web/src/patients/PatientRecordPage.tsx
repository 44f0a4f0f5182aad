import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import type { ClinicalRecord, Patient } from '../api/types.ts';
import { useSession } from '../auth/session.tsx';
import { FlashNotice } from '../components/dialogs.tsx';
import { Badge, ErrorAlert, Loading, PageHeader } from '../components/feedback.tsx';
import { formatDate, todayInMexico } from '../lib/format.ts';
import { usePatient } from './api.ts';
import { useClinical } from './clinicalApi.ts';
import { ageText, formatNumber, fullName } from './format.ts';
import { DetailsSection } from './record/DetailsSection.tsx';
import { DiagnosesSection } from './record/DiagnosesSection.tsx';
import { FollowUpSection } from './record/FollowUpSection.tsx';
import { MeasurementsSection } from './record/MeasurementsSection.tsx';
import { MergeDialog } from './record/MergeDialog.tsx';
import { StatusDialog } from './record/StatusDialog.tsx';
import { TimelineSection } from './record/TimelineSection.tsx';
import { TransferDialog } from './record/TransferDialog.tsx';
import { TreatmentSection } from './record/TreatmentSection.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import './patients.css';

const SECTIONS = ['datos', 'diagnosticos', 'tratamiento', 'mediciones', 'seguimiento', 'historial'] as const;
type Section = (typeof SECTIONS)[number];

/** Days between two YYYY-MM-DD dates. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function PatientRecordPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const location = useLocation();
  const patient = usePatient(id);
  const clinical = useClinical(id, patient.isSuccess);
  const [notice, setNotice] = useState<string | null>(() =>
    (location.state as { created?: boolean } | null)?.created ? 'created' : null,
  );

  if (patient.isPending) return <Loading />;
  if (patient.isError) {
    const missing = patient.error instanceof ApiError && (patient.error.status === 404 || patient.error.status === 400);
    return (
      <div className="narrow">
        <PageHeader
          title={missing ? t('record.notFoundTitle') : t('errors.loadFailed')}
          intro={missing ? t('record.notFound') : undefined}
        />
        {!missing ? <ErrorAlert error={patient.error} /> : null}
        <Link to="/pacientes" className="btn btn-secondary">
          {t('record.backToList')}
        </Link>
      </div>
    );
  }
  const p = patient.data;
  return (
    <>
      <p className="back-link">
        <Link to="/pacientes">
          <span aria-hidden="true">← </span>
          {t('record.backToList')}
        </Link>
      </p>
      <FlashNotice
        message={notice === 'created' ? t('record.created', { name: fullName(p) }) : notice}
        onDismiss={() => setNotice(null)}
      />
      <RecordHeader patient={p} clinical={clinical.data} onDone={setNotice} />
      <RecordTabs patient={p} clinical={clinical.data} clinicalError={clinical.error} onDone={setNotice} />
    </>
  );
}

function RecordHeader({ patient: p, clinical, onDone }: { patient: Patient; clinical: ClinicalRecord | undefined; onDone: (msg: string) => void }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const [dialog, setDialog] = useState<'transfer' | 'merge' | 'status' | null>(null);
  const m = clinical?.latestMeasurement ?? null;
  const stale = m ? daysBetween(m.measuredOn, todayInMexico()) : 0;
  const merged = Boolean(p.mergedInto);
  return (
    <section className="card record-header">
      <div className="record-title">
        <div>
          <PageHeader title={fullName(p)} />
          <p className="record-ids">
            <span className="mono">{p.curp}</span>
            <span>
              {ageText(t, p.birthDate)} · {t(`patients.sexShort.${p.sex}`)} · {t('record.born', { date: formatDate(p.birthDate, i18n.language) })}
            </span>
          </p>
          <p className="badge-stack record-badges">
            <Badge tone={p.pediatric ? 'info' : 'neutral'}>{p.pediatric ? t('patients.pediatric') : t('patients.adult')}</Badge>
            <StatusBadge status={p.treatmentStatus} />
            {p.vitalStatus !== 'ALIVE' ? <Badge tone="muted">{t(`patients.vital.${p.vitalStatus}`)}</Badge> : null}
            {merged ? <Badge tone="warning">{t('record.mergedBadge')}</Badge> : null}
          </p>
        </div>
        {!merged && (can('patients.write') || can('patients.merge')) ? (
          <div className="record-actions">
            {can('patients.write') ? (
              <button type="button" className="btn btn-secondary btn-small" onClick={() => setDialog('status')}>
                {t('record.changeStatus')}
              </button>
            ) : null}
            {can('patients.write') ? (
              <button type="button" className="btn btn-secondary btn-small" onClick={() => setDialog('transfer')}>
                {t('record.transfer')}
              </button>
            ) : null}
            {can('patients.merge') ? (
              <button type="button" className="btn btn-ghost btn-small" onClick={() => setDialog('merge')}>
                {t('record.merge')}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
      <dl className="record-facts">
        <div>
          <dt>{t('record.unit')}</dt>
          <dd>
            {p.unitName} <span className="muted small mono">{p.unitClues}</span>
          </dd>
        </div>
        <div>
          <dt>{t('record.statusSince')}</dt>
          <dd>
            {t(`patients.status.${p.treatmentStatus}`)} · {formatDate(p.statusSince, i18n.language)}
          </dd>
        </div>
        <div>
          <dt>{t('record.bsa')}</dt>
          <dd data-testid="bsa">
            {m ? (
              <>
                <strong>{t('record.bsaValue', { bsa: formatNumber(m.bsa, i18n.language, 2) })}</strong>
                <span className="muted small">
                  {' '}
                  · {t('record.bsaFrom', { weight: formatNumber(m.weightKg, i18n.language, 2), height: formatNumber(m.heightCm, i18n.language, 1), date: formatDate(m.measuredOn, i18n.language) })}
                </span>
                {stale > 30 ? <span className="field-hint warn-text">{t('record.bsaStale', { count: stale })}</span> : null}
              </>
            ) : clinical ? (
              <span className="muted">{t('record.noMeasurement')}</span>
            ) : (
              <span className="muted">…</span>
            )}
          </dd>
        </div>
        {clinical && clinical.cumulativeAnthracyclineMgM2 > 0 ? (
          <div>
            <dt>{t('record.anthracyclines')}</dt>
            <dd>{t('record.anthracyclinesValue', { dose: formatNumber(clinical.cumulativeAnthracyclineMgM2, i18n.language, 1) })}</dd>
          </div>
        ) : null}
      </dl>
      {merged ? (
        <p className="alert alert-warning">
          {t('record.mergedInto')} <Link to={`/pacientes/${p.mergedInto}`}>{t('record.openSurvivor')}</Link>
        </p>
      ) : null}
      {dialog === 'transfer' ? (
        <TransferDialog
          patient={p}
          onClose={() => setDialog(null)}
          onDone={(unit) => {
            setDialog(null);
            onDone(t('record.transferred', { unit }));
          }}
        />
      ) : null}
      {dialog === 'merge' ? (
        <MergeDialog
          patient={p}
          onClose={() => setDialog(null)}
          onDone={(name) => {
            setDialog(null);
            onDone(t('record.merged', { name }));
          }}
        />
      ) : null}
      {dialog === 'status' ? (
        <StatusDialog
          patient={p}
          onClose={() => setDialog(null)}
          onDone={(status) => {
            setDialog(null);
            onDone(t('record.statusChanged', { status: t(`patients.status.${status}`) }));
          }}
        />
      ) : null}
    </section>
  );
}

function RecordTabs({
  patient,
  clinical,
  clinicalError,
  onDone,
}: {
  patient: Patient;
  clinical: ClinicalRecord | undefined;
  clinicalError: unknown;
  onDone: (msg: string) => void;
}) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const current = (SECTIONS as readonly string[]).includes(params.get('seccion') ?? '') ? (params.get('seccion') as Section) : 'datos';
  const select = (s: Section) => {
    const next = new URLSearchParams(params);
    if (s === 'datos') next.delete('seccion');
    else next.set('seccion', s);
    setParams(next, { replace: true });
  };
  const onKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = SECTIONS.indexOf(current);
    const j = e.key === 'ArrowRight' ? (i + 1) % SECTIONS.length : e.key === 'ArrowLeft' ? (i - 1 + SECTIONS.length) % SECTIONS.length : -1;
    if (j < 0) return;
    e.preventDefault();
    select(SECTIONS[j]!);
    requestAnimationFrame(() => document.getElementById(`tab-${SECTIONS[j]}`)?.focus());
  };
  const count = (s: Section): number | null => {
    if (!clinical) return null;
    if (s === 'diagnosticos') return clinical.diagnoses.length;
    if (s === 'tratamiento') return clinical.plans.length;
    if (s === 'mediciones') return clinical.measurements.length;
    if (s === 'seguimiento') return clinical.followUps.length + clinical.complications.length;
    return null;
  };
  const needsClinical = current !== 'datos' && current !== 'historial';
  const tablist = useRef<HTMLDivElement>(null);
  // On a narrow screen the tab strip scrolls sideways: keep the selected tab in sight.
  useEffect(() => {
    const list = tablist.current;
    const tab = list?.querySelector<HTMLElement>('[aria-selected="true"]');
    if (list && tab && list.scrollWidth > list.clientWidth) list.scrollLeft = Math.max(0, tab.offsetLeft - list.offsetLeft - 16);
  }, [current]);
  return (
    <div className="record-tabs">
      <div ref={tablist} role="tablist" aria-label={t('record.sections')} className="tablist">
        {SECTIONS.map((s) => {
          const n = count(s);
          return (
            <button
              key={s}
              id={`tab-${s}`}
              type="button"
              role="tab"
              aria-selected={current === s}
              aria-controls={current === s ? `panel-${s}` : undefined}
              tabIndex={current === s ? 0 : -1}
              className="tab"
              onClick={() => select(s)}
              onKeyDown={onKey}
            >
              {t(`record.tabs.${s}`)}
              {n !== null ? <span className="tab-count">{n}</span> : null}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`panel-${current}`} aria-labelledby={`tab-${current}`} className="tabpanel" tabIndex={0}>
        {needsClinical && clinicalError ? <ErrorAlert error={clinicalError} /> : null}
        {needsClinical && !clinical && !clinicalError ? <Loading /> : null}
        {current === 'datos' ? <DetailsSection patient={patient} onDone={onDone} /> : null}
        {current === 'diagnosticos' && clinical ? <DiagnosesSection patient={patient} clinical={clinical} onDone={onDone} /> : null}
        {current === 'tratamiento' && clinical ? <TreatmentSection patient={patient} clinical={clinical} onDone={onDone} /> : null}
        {current === 'mediciones' && clinical ? <MeasurementsSection patient={patient} clinical={clinical} onDone={onDone} /> : null}
        {current === 'seguimiento' && clinical ? <FollowUpSection patient={patient} clinical={clinical} onDone={onDone} /> : null}
        {current === 'historial' ? <TimelineSection patient={patient} /> : null}
      </div>
    </div>
  );
}
