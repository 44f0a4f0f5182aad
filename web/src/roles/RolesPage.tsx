import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, fieldErrors } from '../api/client.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import type { PermissionInfo, Role, Scope } from '../api/types.ts';
import { useSession } from '../auth/session.tsx';
import { DialogActions, FlashNotice, NewButton } from '../components/dialogs.tsx';
import { Badge, ErrorAlert, Loading, Notice, PageHeader } from '../components/feedback.tsx';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '../components/forms.tsx';
import { Modal } from '../components/Modal.tsx';
import { roleName } from '../lib/labels.ts';
import { useFormValues } from '../lib/useFormValues.ts';
import { usePermissions, useRoles } from './api.ts';

const SCOPES: Scope[] = ['ALL_UNITS', 'ASSIGNED_UNITS', 'OWN_FAMILY', 'NONE'];

export function RolesPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const manage = can('roles.manage');
  const roles = useRoles();
  const permissions = usePermissions();
  const [editing, setEditing] = useState<Role | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const describe = (key: string) => permissions.data?.find((p) => p.key === key)?.description ?? key;

  return (
    <>
      <PageHeader
        title={t('roles.title')}
        intro={t('roles.intro')}
        actions={manage ? <NewButton onClick={() => setEditing('new')}>{t('roles.new')}</NewButton> : null}
      />
      {!manage ? <Notice tone="info">{t('roles.readOnly')}</Notice> : null}
      <FlashNotice message={notice} onDismiss={() => setNotice(null)} />
      {roles.isPending ? <Loading /> : null}
      {roles.isError ? <ErrorAlert error={roles.error} /> : null}
      {roles.data ? (
        <ul className="role-grid">
          {roles.data.map((r) => (
            <li key={r.key} className="card role-card" data-role={r.key}>
              <div className="role-card-head">
                <div>
                  <h2 className="role-name">{r.name}</h2>
                  <p className="small muted">
                    {t('roles.key')}: <code>{r.key}</code>
                  </p>
                </div>
                <Badge tone={r.builtIn ? 'neutral' : 'info'}>{r.builtIn ? t('roles.builtIn') : t('roles.custom')}</Badge>
              </div>
              {r.description ? <p>{r.description}</p> : null}
              <dl className="role-meta">
                <dt>{t('roles.scope')}</dt>
                <dd>
                  <strong>{t(`scopes.${r.scope}`)}</strong> — {t(`scopeHelp.${r.scope}`)}
                </dd>
                <dt>{t('roles.permissions')}</dt>
                <dd>
                  {r.permissions.length ? (
                    <ul className="perm-list">
                      {r.permissions.map((p) => (
                        <li key={p}>
                          <code>{p}</code> {describe(p)}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="muted">{t('roles.noPermissions')}</span>
                  )}
                </dd>
              </dl>
              {manage ? (
                <div className="role-actions">
                  <button type="button" className="btn btn-small btn-secondary" onClick={() => setEditing(r)} aria-label={t('roles.editNamed', { name: r.name })}>
                    {t('roles.edit')}
                  </button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {editing && permissions.data ? (
        <RoleForm
          {...(editing === 'new' ? {} : { role: editing })}
          permissions={permissions.data}
          onClose={() => setEditing(null)}
          onSaved={(r, created) => {
            setEditing(null);
            setNotice(created ? t('roles.created', { name: r.name }) : t('roles.updated', { name: r.name }));
          }}
        />
      ) : null}
    </>
  );
}

function RoleForm({
  role,
  permissions,
  onClose,
  onSaved,
}: {
  role?: Role;
  permissions: PermissionInfo[];
  onClose: () => void;
  onSaved: (r: Role, created: boolean) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { values, set, text } = useFormValues({
    key: role?.key ?? '',
    name: role?.name ?? '',
    description: role?.description ?? '',
    scope: role?.scope ?? ('ASSIGNED_UNITS' as Scope),
    permissions: role?.permissions ?? [],
  });
  const idempotencyKey = useIdempotencyKey();
  const save = useMutation({
    mutationFn: () =>
      role
        ? api<Role>(`/api/roles/${role.key}`, {
            method: 'PATCH',
            body: { name: values.name, description: values.description, permissions: values.permissions },
          })
        : api<Role>('/api/roles', { method: 'POST', body: values, idempotencyKey: idempotencyKey(values) }),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: ['roles'] });
      onSaved(r, !role);
    },
  });
  const fe = fieldErrors(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Modal title={role ? t('roles.editTitle', { name: roleName(t, role.key, role.name) }) : t('roles.createTitle')} onClose={onClose} wide>
      <form onSubmit={submit} noValidate>
        <ErrorAlert
          error={save.error}
          fields={{
            key: t('roles.field.key'),
            name: t('roles.field.name'),
            description: t('roles.field.description'),
            scope: t('roles.field.scope'),
            permissions: t('roles.field.permissions'),
          }}
        />
        <div className="form-grid">
          <TextField
            label={t('roles.field.key')}
            {...text('key', fe)}
            hint={t('roles.field.keyHint')}
            disabled={Boolean(role)}
            className="mono"
            autoComplete="off"
            spellCheck={false}
            required
          />
          <TextField label={t('roles.field.name')} {...text('name', fe)} required />
          <TextAreaField
            label={t('roles.field.description')}
            {...text('description', fe)}
            rows={2}
            span="full"
          />
          <SelectField
            label={t('roles.field.scope')}
            name="scope"
            value={values.scope}
            onChange={(e) => set('scope', e.target.value as Scope)}
            options={SCOPES.map((s) => ({ value: s, label: `${t(`scopes.${s}`)} — ${t(`scopeHelp.${s}`)}` }))}
            hint={role ? t('roles.field.scopeLocked') : undefined}
            error={fe.scope}
            disabled={Boolean(role)}
            span="full"
            required
          />
          <CheckboxGroup
            legend={t('roles.field.permissions')}
            options={permissions.map((p) => ({ value: p.key, label: p.description, description: p.key }))}
            value={values.permissions}
            onChange={(v) => set('permissions', v)}
            error={fe.permissions}
          />
        </div>
        <DialogActions onCancel={onClose} pending={save.isPending} label={role ? t('common.save') : t('roles.create')} />
      </form>
    </Modal>
  );
}
