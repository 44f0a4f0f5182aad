import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import type { AuditEntry, Outcome } from '../api/types.ts';
import { FilterBar } from '../components/FilterBar.tsx';
import { Badge, ErrorAlert, Loading, LoadMore, PageHeader } from '../components/feedback.tsx';
import { SelectField, TextField } from '../components/forms.tsx';
import { formatDateTime, mexicoDayToIso } from '../lib/format.ts';
import { auditActionLabel, auditEntityLabel, roleName } from '../lib/labels.ts';
import { usePagedList } from '../lib/paging.ts';
import { useFilters } from '../lib/useFilters.ts';

const FILTERS = ['username', 'entity', 'entityId', 'action', 'outcome', 'from', 'to'] as const;
const OUTCOMES: Outcome[] = ['SUCCESS', 'DENIED', 'FAILURE'];
const KNOWN_ACTIONS = ['SEARCH', 'READ', 'CREATE', 'UPDATE', 'DEACTIVATE', 'REACTIVATE', 'LOGIN', 'LOGIN_FAILED', 'LOGOUT', 'ACCESS', 'RESET_PASSWORD'];
const KNOWN_ENTITIES = ['unit', 'user', 'role', 'session', 'password', 'audit_log'];
const OUTCOME_TONE = { SUCCESS: 'ok', DENIED: 'danger', FAILURE: 'warning' } as const;

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const f = useFilters(FILTERS);
  const list = usePagedList<AuditEntry>(['audit'], '/api/audit', {
    username: f.applied.username,
    entity: f.applied.entity,
    entityId: f.applied.entityId,
    action: f.applied.action,
    outcome: f.applied.outcome,
    from: f.applied.from ? mexicoDayToIso(f.applied.from) : undefined,
    to: f.applied.to ? mexicoDayToIso(f.applied.to, true) : undefined,
  });
  const fe = list.error instanceof ApiError ? list.error.fieldMessages() : {};

  return (
    <>
      <PageHeader title={t('audit.title')} intro={t('audit.intro')} />
      <FilterBar label={t('common.filters')} onSubmit={f.submit} onClear={f.clear}>
        <TextField
          label={t('audit.username')}
          name="username"
          value={f.draft.username}
          onChange={(e) => f.set('username', e.target.value)}
          error={fe.username}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
        />
        <TextField
          label={t('audit.entity')}
          name="entity"
          value={f.draft.entity}
          onChange={(e) => f.set('entity', e.target.value)}
          error={fe.entity}
          list="audit-entities"
          autoComplete="off"
          spellCheck={false}
        />
        <datalist id="audit-entities">
          {KNOWN_ENTITIES.map((e) => (
            <option key={e} value={e}>
              {auditEntityLabel(t, e)}
            </option>
          ))}
        </datalist>
        <TextField
          label={t('audit.action')}
          name="action"
          value={f.draft.action}
          onChange={(e) => f.set('action', e.target.value.toUpperCase())}
          error={fe.action}
          list="audit-actions"
          autoComplete="off"
          spellCheck={false}
        />
        <datalist id="audit-actions">
          {KNOWN_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {auditActionLabel(t, a)}
            </option>
          ))}
        </datalist>
        <SelectField
          label={t('audit.outcome')}
          name="outcome"
          value={f.draft.outcome}
          onChange={(e) => f.setAndApply('outcome', e.target.value)}
          placeholder={t('common.all')}
          options={OUTCOMES.map((o) => ({ value: o, label: t(`audit.outcomes.${o}`) }))}
          error={fe.outcome}
        />
        <TextField label={t('audit.from')} name="from" type="date" value={f.draft.from} onChange={(e) => f.set('from', e.target.value)} error={fe.from} />
        <TextField label={t('audit.to')} name="to" type="date" value={f.draft.to} onChange={(e) => f.set('to', e.target.value)} error={fe.to} />
        <TextField
          label={t('audit.entityId')}
          name="entityId"
          value={f.draft.entityId}
          onChange={(e) => f.set('entityId', e.target.value)}
          error={fe.entityId}
          autoComplete="off"
          spellCheck={false}
          className="mono"
        />
      </FilterBar>

      {list.isError ? (
        <ErrorAlert
          error={list.error}
          fields={{
            username: t('audit.username'),
            entity: t('audit.entity'),
            entityId: t('audit.entityId'),
            action: t('audit.action'),
            outcome: t('audit.outcome'),
            from: t('audit.from'),
            to: t('audit.to'),
          }}
        />
      ) : null}
      {list.isPending ? <Loading /> : null}
      {list.data ? (
        list.items.length === 0 ? (
          <p className="empty">{t('audit.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table-responsive table-audit">
              <caption className="visually-hidden">{t('audit.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.col.at')}</th>
                  <th scope="col">{t('audit.col.actor')}</th>
                  <th scope="col">{t('audit.col.roles')}</th>
                  <th scope="col">{t('audit.col.action')}</th>
                  <th scope="col">{t('audit.col.entity')}</th>
                  <th scope="col">{t('audit.col.entityId')}</th>
                  <th scope="col">{t('audit.col.outcome')}</th>
                  <th scope="col">{t('audit.col.ip')}</th>
                  <th scope="col">{t('audit.col.requestId')}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((e) => (
                  <tr key={e.id} data-audit-id={e.id}>
                    <td data-label={t('audit.col.at')} className="nowrap">
                      <time dateTime={e.at}>{formatDateTime(e.at, i18n.language)}</time>
                    </td>
                    <td data-label={t('audit.col.actor')} className="mono">
                      {e.actorUsername ?? <span className="muted">{e.actorId ? t('audit.system') : t('audit.anonymous')}</span>}
                    </td>
                    <td data-label={t('audit.col.roles')}>{e.roles.length ? e.roles.map((r) => roleName(t, r)).join(', ') : <span className="muted">—</span>}</td>
                    <td data-label={t('audit.col.action')}>
                      <span className="code-label">
                        <code>{e.action}</code>
                        <span className="small muted">{auditActionLabel(t, e.action)}</span>
                      </span>
                    </td>
                    <td data-label={t('audit.col.entity')}>
                      <span className="code-label">
                        <code>{e.entity}</code>
                        <span className="small muted">{auditEntityLabel(t, e.entity)}</span>
                      </span>
                    </td>
                    <td data-label={t('audit.col.entityId')} className="mono small break">
                      {e.entityId ?? <span className="muted">—</span>}
                    </td>
                    <td data-label={t('audit.col.outcome')}>
                      <Badge tone={OUTCOME_TONE[e.outcome]}>{t(`audit.outcomes.${e.outcome}`)}</Badge>
                    </td>
                    <td data-label={t('audit.col.ip')} className="mono small">
                      {e.ip ?? '—'}
                    </td>
                    <td data-label={t('audit.col.requestId')} className="mono small break">
                      <div>
                        {e.requestId ?? '—'}
                        {e.detail !== null && e.detail !== undefined ? (
                          <details className="audit-detail">
                            <summary>{t('audit.detail')}</summary>
                            <pre>{JSON.stringify(e.detail, null, 2)}</pre>
                          </details>
                        ) : null}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
      {list.data && list.items.length > 0 ? (
        <LoadMore shown={list.items.length} hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onMore={() => void list.fetchNextPage()} />
      ) : null}
    </>
  );
}
