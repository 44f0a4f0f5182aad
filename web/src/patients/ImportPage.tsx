import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError, buildUrl, type FieldError } from '../api/client.ts';
import { newIdempotencyKey } from '../api/idempotency.ts';
import type { Session } from '../api/types.ts';
import { ErrorAlert, Notice, PageHeader } from '../components/feedback.tsx';
import { SelectField } from '../components/forms.tsx';
import { formatNumber } from './format.ts';
import { useVisibleUnits } from './api.ts';
import './patients.css';

interface Rejection {
  row: number;
  curp?: string;
  errors: FieldError[];
}

export interface DryRun {
  id: string;
  unitId: string;
  fileName: string;
  format: 'CSV' | 'XLSX';
  status: 'VALIDATED';
  totalRows: number;
  acceptedRows: number;
  rejectedRows: number;
  rejections: Rejection[];
  rejectionsTruncated: boolean;
}

export interface ImportState {
  id: string;
  unitId: string;
  unitName: string;
  fileName: string;
  status: 'VALIDATED' | 'COMMITTING' | 'COMMITTED' | 'FAILED';
  totalRows: number;
  acceptedRows: number;
  rejectedRows: number;
  processedRows: number;
  createdRows: number;
  skippedAsDuplicate: number;
  percent: number;
  stalled: boolean;
  error: string | null;
  skipped: { row: number; curp: string; message: string }[];
}

/**
 * Sends the file as multipart/form-data with the session's CSRF token (the JSON client cannot),
 * and turns a problem+json answer into an ApiError like every other call.
 */
async function uploadForDryRun(unitId: string, file: File): Promise<DryRun> {
  const { csrfToken } = await api<Session>('/api/auth/me');
  const body = new FormData();
  body.append('archivo', file, file.name);
  let res: Response;
  try {
    res = await fetch(buildUrl('/api/registry/imports', { unitId }), {
      method: 'POST',
      body,
      credentials: 'same-origin',
      headers: { accept: 'application/json, application/problem+json', 'x-csrf-token': csrfToken },
    });
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', title: '', detail: '' });
  }
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    // not JSON (proxy error page)
  }
  if (res.ok) return json as unknown as DryRun;
  throw new ApiError({
    status: res.status,
    code: typeof json.code === 'string' ? json.code : `HTTP_${res.status}`,
    title: typeof json.title === 'string' ? json.title : res.statusText,
    detail: typeof json.detail === 'string' ? json.detail : '',
    errors: Array.isArray(json.errors) ? (json.errors as FieldError[]) : [],
  });
}

type Step = 1 | 2 | 3 | 4;

/** registered + skipped = accepted, and accepted + rejected = rows in the file. */
const reconciles = (s: ImportState) => s.createdRows + s.skippedAsDuplicate === s.acceptedRows && s.acceptedRows + s.rejectedRows === s.totalRows;

/** Importar: template, upload, dry-run report of rejected rows, commit with progress and reconciled counts. */
export function ImportPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const queryClient = useQueryClient();
  const { units } = useVisibleUnits();
  const [unitId, setUnitId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [dryRun, setDryRun] = useState<DryRun | null>(null);
  const [committing, setCommitting] = useState(false);
  const commitKey = useRef<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!unitId && units.length === 1) setUnitId(units[0]!.id);
  }, [units, unitId]);

  const check = useMutation({
    mutationFn: () => uploadForDryRun(unitId, file!),
    onSuccess: (r) => {
      setDryRun(r);
      commitKey.current = newIdempotencyKey();
    },
  });

  const commit = useMutation({
    mutationFn: () => api<ImportState>(`/api/registry/imports/${dryRun!.id}/commit`, { method: 'POST', idempotencyKey: commitKey.current ?? undefined }),
    onMutate: () => setCommitting(true),
    onSettled: () => setCommitting(false),
    onSuccess: (r) => {
      queryClient.setQueryData(['imports', r.id], r);
      void queryClient.invalidateQueries({ queryKey: ['patients'] });
      void queryClient.invalidateQueries({ queryKey: ['registry'] });
      void queryClient.invalidateQueries({ queryKey: ['worklists'] });
    },
  });
  // While the commit runs, the import's state shows how far it got.
  const progress = useQuery({
    queryKey: ['imports', dryRun?.id ?? ''],
    queryFn: ({ signal }) => api<ImportState>(`/api/registry/imports/${dryRun!.id}`, { signal }),
    enabled: Boolean(dryRun) && (committing || commit.isSuccess),
    refetchInterval: committing ? 400 : false,
  });
  const final = commit.data ?? null;
  const state = final ?? progress.data ?? null;

  const step: Step = final && final.status === 'COMMITTED' ? 4 : committing || commit.isError ? 4 : dryRun ? 3 : 2;

  const onCheck = (e: FormEvent) => {
    e.preventDefault();
    if (!file) {
      setFileError(t('imports.errors.noFile'));
      return;
    }
    check.mutate();
  };
  const restart = () => {
    setDryRun(null);
    setFile(null);
    setFileError(undefined);
    check.reset();
    commit.reset();
    if (fileInput.current) fileInput.current.value = '';
  };
  const unitName = units.find((u) => u.id === unitId)?.shortName ?? '';

  return (
    <>
      <p className="back-link">
        <Link to="/pacientes">
          <span aria-hidden="true">← </span>
          {t('record.backToList')}
        </Link>
      </p>
      <PageHeader title={t('imports.title')} intro={t('imports.intro')} />
      <ol className="steps" aria-label={t('imports.stepsLabel')}>
        {([1, 2, 3, 4] as const).map((s) => (
          <li key={s} className={s === step ? 'is-current' : s < step ? 'is-done' : ''} aria-current={s === step ? 'step' : undefined}>
            <span className="step-n">{s}</span> {t(`imports.steps.${s}`)}
          </li>
        ))}
      </ol>

      <section className="card form-section" aria-labelledby="imp-template">
        <h2 id="imp-template">{t('imports.templateTitle')}</h2>
        <p>{t('imports.templateIntro')}</p>
        <div className="export-buttons">
          <a className="btn btn-secondary" href={buildUrl('/api/registry/import/template', { format: 'xlsx' })} download>
            {t('imports.templateXlsx')}
          </a>
          <a className="btn btn-secondary" href={buildUrl('/api/registry/import/template', { format: 'csv' })} download>
            {t('imports.templateCsv')}
          </a>
        </div>
      </section>

      {step <= 2 ? (
        <form className="card form-section" onSubmit={onCheck} noValidate aria-labelledby="imp-upload">
          <h2 id="imp-upload">{t('imports.uploadTitle')}</h2>
          <ErrorAlert error={check.error} title={check.error ? t('imports.fileRefused') : undefined} />
          <div className="form-grid">
            <SelectField
              label={t('imports.unit')}
              name="unitId"
              value={unitId}
              onChange={(e) => setUnitId(e.target.value)}
              placeholder={t('patients.form.chooseUnit')}
              options={units.map((u) => ({ value: u.id, label: u.shortName }))}
              hint={t('imports.unitHint')}
              required
            />
            <div className={`field ${fileError ? 'has-error' : ''}`}>
              <label className="field-label" htmlFor="import-file">
                {t('imports.file')}
                <span className="field-required" aria-hidden="true">
                  {' *'}
                </span>
              </label>
              <input
                ref={fileInput}
                id="import-file"
                type="file"
                className="input file-input"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-invalid={fileError ? true : undefined}
                aria-describedby={fileError ? 'import-file-error import-file-hint' : 'import-file-hint'}
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  setFileError(undefined);
                  check.reset();
                }}
              />
              {fileError ? (
                <p className="field-error" id="import-file-error">
                  {fileError}
                </p>
              ) : null}
              <p className="field-hint" id="import-file-hint">
                {t('imports.fileHint')}
              </p>
            </div>
          </div>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={check.isPending || !unitId}>
              {check.isPending ? t('imports.checking') : t('imports.check')}
            </button>
          </div>
        </form>
      ) : null}

      {dryRun && step === 3 ? (
        <section className="card form-section" aria-labelledby="imp-report" data-testid="dry-run">
          <h2 id="imp-report">{t('imports.reportTitle', { file: dryRun.fileName })}</h2>
          <ul className="stats import-stats">
            <li className="stat">
              <span className="stat-value">{formatNumber(dryRun.totalRows, lang)}</span>
              <span className="stat-label">{t('imports.total')}</span>
            </li>
            <li className="stat stat-ok">
              <span className="stat-value" data-testid="accepted">
                {formatNumber(dryRun.acceptedRows, lang)}
              </span>
              <span className="stat-label">{t('imports.accepted')}</span>
            </li>
            <li className={`stat ${dryRun.rejectedRows ? 'stat-bad' : ''}`}>
              <span className="stat-value" data-testid="rejected">
                {formatNumber(dryRun.rejectedRows, lang)}
              </span>
              <span className="stat-label">{t('imports.rejected')}</span>
            </li>
          </ul>
          <p className="muted small">{t('imports.reportNote', { unit: unitName })}</p>
          {dryRun.rejections.length ? (
            <>
              <h3>{t('imports.rejectionsTitle')}</h3>
              <div className="table-wrap">
                <table className="table table-responsive table-compact rejections-table">
                  <caption className="visually-hidden">{t('imports.rejectionsTitle')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('imports.col.row')}</th>
                      <th scope="col">{t('imports.col.curp')}</th>
                      <th scope="col">{t('imports.col.reasons')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {dryRun.rejections.map((r) => (
                      <tr key={r.row} data-row={r.row}>
                        <td data-label={t('imports.col.row')} className="num">
                          {r.row}
                        </td>
                        <td data-label={t('imports.col.curp')} className="mono">
                          {r.curp || '—'}
                        </td>
                        <td data-label={t('imports.col.reasons')}>
                          <ul className="reason-list">
                            {r.errors.map((e, i) => (
                              <li key={i}>
                                <strong>{e.field}</strong>: {e.message}
                              </li>
                            ))}
                          </ul>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {dryRun.rejectionsTruncated ? <p className="small muted">{t('imports.truncated')}</p> : null}
              <p>
                <a href={`/api/registry/imports/${dryRun.id}/rejections.csv`} download>
                  {t('imports.downloadRejections')}
                </a>
              </p>
            </>
          ) : (
            <Notice>{t('imports.allAccepted')}</Notice>
          )}
          <div className="form-actions">
            <button type="button" className="btn btn-secondary" onClick={restart}>
              {t('imports.another')}
            </button>
            <button type="button" className="btn btn-primary" disabled={dryRun.acceptedRows === 0} onClick={() => commit.mutate()}>
              {t('imports.commit', { count: dryRun.acceptedRows })}
            </button>
          </div>
        </section>
      ) : null}

      {dryRun && step === 4 ? (
        <section className="card form-section" aria-labelledby="imp-commit" data-testid="commit">
          <h2 id="imp-commit">{final?.status === 'COMMITTED' ? t('imports.doneTitle') : t('imports.committingTitle')}</h2>
          <ErrorAlert error={commit.error} />
          <div
            className="progress-bar progress-bar-lg"
            role="progressbar"
            aria-label={t('imports.progressLabel')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={state?.percent ?? 0}
          >
            <span style={{ width: `${state?.percent ?? 0}%` }} />
          </div>
          <p className="small muted" aria-live="polite">
            {t('imports.progress', { done: formatNumber(state?.processedRows ?? 0, lang), total: formatNumber(dryRun.acceptedRows, lang), percent: String(state?.percent ?? 0) })}
          </p>
          {final?.status === 'COMMITTED' ? (
            <>
              <dl className="reconcile" data-testid="reconcile">
                <div>
                  <dt>{t('imports.total')}</dt>
                  <dd>{formatNumber(final.totalRows, lang)}</dd>
                </div>
                <div>
                  <dt>{t('imports.rejected')}</dt>
                  <dd>{formatNumber(final.rejectedRows, lang)}</dd>
                </div>
                <div>
                  <dt>{t('imports.accepted')}</dt>
                  <dd>{formatNumber(final.acceptedRows, lang)}</dd>
                </div>
                <div>
                  <dt>{t('imports.created')}</dt>
                  <dd data-testid="created">{formatNumber(final.createdRows, lang)}</dd>
                </div>
                <div>
                  <dt>{t('imports.skipped')}</dt>
                  <dd>{formatNumber(final.skippedAsDuplicate, lang)}</dd>
                </div>
              </dl>
              <p className={reconciles(final) ? 'reconcile-ok' : 'warn-text'} data-testid="reconciled">
                {t(reconciles(final) ? 'imports.reconciled' : 'imports.notReconciled', {
                  created: formatNumber(final.createdRows, lang),
                  skipped: formatNumber(final.skippedAsDuplicate, lang),
                  accepted: formatNumber(final.acceptedRows, lang),
                  rejected: formatNumber(final.rejectedRows, lang),
                  total: formatNumber(final.totalRows, lang),
                })}
              </p>
              {final.skipped.length ? (
                <ul className="reason-list">
                  {final.skipped.map((s) => (
                    <li key={s.row}>
                      {t('imports.skippedRow', { row: String(s.row), curp: s.curp })}: {s.message}
                    </li>
                  ))}
                </ul>
              ) : null}
              <div className="form-actions">
                <button type="button" className="btn btn-secondary" onClick={restart}>
                  {t('imports.another')}
                </button>
                <Link to={`/pacientes?unitId=${final.unitId}`} className="btn btn-primary">
                  {t('imports.seePatients')}
                </Link>
              </div>
            </>
          ) : null}
          {commit.isError ? (
            <div className="form-actions">
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => {
                  commitKey.current = newIdempotencyKey();
                  commit.mutate();
                }}
              >
                {t('imports.retryCommit')}
              </button>
            </div>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
