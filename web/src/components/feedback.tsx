import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError, NETWORK_ERROR } from '../api/client.ts';

/** Spanish text for any error: the server's detail when there is one. */
export function errorText(err: unknown, t: TFunction): string {
  if (err instanceof ApiError) {
    if (err.code === NETWORK_ERROR) return t('errors.network');
    if (err.detail) return err.detail;
  }
  return t('errors.unexpected');
}

/**
 * The error of a form or a page, announced to screen readers (role="alert"). When the server
 * names fields that are on the form (`fields`: server name → visible label), the summary lists
 * them by their label, as the messages next to each field do; otherwise it shows the server's
 * Spanish detail. Field errors for fields not on the form are listed too.
 */
export function ErrorAlert({ error, fields, title }: { error: unknown; fields?: Record<string, string>; title?: ReactNode }) {
  const { t } = useTranslation();
  if (!error) return null;
  // `version` errors (409 VERSION_CONFLICT) are explained by the detail; the number means nothing to people.
  const perField = error instanceof ApiError ? Object.entries(error.fieldMessages()).filter(([f]) => f !== 'version') : [];
  // Schema errors come with a generic detail naming JSON keys; list them by their labels instead.
  const labelled =
    fields && error instanceof ApiError && error.code === 'VALIDATION_FAILED' && perField.length > 0 && perField.every(([f]) => f in fields);
  const extra = fields && !labelled ? perField.filter(([f]) => !(f in fields)) : [];
  const requestId = error instanceof ApiError && error.status >= 500 ? error.requestId : undefined;
  return (
    <div className="alert alert-error" role="alert">
      <svg aria-hidden="true" viewBox="0 0 20 20" width="20" height="20" className="alert-icon">
        <circle cx="10" cy="10" r="9" fill="currentColor" />
        <rect x="9" y="4.5" width="2" height="7.5" rx="1" fill="#fff" />
        <circle cx="10" cy="14.6" r="1.2" fill="#fff" />
      </svg>
      <div>
        {title ? <p className="alert-title">{title}</p> : null}
        {labelled ? (
          <>
            <p>{t('common.fieldErrorsIntro')}</p>
            <ul className="alert-list">
              {perField.map(([f, m]) => (
                <li key={f}>
                  <strong>{fields[f]}</strong>: {m}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>{errorText(error, t)}</p>
        )}
        {extra.length ? (
          <ul className="alert-list">
            {extra.map(([f, m]) => (
              <li key={f}>
                «{f}»: {m}
              </li>
            ))}
          </ul>
        ) : null}
        {requestId ? <p className="alert-meta">{t('common.requestId', { id: requestId })}</p> : null}
      </div>
    </div>
  );
}

/** A success or information message, announced politely. */
export function Notice({ children, tone = 'success', onDismiss }: { children: ReactNode; tone?: 'success' | 'info' | 'warning'; onDismiss?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className={`alert alert-${tone}`} role="status">
      <svg aria-hidden="true" viewBox="0 0 20 20" width="20" height="20" className="alert-icon">
        <circle cx="10" cy="10" r="9" fill="currentColor" />
        {tone === 'success' ? (
          <path d="M5.8 10.3l2.7 2.7 5.7-5.8" stroke="#fff" strokeWidth="2" fill="none" strokeLinecap="round" strokeLinejoin="round" />
        ) : (
          <>
            <rect x="9" y="8.5" width="2" height="6.5" rx="1" fill="#fff" />
            <circle cx="10" cy="5.6" r="1.2" fill="#fff" />
          </>
        )}
      </svg>
      <div className="alert-body">{children}</div>
      {onDismiss ? (
        <button type="button" className="alert-dismiss" onClick={onDismiss}>
          <span aria-hidden="true">×</span>
          <span className="visually-hidden">{t('common.close')}</span>
        </button>
      ) : null}
    </div>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('app.loading')}
    </p>
  );
}

export function Badge({ tone, children }: { tone: 'ok' | 'muted' | 'danger' | 'warning' | 'info' | 'neutral'; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

/** Page title (h1) that receives focus after navigation, and the document title. */
export function PageHeader({ title, intro, actions }: { title: string; intro?: ReactNode; actions?: ReactNode }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
  }, [t, title]);
  useEffect(() => {
    // Move focus to the new page's heading so screen readers announce it (not on first load).
    if (document.activeElement && document.activeElement !== document.body) ref.current?.focus();
  }, []);
  return (
    <div className="page-header">
      <div>
        <h1 ref={ref} tabIndex={-1}>
          {title}
        </h1>
        {intro ? <p className="page-intro">{intro}</p> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </div>
  );
}

/** "Cargar más" for keyset pages, with a polite count of what is shown. */
export function LoadMore({
  shown,
  hasMore,
  loading,
  onMore,
}: {
  shown: number;
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="load-more">
      <p className="load-more-count" aria-live="polite">
        {t('common.showing', { count: shown })}. {hasMore ? t('common.moreAvailable') : t('common.noMore')}
      </p>
      {hasMore ? (
        <button type="button" className="btn btn-secondary" onClick={onMore} disabled={loading}>
          {loading ? t('common.loadingMore') : t('common.loadMore')}
        </button>
      ) : null}
    </div>
  );
}
