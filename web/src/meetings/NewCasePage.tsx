import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import type { PatientSearchPage } from '../api/types.ts';
import { useSession } from '../auth/session.tsx';
import { ErrorAlert, Loading, PageHeader } from '../components/feedback.tsx';
import { SelectField, TextAreaField, TextField } from '../components/forms.tsx';
import { useVisibleUnits } from '../patients/api.ts';
import { fullName, mexicoLocalToIso } from '../patients/format.ts';
import { useLiveForm } from '../patients/useLiveForm.ts';
import { phoneProblem } from '../patients/validation.ts';
import { invalidateMeetings, useOfficials } from './api.ts';
import { officialOptions } from './dialogs.tsx';
import { caseCode, formatLongDate, meetingDayForReceived, nowMexicoLocal } from './format.ts';
import { CASE_CATEGORIES, CASE_CHANNELS, type CaseView } from './types.ts';
import '../patients/patients.css';
import './meetings.css';

interface PickedPatient {
  id: string;
  name: string;
  curp: string;
  unitId: string;
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

/** What the person is told once a case is saved: its code, or the meeting that will take it. */
export function createdMessage(t: TFunction, c: CaseView, lang: string): string {
  if (c.code) return t('meetings.newCase.createdCode', { code: caseCode(c.code) });
  const received = nowMexicoLocal(new Date(c.receivedAt)).slice(0, 10);
  return t('meetings.newCase.createdWaiting', { day: formatLongDate(meetingDayForReceived(received), lang) });
}

/**
 * «Nuevo caso»: category, a title without names, the family's account, channel and reception
 * time, hospital, the patient (searched in the registry when the user may read it, otherwise a
 * free name), who reported it and the official in charge.
 */
export function NewCasePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { can } = useSession();
  const { units, pending: unitsPending } = useVisibleUnits();
  const officials = useOfficials(can('meetings.manage'));
  const key = useIdempotencyKey();
  const registry = can('patients.read');
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<PickedPatient | null>(null);
  const debounced = useDebounced(q.trim(), 300);
  const search = useQuery({
    queryKey: ['patients', 'list', { q: debounced, cases: true }],
    queryFn: ({ signal }) => api<PatientSearchPage>('/api/patients', { query: { q: debounced, limit: 8 }, signal }),
    enabled: registry && !picked && debounced.length >= 3,
  });

  const form = useLiveForm(
    {
      category: '',
      title: '',
      description: '',
      channel: 'EMAIL',
      receivedAt: nowMexicoLocal(),
      unitId: '',
      patientName: '',
      reporterName: '',
      reporterPhone: '',
      responsibleOfficialId: '',
    },
    (v) => ({
      category: v.category ? undefined : t('meetings.errors.choose'),
      title: v.title.trim() ? undefined : t('meetings.errors.required'),
      unitId: v.unitId ? undefined : t('meetings.errors.choose'),
      receivedAt: !v.receivedAt ? t('meetings.errors.date') : v.receivedAt > nowMexicoLocal() ? t('meetings.errors.future') : undefined,
      reporterPhone: phoneProblem(t, v.reporterPhone),
      patientName: !picked && !v.patientName.trim() ? t('meetings.errors.patient') : undefined,
    }),
    { instant: ['reporterPhone'] },
  );
  const v = form.values;

  // The only unit of a unit's staff is chosen from the start.
  const onlyUnit = units.length === 1 ? units[0]!.id : null;
  const setField = form.set;
  useEffect(() => {
    if (!v.unitId && onlyUnit) setField('unitId', onlyUnit);
  }, [onlyUnit, v.unitId, setField]);

  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => api<CaseView>('/api/cases', { method: 'POST', body, idempotencyKey: key(body) }),
    onSuccess: () => invalidateMeetings(queryClient),
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.check()) return;
    save.mutate(
      {
        category: v.category,
        title: v.title.trim(),
        channel: v.channel,
        receivedAt: mexicoLocalToIso(v.receivedAt),
        unitId: v.unitId,
        ...(v.description.trim() ? { description: v.description.trim() } : {}),
        ...(picked ? { patientId: picked.id } : v.patientName.trim() ? { patientName: v.patientName.trim() } : {}),
        ...(v.reporterName.trim() ? { reporterName: v.reporterName.trim() } : {}),
        ...(v.reporterPhone.trim() ? { reporterPhone: v.reporterPhone.trim() } : {}),
        ...(v.responsibleOfficialId ? { responsibleOfficialId: v.responsibleOfficialId } : {}),
      },
      {
        onSuccess: (c) => navigate(`/casos/${c.id}`, { state: { notice: createdMessage(t, c, lang) } }),
        onError: form.fromServer,
      },
    );
  };

  const fields = {
    category: t('meetings.newCase.category'),
    title: t('meetings.newCase.titleField'),
    description: t('meetings.newCase.description'),
    channel: t('meetings.newCase.channel'),
    receivedAt: t('meetings.newCase.receivedAt'),
    unitId: t('meetings.newCase.hospital'),
    patientId: t('meetings.newCase.patient'),
    patientName: t('meetings.newCase.patientName'),
    reporterName: t('meetings.newCase.reporterName'),
    reporterPhone: t('meetings.newCase.reporterPhone'),
    responsibleOfficialId: t('meetings.newCase.responsible'),
  };

  return (
    <>
      <p className="back-link">
        <Link to="/casos">
          <span aria-hidden="true">← </span>
          {t('meetings.backToCases')}
        </Link>
      </p>
      <PageHeader title={t('meetings.newCase.title')} intro={t('meetings.newCase.intro')} />
      <form ref={form.formRef} className="patient-form case-form" onSubmit={onSubmit} noValidate>
        <ErrorAlert error={save.error} fields={fields} />
        <section className="card form-section">
          <h2>{t('meetings.newCase.sectionCase')}</h2>
          <div className="form-grid">
            <SelectField
              label={fields.category}
              {...form.bind('category')}
              placeholder={t('meetings.attendance.chooseRelationship')}
              options={CASE_CATEGORIES.map((c) => ({ value: c, label: t(`meetings.caseCategory.${c}`) }))}
              required
            />
            <SelectField label={fields.channel} {...form.bind('channel')} options={CASE_CHANNELS.map((c) => ({ value: c, label: t(`meetings.channel.${c}`) }))} />
            <TextField label={fields.title} {...form.bind('title')} hint={t('meetings.newCase.titleHint')} span="full" maxLength={200} autoComplete="off" required />
            <TextAreaField label={fields.description} {...form.bind('description')} hint={t('meetings.newCase.descriptionHint')} span="full" rows={4} maxLength={5000} />
            <TextField
              label={fields.receivedAt}
              type="datetime-local"
              {...form.bind('receivedAt')}
              max={nowMexicoLocal()}
              hint={v.receivedAt ? t('meetings.newCase.receivedHint', { day: formatLongDate(meetingDayForReceived(v.receivedAt.slice(0, 10)), lang) }) : undefined}
              required
            />
            <SelectField
              label={fields.unitId}
              {...form.bind('unitId')}
              placeholder={unitsPending ? t('app.loading') : t('meetings.newCase.chooseHospital')}
              options={units.map((u) => ({ value: u.id, label: u.shortName }))}
              required
            />
          </div>
        </section>

        <section className="card form-section">
          <h2>{fields.patientId}</h2>
          {registry ? (
            picked ? (
              <p className="picked-patient">
                <span>{t('meetings.newCase.patientPicked', { name: picked.name })}</span> <span className="mono small">{picked.curp}</span>{' '}
                <button type="button" className="btn btn-ghost btn-small" onClick={() => setPicked(null)}>
                  {t('meetings.newCase.patientRemove')}
                </button>
              </p>
            ) : (
              <>
                <TextField
                  label={t('meetings.newCase.patientSearch')}
                  type="search"
                  value={q}
                  onChange={(e) => setQ(e.target.value)}
                  hint={t('meetings.newCase.patientSearchHint')}
                  autoComplete="off"
                  spellCheck={false}
                />
                {search.isFetching ? <Loading /> : null}
                {debounced.length >= 3 && search.data ? (
                  search.data.items.length ? (
                    <ul className="picker-options patient-results" aria-label={t('meetings.newCase.patientResults')}>
                      {search.data.items.map((p) => (
                        <li key={p.id}>
                          <button
                            type="button"
                            className="patient-option"
                            onClick={() => {
                              setPicked({ id: p.id, name: fullName(p), curp: p.curp, unitId: p.unitId });
                              if (!v.unitId) form.set('unitId', p.unitId);
                            }}
                          >
                            <span className="check-title">{fullName(p)}</span>
                            <span className="check-desc">
                              <span className="mono">{p.curp}</span> · {p.unitName}
                            </span>
                          </button>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="muted small">{t('meetings.newCase.patientNone')}</p>
                  )
                ) : null}
              </>
            )
          ) : null}
          {!picked ? (
            <div className="form-grid">
              <TextField label={fields.patientName} {...form.bind('patientName')} hint={t('meetings.newCase.patientNameHint')} autoComplete="off" required />
            </div>
          ) : null}
        </section>

        <section className="card form-section">
          <h2>{t('meetings.newCase.sectionFollow')}</h2>
          <div className="form-grid">
            <TextField label={fields.reporterName} {...form.bind('reporterName')} autoComplete="off" />
            <TextField label={fields.reporterPhone} type="tel" {...form.bind('reporterPhone')} autoComplete="off" />
            {can('meetings.manage') ? (
              <SelectField
                label={fields.responsibleOfficialId}
                {...form.bind('responsibleOfficialId')}
                placeholder={t('meetings.newCase.chooseResponsible')}
                options={officialOptions(officials.data)}
                hint={t('meetings.newCase.responsibleHint')}
                span="full"
              />
            ) : null}
          </div>
        </section>
        <div className="form-actions">
          <Link to="/casos" className="btn btn-secondary">
            {t('common.cancel')}
          </Link>
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            {save.isPending ? t('common.saving') : t('meetings.newCase.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
