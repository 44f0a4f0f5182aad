import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../api/types.ts';
import { FilterBar } from '../components/FilterBar.tsx';
import { FlashNotice, NewButton } from '../components/dialogs.tsx';
import { Badge, PageHeader } from '../components/feedback.tsx';
import { SelectField, TextField } from '../components/forms.tsx';
import { PagedTable } from '../components/PagedTable.tsx';
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
  const list = usePagedList<User>(['users', 'list'], '/api/users', { ...f.applied });
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const roleLabel = (key: string) => roleName(t, key, roles.data?.find((r) => r.key === key)?.name);

  return (
    <>
      <PageHeader
        title={t('users.title')}
        intro={t('users.intro')}
        actions={<NewButton onClick={() => setEditing('new')}>{t('users.new')}</NewButton>}
      />
      <FilterBar label={t('common.filters')} onSubmit={f.submit} onClear={f.clear}>
        <TextField
          label={t('users.searchLabel')}
          type="search"
          {...f.text('q')}
          placeholder={t('users.searchPlaceholder')}
          maxLength={100}
        />
        <SelectField
          label={t('users.role')}
          {...f.select('role')}
          placeholder={t('common.all')}
          options={(roles.data ?? []).map((r) => ({ value: r.key, label: roleName(t, r.key, r.name) }))}
        />
        <SelectField
          label={t('users.status')}
          {...f.select('active')}
          placeholder={t('common.allFem')}
          options={[
            { value: 'true', label: t('users.statusActive') },
            { value: 'false', label: t('users.statusInactive') },
          ]}
        />
      </FilterBar>

      <FlashNotice message={notice} onDismiss={() => setNotice(null)} />
      <PagedTable
        list={list}
        empty={t('users.empty')}
        caption={t('users.tableCaption')}
        columns={[
          t('users.col.username'),
          t('users.col.displayName'),
          t('users.col.roles'),
          t('users.col.units'),
          t('users.col.status'),
          t('users.col.lastLogin'),
          t('common.actions'),
        ]}
      >
        {(items) =>
          items.map((u) => (
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
          ))
        }
      </PagedTable>

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
