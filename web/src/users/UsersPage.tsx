import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../api/types.ts';
import { FilterBar } from '../components/FilterBar.tsx';
import { Badge, ErrorAlert, Loading, LoadMore, Notice, PageHeader } from '../components/feedback.tsx';
import { SelectField, TextField } from '../components/forms.tsx';
import { formatDateTime } from '../lib/format.ts';
import { roleName } from '../lib/labels.ts';
import { usePagedList } from '../lib/paging.ts';
import { useFilters } from '../lib/useFilters.ts';
import { useRoles } from '../roles/api.ts';
import { ResetPasswordForm, UserForm } from './UserForm.tsx';

const FILTERS = ['q', 'role', 'active'] as const;

export function UsersPage() {
  const { t, i18n } = useTranslation();
  const f = useFilters(FILTERS);
  const roles = useRoles();
  const list = usePagedList<User>(['users', 'list'], '/api/users', { q: f.applied.q, role: f.applied.role, active: f.applied.active });
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const roleLabel = (key: string) => roleName(t, key, roles.data?.find((r) => r.key === key)?.name);

  return (
    <>
      <PageHeader
        title={t('users.title')}
        intro={t('users.intro')}
        actions={
          <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
            <span aria-hidden="true">+ </span>
            {t('users.new')}
          </button>
        }
      />
      <FilterBar label={t('common.filters')} onSubmit={f.submit} onClear={f.clear}>
        <TextField
          label={t('users.searchLabel')}
          type="search"
          name="q"
          value={f.draft.q}
          placeholder={t('users.searchPlaceholder')}
          onChange={(e) => f.set('q', e.target.value)}
          maxLength={100}
        />
        <SelectField
          label={t('users.role')}
          name="role"
          value={f.draft.role}
          onChange={(e) => f.setAndApply('role', e.target.value)}
          placeholder={t('common.all')}
          options={(roles.data ?? []).map((r) => ({ value: r.key, label: roleName(t, r.key, r.name) }))}
        />
        <SelectField
          label={t('users.status')}
          name="active"
          value={f.draft.active}
          onChange={(e) => f.setAndApply('active', e.target.value)}
          placeholder={t('common.allFem')}
          options={[
            { value: 'true', label: t('users.statusActive') },
            { value: 'false', label: t('users.statusInactive') },
          ]}
        />
      </FilterBar>

      {notice ? (
        <Notice onDismiss={() => setNotice(null)}>
          <p>{notice}</p>
        </Notice>
      ) : null}
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {list.isPending ? <Loading /> : null}
      {list.data ? (
        list.items.length === 0 ? (
          <p className="empty">{t('users.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table-responsive">
              <caption className="visually-hidden">{t('users.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('users.col.username')}</th>
                  <th scope="col">{t('users.col.displayName')}</th>
                  <th scope="col">{t('users.col.roles')}</th>
                  <th scope="col">{t('users.col.units')}</th>
                  <th scope="col">{t('users.col.status')}</th>
                  <th scope="col">{t('users.col.lastLogin')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((u) => (
                  <tr key={u.id} data-username={u.username} className={u.active ? undefined : 'row-inactive'}>
                    <td data-label={t('users.col.username')} className="mono">
                      {u.username}
                    </td>
                    <td data-label={t('users.col.displayName')} className="cell-main">
                      <div>
                        <span className="cell-title">{u.displayName}</span>
                        {u.email ? <span className="cell-sub">{u.email}</span> : null}
                      </div>
                    </td>
                    <td data-label={t('users.col.roles')}>{u.roles.map(roleLabel).join(', ')}</td>
                    <td data-label={t('users.col.units')}>
                      {u.units.length ? u.units.map((x) => x.shortName).join(', ') : <span className="muted">—</span>}
                    </td>
                    <td data-label={t('users.col.status')}>
                      <span className="badge-stack">
                        <Badge tone={u.active ? 'ok' : 'muted'}>{u.active ? t('users.active') : t('users.inactive')}</Badge>
                        {u.mustChangePassword ? <Badge tone="warning">{t('users.mustChange')}</Badge> : null}
                      </span>
                    </td>
                    <td data-label={t('users.col.lastLogin')}>{u.lastLoginAt ? formatDateTime(u.lastLoginAt, i18n.language) : t('users.never')}</td>
                    <td data-label={t('common.actions')} className="cell-actions">
                      <div>
                      <button type="button" className="btn btn-small btn-secondary" onClick={() => setEditing(u)} aria-label={t('users.editNamed', { name: u.username })}>
                        {t('users.edit')}
                      </button>
                      <button type="button" className="btn btn-small btn-ghost" onClick={() => setResetting(u)} aria-label={t('users.resetPasswordNamed', { name: u.username })}>
                        {t('users.resetPassword')}
                      </button>
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

      {editing ? (
        <UserForm
          {...(editing === 'new' ? {} : { user: editing })}
          onClose={() => setEditing(null)}
          onSaved={(u, created) => {
            setEditing(null);
            setNotice(created ? t('users.created', { username: u.username }) : t('users.updated', { username: u.username }));
          }}
        />
      ) : null}
      {resetting ? (
        <ResetPasswordForm
          user={resetting}
          onClose={() => setResetting(null)}
          onDone={() => {
            setNotice(t('users.resetDone', { username: resetting.username }));
            setResetting(null);
          }}
        />
      ) : null}
    </>
  );
}
