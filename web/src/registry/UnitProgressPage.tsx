import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../api/client.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import type { CensusEntry, Training } from '../api/types.ts';
import { useSession } from '../auth/session.tsx';
import { FlashNotice } from '../components/dialogs.tsx';
import { ErrorAlert, Loading, PageHeader } from '../components/feedback.tsx';
import { SelectField, TextField } from '../components/forms.tsx';
import { formatDate, todayInMexico } from '../lib/format.ts';
import { formatNumber } from '../patients/format.ts';
import { useLiveForm } from '../patients/useLiveForm.ts';
import { pastDateProblem } from '../patients/validation.ts';
import { useCensus, useProgress, useTrainings, useWeekly } from './api.ts';
import { weeklyOption } from './charts.ts';
import { ExportButtons } from './ExportButtons.tsx';
import { Figure } from './Figure.tsx';
import { formatCutoff } from './format.ts';
import { ProgressStats, WeeklyTable, withCurrentWeek } from './ProgressPage.tsx';
import './registry.css';

/** One unit: its progress and weekly series, census history, staff trainings and data export. */
export function UnitProgressPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const lang = i18n.language;
  const progress = useProgress('unit', id);
  const weekly = useWeekly('unit', id, 52);
  const [notice, setNotice] = useState<string | null>(null);
  const row = progress.data?.rows[0];

  if (progress.isPending) return <Loading />;
  if (progress.isError || !row) {
    const missing = progress.error instanceof ApiError && (progress.error.status === 404 || progress.error.status === 400);
    return (
      <div className="narrow">
        <PageHeader title={missing ? t('registry.unit.notFoundTitle') : t('errors.loadFailed')} intro={missing ? t('registry.unit.notFound') : undefined} />
        {!missing ? <ErrorAlert error={progress.error} /> : null}
        <Link to="/registro" className="btn btn-secondary">
          {t('registry.unit.back')}
        </Link>
      </div>
    );
  }
  const scope = { label: t('registry.scope.unit', { name: row.name }), cutoff: progress.data.cutoff };
  return (
    <>
      <p className="back-link">
        <Link to="/registro">
          <span aria-hidden="true">← </span>
          {t('registry.unit.back')}
        </Link>
      </p>
      <PageHeader
        title={row.name}
        intro={`${row.state ?? ''}${row.level ? ` · ${t(`units.levelsLong.${row.level}`)}` : ''}`}
        actions={
          <Link to={`/registro/tablero?ambito=unit&id=${row.id}`} className="btn btn-secondary">
            {t('registry.unit.dashboard')}
          </Link>
        }
      />
      <FlashNotice message={notice} onDismiss={() => setNotice(null)} />
      <p className="cutoff-line">
        <span className="scope-chip">{scope.label}</span> {t('registry.cutoff', { date: formatCutoff(scope.cutoff, lang) })} ·{' '}
        <span className="muted">{t('registry.liveNote')}</span>
      </p>
      <ProgressStats row={row} showUnits={false} />

      {weekly.data ? (
        <Figure
          id="unit-weekly"
          title={t('registry.weekly.title')}
          scope={scope}
          count={row.newThisWeek}
          denominator={null}
          countNote={t('registry.weekly.countNote')}
          definition={t('registry.weekly.definition')}
          chart={{ option: weeklyOption(withCurrentWeek(weekly.data.series, row), t, lang), height: 300, description: t('registry.weekly.description') }}
          table={<WeeklyTable series={withCurrentWeek(weekly.data.series, row)} />}
        />
      ) : null}

      {can('patients.export') ? <ExportButtons unitId={row.id} unitName={row.name} /> : null}

      <div className="two-col">
        <CensusPanel unitId={row.id} canEdit={can('registry.census')} onSaved={setNotice} />
        <TrainingsPanel unitId={row.id} canEdit={can('registry.census')} onSaved={setNotice} />
      </div>
      <p className="small muted">{t('registry.unit.countsNote', { n: formatNumber(row.registered, lang) })}</p>
    </>
  );
}

function useCreate<B, R>(path: string, onDone: (r: R) => void) {
  const queryClient = useQueryClient();
  const key = useIdempotencyKey();
  return useMutation({
    mutationFn: (body: B) => api<R>(path, { method: 'POST', body, idempotencyKey: key(body) }),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: ['registry'] });
      onDone(r);
    },
  });
}

function CensusPanel({ unitId, canEdit, onSaved }: { unitId: string; canEdit: boolean; onSaved: (m: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const census = useCensus(unitId);
  const [open, setOpen] = useState(false);
  const form = useLiveForm(
    { expected: '', expectedPediatric: '', effectiveFrom: todayInMexico(), notes: '' },
    (v) => ({
      expected: !v.expected.trim() ? t('patients.form.errors.required') : !/^\d{1,6}$/.test(v.expected.trim()) ? t('clinical.errors.wholeNumber') : undefined,
      expectedPediatric:
        v.expectedPediatric && !/^\d{1,6}$/.test(v.expectedPediatric.trim())
          ? t('clinical.errors.wholeNumber')
          : v.expectedPediatric && v.expected && Number(v.expectedPediatric) > Number(v.expected)
            ? t('registry.census.errors.pediatricMax')
            : undefined,
      effectiveFrom: v.effectiveFrom ? undefined : t('patients.form.errors.required'),
    }),
    { instant: ['expected', 'expectedPediatric'] },
  );
  const save = useCreate<Record<string, unknown>, CensusEntry>('/api/registry/census', (c) => {
    setOpen(false);
    form.setValues({ expected: '', expectedPediatric: '', effectiveFrom: todayInMexico(), notes: '' });
    onSaved(t('registry.census.saved', { n: formatNumber(c.expected, lang), date: formatDate(c.effectiveFrom, lang) }));
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.check()) return;
    const v = form.values;
    save.mutate(
      {
        unitId,
        expected: Number(v.expected),
        effectiveFrom: v.effectiveFrom,
        ...(v.expectedPediatric ? { expectedPediatric: Number(v.expectedPediatric) } : {}),
        ...(v.notes.trim() ? { notes: v.notes.trim() } : {}),
      },
      { onError: form.fromServer },
    );
  };
  const items = [...(census.data?.items ?? [])].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  return (
    <section className="card" aria-labelledby="census-title">
      <div className="section-bar">
        <h2 id="census-title">{t('registry.census.title')}</h2>
        {canEdit && !open ? (
          <button type="button" className="btn btn-secondary btn-small" onClick={() => setOpen(true)}>
            <span aria-hidden="true">+ </span>
            {t('registry.census.add')}
          </button>
        ) : null}
      </div>
      <p className="muted small">{t('registry.census.intro')}</p>
      {canEdit && open ? (
        <form ref={form.formRef} onSubmit={onSubmit} noValidate className="inline-form">
          <ErrorAlert error={save.error} />
          <div className="form-grid">
            <TextField label={t('registry.census.expected')} {...form.bind('expected')} inputMode="numeric" autoComplete="off" required />
            <TextField label={t('registry.census.expectedPediatric')} {...form.bind('expectedPediatric')} inputMode="numeric" autoComplete="off" />
            <TextField label={t('registry.census.effectiveFrom')} type="date" {...form.bind('effectiveFrom')} required />
            <TextField label={t('registry.census.notes')} {...form.bind('notes')} autoComplete="off" />
          </div>
          <div className="form-actions">
            <button type="button" className="btn btn-secondary" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="btn btn-primary" disabled={save.isPending}>
              {save.isPending ? t('common.saving') : t('registry.census.save')}
            </button>
          </div>
        </form>
      ) : null}
      {census.isPending ? <Loading /> : null}
      {census.isError ? <ErrorAlert error={census.error} /> : null}
      {census.data && items.length === 0 ? <p className="empty">{t('registry.census.empty')}</p> : null}
      {items.length ? (
        <table className="table table-compact">
          <caption className="visually-hidden">{t('registry.census.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('registry.census.effectiveFrom')}</th>
              <th scope="col" className="num">
                {t('registry.census.expected')}
              </th>
              <th scope="col" className="num">
                {t('registry.census.pediatricShort')}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((c, i) => (
              <tr key={c.id}>
                <td>
                  {formatDate(c.effectiveFrom, lang)}
                  {i === 0 ? <span className="cell-sub">{t('registry.census.current')}</span> : null}
                  {c.notes ? <span className="cell-sub">{c.notes}</span> : null}
                </td>
                <td className="num">{formatNumber(c.expected, lang)}</td>
                <td className="num">{c.expectedPediatric === null ? '—' : formatNumber(c.expectedPediatric, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function TrainingsPanel({ unitId, canEdit, onSaved }: { unitId: string; canEdit: boolean; onSaved: (m: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const trainings = useTrainings(unitId);
  const [open, setOpen] = useState(false);
  const blank = { trainedOn: todayInMexico(), modality: 'IN_PERSON', peopleTrained: '', topic: '' };
  const form = useLiveForm(
    blank,
    (v) => ({
      trainedOn: pastDateProblem(t, v.trainedOn),
      peopleTrained: !v.peopleTrained.trim()
        ? t('patients.form.errors.required')
        : !/^\d{1,4}$/.test(v.peopleTrained.trim()) || Number(v.peopleTrained) < 1
          ? t('registry.trainings.errors.people')
          : undefined,
      topic: v.topic.trim() ? undefined : t('patients.form.errors.required'),
    }),
    { instant: ['peopleTrained', 'trainedOn'] },
  );
  const save = useCreate<Record<string, unknown>, Training>('/api/registry/trainings', (tr) => {
    setOpen(false);
    form.setValues(blank);
    onSaved(t('registry.trainings.saved', { topic: tr.topic }));
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.check()) return;
    const v = form.values;
    save.mutate({ unitId, trainedOn: v.trainedOn, modality: v.modality, peopleTrained: Number(v.peopleTrained), topic: v.topic.trim() }, { onError: form.fromServer });
  };
  const items = [...(trainings.data?.items ?? [])].sort((a, b) => b.trainedOn.localeCompare(a.trainedOn));
  const people = items.reduce((s, x) => s + x.peopleTrained, 0);
  return (
    <section className="card" aria-labelledby="trainings-title">
      <div className="section-bar">
        <h2 id="trainings-title">{t('registry.trainings.title')}</h2>
        {canEdit && !open ? (
          <button type="button" className="btn btn-secondary btn-small" onClick={() => setOpen(true)}>
            <span aria-hidden="true">+ </span>
            {t('registry.trainings.add')}
          </button>
        ) : null}
      </div>
      <p className="muted small">{items.length ? t('registry.trainings.summary', { count: items.length, people: formatNumber(people, lang) }) : t('registry.trainings.intro')}</p>
      {canEdit && open ? (
        <form ref={form.formRef} onSubmit={onSubmit} noValidate className="inline-form">
          <ErrorAlert error={save.error} />
          <div className="form-grid">
            <TextField label={t('registry.trainings.date')} type="date" {...form.bind('trainedOn')} max={todayInMexico()} required />
            <SelectField
              label={t('registry.trainings.modality')}
              {...form.bind('modality')}
              options={(['IN_PERSON', 'REMOTE'] as const).map((m) => ({ value: m, label: t(`registry.trainings.modalities.${m}`) }))}
            />
            <TextField label={t('registry.trainings.people')} {...form.bind('peopleTrained')} inputMode="numeric" autoComplete="off" required />
            <TextField label={t('registry.trainings.topic')} {...form.bind('topic')} autoComplete="off" required />
          </div>
          <div className="form-actions">
            <button type="button" className="btn btn-secondary" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="btn btn-primary" disabled={save.isPending}>
              {save.isPending ? t('common.saving') : t('registry.trainings.save')}
            </button>
          </div>
        </form>
      ) : null}
      {trainings.isPending ? <Loading /> : null}
      {trainings.isError ? <ErrorAlert error={trainings.error} /> : null}
      {trainings.data && items.length === 0 ? <p className="empty">{t('registry.trainings.empty')}</p> : null}
      {items.length ? (
        <table className="table table-compact">
          <caption className="visually-hidden">{t('registry.trainings.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('registry.trainings.date')}</th>
              <th scope="col">{t('registry.trainings.topic')}</th>
              <th scope="col">{t('registry.trainings.modality')}</th>
              <th scope="col" className="num">
                {t('registry.trainings.peopleShort')}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((x) => (
              <tr key={x.id}>
                <td>{formatDate(x.trainedOn, lang)}</td>
                <td>{x.topic}</td>
                <td>{t(`registry.trainings.modalities.${x.modality}`)}</td>
                <td className="num">{formatNumber(x.peopleTrained, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
