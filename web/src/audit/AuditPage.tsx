import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../api/client.ts';
import type { AuditEntry, Outcome } from '../api/types.ts';
import { FilterBar } from '../components/FilterBar.tsx';
import { Badge, PageHeader } from '../components/feedback.tsx';
import { SelectField, TextField } from '../components/forms.tsx';
import { PagedTable } from '../components/PagedTable.tsx';
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
  const fe = fieldErrors(list.error);

  return (
    <>
      <PageHeader title={t('audit.title')} intro={t('audit.intro')} />
      <FilterBar label={t('common.filters')} onSubmit={f.submit} onClear={f.clear}>
        <TextField
          label={t('audit.username')}
          {...f.text('username')}
          error={fe.username}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
        />
        <TextField
          label={t('audit.entity')}
          {...f.text('entity')}
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
          {...f.select('outcome')}
          placeholder={t('common.all')}
          options={OUTCOMES.map((o) => ({ value: o, label: t(`audit.outcomes.${o}`) }))}
          error={fe.outcome}
        />
        <TextField label={t('audit.from')} type="date" {...f.text('from')} error={fe.from} />
        <TextField label={t('audit.to')} type="date" {...f.text('to')} error={fe.to} />
        <TextField
          label={t('audit.entityId')}
          {...f.text('entityId')}
          error={fe.entityId}
          autoComplete="off"
          spellCheck={false}
          className="mono"
        />
      </FilterBar>

      <PagedTable
        list={list}
        empty={t('audit.empty')}
        caption={t('audit.tableCaption')}
        className="table-audit"
        errorFields={{
          username: t('audit.username'),
          entity: t('audit.entity'),
          entityId: t('audit.entityId'),
          action: t('audit.action'),
          outcome: t('audit.outcome'),
          from: t('audit.from'),
          to: t('audit.to'),
        }}
        columns={[
          t('audit.col.at'),
          t('audit.col.actor'),
          t('audit.col.roles'),
          t('audit.col.action'),
          t('audit.col.entity'),
          t('audit.col.entityId'),
          t('audit.col.outcome'),
          t('audit.col.ip'),
          t('audit.col.requestId'),
        ]}
      >
        {(items) =>
          items.map((e) => (
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
          ))
        }
      </PagedTable>
    </>
  );
}
