import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useSession } from '../auth/session.tsx';
import { ErrorAlert, Loading, Notice, PageHeader } from '../components/feedback.tsx';
import { TextField } from '../components/forms.tsx';
import { formatDateTime } from '../lib/format.ts';
import { useFlow, usePublishFlow } from './api.ts';
import type { FlowDetail } from './types.ts';
import { WhatsAppTabs } from './WhatsAppTabs.tsx';

const pretty = (v: unknown) => JSON.stringify(v, null, 2);

/**
 * A flow (/whatsapp/flujos/:key): its JSON definition in a monospace editor, "Validar y publicar"
 * with a comment (the server validates; errors name their JSON path), and the version history
 * (?version=n shows an older one read-only).
 */
export function FlowPage() {
  const { t } = useTranslation();
  const { key = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const version = Number(params.get('version')) || null;
  const flow = useFlow(key, version);
  const latest = useFlow(key, null);

  return (
    <>
      <WhatsAppTabs />
      <p className="back-link">
        <Link to="/whatsapp/flujos">← {t('whatsapp.flows.back')}</Link>
      </p>
      {flow.isPending ? <Loading /> : null}
      {flow.isError ? <ErrorAlert error={flow.error} /> : null}
      {flow.data ? (
        <FlowEditor
          key={`${flow.data.key}@${flow.data.version}`}
          flow={flow.data}
          latestVersion={latest.data?.version ?? flow.data.version}
          history={latest.data?.versions ?? flow.data.versions}
          readOnlyVersion={version !== null && version !== latest.data?.version ? version : null}
          onView={(v) => setParams(v ? { version: String(v) } : {})}
          onReload={() => void latest.refetch().then(() => flow.refetch())}
        />
      ) : null}
    </>
  );
}

function FlowEditor({
  flow,
  latestVersion,
  history,
  readOnlyVersion,
  onView,
  onReload,
}: {
  flow: FlowDetail;
  latestVersion: number;
  history: FlowDetail['versions'];
  readOnlyVersion: number | null;
  onView: (v: number | null) => void;
  onReload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const canEdit = can('whatsapp.manage') && readOnlyVersion === null;
  const [text, setText] = useState(() => pretty(flow.definition));
  const [comment, setComment] = useState('');
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [published, setPublished] = useState<number | null>(null);
  const publish = usePublishFlow(flow.key);
  useEffect(() => setText(pretty(flow.definition)), [flow.definition]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    let definition: unknown;
    try {
      definition = JSON.parse(text);
    } catch (err) {
      setJsonError(t('whatsapp.flows.invalidJson', { error: err instanceof Error ? err.message : String(err) }));
      return;
    }
    setJsonError(null);
    setPublished(null);
    publish.mutate(
      { definition, comment: comment.trim(), baseVersion: flow.version },
      {
        onSuccess: (r) => {
          setPublished(r.version);
          setComment('');
          onView(null);
        },
      },
    );
  };
  const err = publish.error instanceof ApiError ? publish.error : null;
  const conflict = err?.status === 409;
  const definitionErrors = err && err.status === 400 ? err.errors.filter((e) => e.field !== 'comment') : [];
  const commentError = err?.errors.find((e) => e.field === 'comment')?.message;

  return (
    <>
      <PageHeader title={flow.name} intro={`${t('whatsapp.flows.versionN', { n: String(flow.version) })}${flow.version === latestVersion ? ` (${t('whatsapp.flows.current')})` : ''} · ${flow.key}`} />
      {published ? (
        <Notice onDismiss={() => setPublished(null)}>{t('whatsapp.flows.published', { n: String(published) })}</Notice>
      ) : null}
      {readOnlyVersion !== null ? (
        <Notice tone="info">
          {t('whatsapp.flows.viewing', { n: String(readOnlyVersion) })}{' '}
          <button type="button" className="btn btn-secondary btn-small" onClick={() => onView(null)}>
            {t('whatsapp.flows.backToLatest')}
          </button>
        </Notice>
      ) : null}
      {!can('whatsapp.manage') ? <Notice tone="info">{t('whatsapp.flows.readOnly')}</Notice> : null}
      <div className="wa-flow">
        <form className="card wa-flow-editor" onSubmit={submit} noValidate>
          <div className="field">
            <div className="section-bar">
              <label htmlFor="wa-flow-json" className="field-label">
                {t('whatsapp.flows.definition')}
              </label>
              {canEdit ? (
                <button
                  type="button"
                  className="btn btn-secondary btn-small"
                  onClick={() => {
                    try {
                      setText(pretty(JSON.parse(text)));
                      setJsonError(null);
                    } catch (e) {
                      setJsonError(t('whatsapp.flows.invalidJson', { error: e instanceof Error ? e.message : String(e) }));
                    }
                  }}
                >
                  {t('whatsapp.flows.format')}
                </button>
              ) : null}
            </div>
            <p className="field-hint" id="wa-flow-json-hint">
              {t('whatsapp.flows.definitionHint')}
            </p>
            <textarea
              id="wa-flow-json"
              className="input textarea wa-json"
              spellCheck={false}
              autoCapitalize="off"
              autoCorrect="off"
              readOnly={!canEdit}
              aria-describedby="wa-flow-json-hint"
              aria-invalid={jsonError || definitionErrors.length ? true : undefined}
              value={text}
              onChange={(e) => setText(e.target.value)}
              rows={28}
            />
          </div>
          {jsonError ? (
            <div className="alert alert-error" role="alert">
              <p>{jsonError}</p>
            </div>
          ) : null}
          {definitionErrors.length ? (
            <div className="alert alert-error" role="alert">
              <div>
                <p className="alert-title">{t('whatsapp.flows.errorsTitle')}</p>
                <ul className="alert-list wa-flow-errors">
                  {definitionErrors.map((e, i) => (
                    <li key={i}>
                      <code>{e.field.replace(/^definition\.?/, '') || e.field}</code>: {e.message}
                    </li>
                  ))}
                </ul>
              </div>
            </div>
          ) : null}
          {conflict ? (
            <div className="alert alert-error" role="alert">
              <div>
                <p>{t('whatsapp.flows.conflict')}</p>
                <button type="button" className="btn btn-secondary btn-small" onClick={onReload}>
                  {t('whatsapp.flows.reload')}
                </button>
              </div>
            </div>
          ) : null}
          {err && !conflict && !definitionErrors.length && !commentError ? <ErrorAlert error={err} /> : null}
          {publish.error && !err ? <ErrorAlert error={publish.error} /> : null}
          {canEdit ? (
            <div className="wa-flow-publish">
              <TextField
                label={t('whatsapp.flows.comment')}
                name="comment"
                required
                maxLength={500}
                value={comment}
                hint={t('whatsapp.flows.commentHint')}
                error={commentError}
                onChange={(e) => setComment(e.target.value)}
              />
              <button type="submit" className="btn btn-primary" disabled={publish.isPending}>
                {t('whatsapp.flows.publish')}
              </button>
            </div>
          ) : null}
        </form>
        <aside className="wa-flow-side">
          <section className="card" aria-labelledby="wa-flow-history">
            <h2 id="wa-flow-history">{t('whatsapp.flows.history')}</h2>
            <div className="table-wrap">
              <table className="table table-compact">
                <thead>
                  <tr>
                    <th scope="col">{t('whatsapp.flows.historyCol.version')}</th>
                    <th scope="col">{t('whatsapp.flows.historyCol.when')}</th>
                    <th scope="col">{t('whatsapp.flows.historyCol.comment')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('common.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {history.map((v) => (
                    <tr key={v.version} aria-current={v.version === flow.version ? 'true' : undefined}>
                      <th scope="row">{v.version}</th>
                      <td>
                        {formatDateTime(v.createdAt, i18n.language)}
                        <span className="cell-sub">{v.createdBy?.displayName ?? '—'}</span>
                      </td>
                      <td>{v.comment ?? <span className="muted">{t('whatsapp.flows.noComment')}</span>}</td>
                      <td>
                        {v.version !== flow.version ? (
                          <button
                            type="button"
                            className="btn btn-secondary btn-small"
                            aria-label={t('whatsapp.flows.seeVersion', { n: String(v.version) })}
                            onClick={() => onView(v.version === latestVersion ? null : v.version)}
                          >
                            {t('whatsapp.flows.see')}
                          </button>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <FlowHelp />
        </aside>
      </div>
    </>
  );
}

function FlowHelp() {
  const { t } = useTranslation();
  return (
    <details className="card wa-flow-help">
      <summary>{t('whatsapp.flows.help.title')}</summary>
      <p>{t('whatsapp.flows.help.flow')}</p>
      <p>{t('whatsapp.flows.help.node')}</p>
      <p>{t('whatsapp.flows.help.actions')}</p>
      <p>{t('whatsapp.flows.help.effects')}</p>
      <p>{t('whatsapp.flows.help.router')}</p>
      <p>{t('whatsapp.flows.help.tests')}</p>
      <p>{t('whatsapp.flows.help.templates', { a: ['{{contact.name}}', '{{contact.firstName}}', '{{results.<nombre>}}', '{{fields.<nombre>}}', '{{input}}'].join(', ') })}</p>
      <p>{t('whatsapp.flows.help.global')}</p>
    </details>
  );
}
