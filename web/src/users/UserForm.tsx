import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, fieldErrors } from '../api/client.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import type { User } from '../api/types.ts';
import { DialogActions, FormNotices } from '../components/dialogs.tsx';
import { ErrorAlert, Loading } from '../components/feedback.tsx';
import { CheckboxField, CheckboxGroup, TextField } from '../components/forms.tsx';
import { Modal } from '../components/Modal.tsx';
import { roleName } from '../lib/labels.ts';
import { useFormValues } from '../lib/useFormValues.ts';
import { useRoles } from '../roles/api.ts';
import { UnitPicker } from './UnitPicker.tsx';

interface Values {
  username: string;
  displayName: string;
  email: string;
  password: string;
  roles: string[];
  unitIds: string[];
  active: boolean;
}

const fromUser = (u: User): Values => ({
  username: u.username,
  displayName: u.displayName,
  email: u.email ?? '',
  password: '',
  roles: [...u.roles],
  unitIds: u.units.map((x) => x.id),
  active: u.active,
});

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Create an account (no `user`) or edit one (PATCH with its version). */
export function UserForm({ user, onClose, onSaved }: { user?: User; onClose: () => void; onSaved: (u: User, created: boolean) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const roles = useRoles();
  const [current, setCurrent] = useState<User | undefined>(user);
  const { values, setValues, set, text } = useFormValues<Values>(
    user ? fromUser(user) : { username: '', displayName: '', email: '', password: '', roles: [], unitIds: [], active: true },
  );
  const [reloaded, setReloaded] = useState(false);
  const [noChanges, setNoChanges] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const idempotencyKey = useIdempotencyKey();

  const buildPatch = (base: User) => {
    const b = fromUser(base);
    const patch: Record<string, unknown> = {};
    if (values.displayName !== b.displayName) patch.displayName = values.displayName;
    if (values.email.trim() !== b.email) patch.email = values.email.trim() === '' ? null : values.email.trim();
    if (!sameSet(values.roles, b.roles)) patch.roles = values.roles;
    if (!sameSet(values.unitIds, b.unitIds)) patch.unitIds = values.unitIds;
    if (values.active !== b.active) patch.active = values.active;
    return patch;
  };

  const save = useMutation({
    mutationFn: async (): Promise<User> => {
      if (!current) {
        const body: Record<string, unknown> = {
          username: values.username.trim(),
          displayName: values.displayName,
          password: values.password,
          roles: values.roles,
          unitIds: values.unitIds,
        };
        if (values.email.trim()) body.email = values.email.trim();
        return api<User>('/api/users', { method: 'POST', body, idempotencyKey: idempotencyKey(body) });
      }
      return api<User>(`/api/users/${current.id}`, { method: 'PATCH', body: { ...buildPatch(current), version: current.version } });
    },
    onSuccess: (u) => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      onSaved(u, !current);
    },
    onError: async (err) => {
      if (err instanceof ApiError && err.code === 'VERSION_CONFLICT' && current) {
        const fresh = await api<User>(`/api/users/${current.id}`);
        setCurrent(fresh);
        setValues(fromUser(fresh));
        setReloaded(true);
        void queryClient.invalidateQueries({ queryKey: ['users'] });
      }
      // Bring the first field with a problem into view.
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    },
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setReloaded(false);
    setNoChanges(false);
    if (current && Object.keys(buildPatch(current)).length === 0) {
      setNoChanges(true);
      return;
    }
    save.mutate();
  };

  const fe = fieldErrors(save.error);
  const roleOptions = (roles.data ?? []).map((r) => ({
    value: r.key,
    label: roleName(t, r.key, r.name),
    description: t(`scopes.${r.scope}`),
  }));

  return (
    <Modal title={current ? t('users.editTitle', { username: current.username }) : t('users.createTitle')} onClose={onClose} wide>
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        <ErrorAlert
          error={save.error}
          fields={{
            username: t('users.field.username'),
            displayName: t('users.field.displayName'),
            email: t('users.field.email'),
            password: t('users.field.password'),
            roles: t('users.field.roles'),
            unitIds: t('users.field.units'),
            active: t('users.field.active'),
          }}
        />
        <FormNotices reloaded={reloaded && t('users.reloaded')} noChanges={noChanges && t('users.noChanges')} />
        <div className="form-grid">
          <TextField
            label={t('users.field.username')}
            {...text('username', fe)}
            hint={current ? t('users.field.usernameLocked') : t('users.field.usernameHint')}
            disabled={Boolean(current)}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
          />
          <TextField
            label={t('users.field.email')}
            type="email"
            {...text('email', fe)}
            autoComplete="off"
          />
          <TextField
            label={t('users.field.displayName')}
            {...text('displayName', fe)}
            hint={t('users.field.displayNameHint')}
            span="full"
            required
          />
          {!current ? (
            <TextField
              label={t('users.field.password')}
              type="text"
              {...text('password', fe)}
              hint={t('users.field.passwordHint')}
              autoComplete="new-password"
              spellCheck={false}
              span="full"
              required
            />
          ) : null}
          {roles.isPending ? <Loading /> : null}
          {roles.isError ? <ErrorAlert error={roles.error} /> : null}
          {roles.data ? (
            <CheckboxGroup
              legend={t('users.field.roles')}
              hint={t('users.field.rolesHint')}
              options={roleOptions}
              value={values.roles}
              onChange={(v) => set('roles', v)}
              error={fe.roles}
              columns={2}
              required
            />
          ) : null}
          <UnitPicker value={values.unitIds} onChange={(v) => set('unitIds', v)} error={fe.unitIds} />
          {current ? (
            <CheckboxField
              label={t('users.field.active')}
              hint={t('users.field.activeHint')}
              name="active"
              checked={values.active}
              onChange={(e) => set('active', e.target.checked)}
              error={fe.active}
              span="full"
            />
          ) : null}
        </div>
        <DialogActions onCancel={onClose} pending={save.isPending} label={current ? t('common.save') : t('users.create')} />
      </form>
    </Modal>
  );
}

/** Assign a temporary password (closes the account's sessions). */
export function ResetPasswordForm({ user, onClose, onDone }: { user: User; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [temporaryPassword, setPassword] = useState('');
  const reset = useMutation({
    mutationFn: () => api<void>(`/api/users/${user.id}/reset-password`, { method: 'POST', body: { temporaryPassword } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      onDone();
    },
  });
  const fe = fieldErrors(reset.error);
  return (
    <Modal title={t('users.resetTitle', { username: user.username })} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          reset.mutate();
        }}
        noValidate
      >
        <p>{t('users.resetIntro')}</p>
        <ErrorAlert error={reset.error} fields={{ temporaryPassword: t('users.resetField') }} />
        <TextField
          label={t('users.resetField')}
          name="temporaryPassword"
          value={temporaryPassword}
          onChange={(e) => setPassword(e.target.value)}
          hint={t('users.field.passwordHint')}
          error={fe.temporaryPassword}
          autoComplete="new-password"
          spellCheck={false}
          required
        />
        <DialogActions onCancel={onClose} pending={reset.isPending} label={t('users.resetSubmit')} />
      </form>
    </Modal>
  );
}
