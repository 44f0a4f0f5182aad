import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, fieldErrors } from '../api/client.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import type { Level, Unit, UnitInput } from '../api/types.ts';
import { DialogActions, FormNotices } from '../components/dialogs.tsx';
import { ErrorAlert } from '../components/feedback.tsx';
import { CheckboxField, SelectField, TextField } from '../components/forms.tsx';
import { Modal } from '../components/Modal.tsx';
import { todayInMexico } from '../lib/format.ts';
import { useFormValues } from '../lib/useFormValues.ts';
import { STATES } from './api.ts';

const FIELDS = ['clues', 'name', 'shortName', 'level', 'state', 'delegation', 'isOncocrean', 'activeFrom'] as const;

function blank(): UnitInput {
  return { clues: '', name: '', shortName: '', level: 'SECOND_LEVEL', state: '', delegation: '', isOncocrean: false, activeFrom: todayInMexico() };
}

function fromUnit(u: Unit): UnitInput {
  return { clues: u.clues, name: u.name, shortName: u.shortName, level: u.level, state: u.state, delegation: u.delegation, isOncocrean: u.isOncocrean, activeFrom: u.activeFrom };
}

/** Create a unit (no `unit`) or edit one (PATCH with its version; a 409 reloads the latest). */
export function UnitForm({ unit, onClose, onSaved }: { unit?: Unit; onClose: () => void; onSaved: (u: Unit, created: boolean) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState<Unit | undefined>(unit);
  const { values, setValues, set, text } = useFormValues<UnitInput>(unit ? fromUnit(unit) : blank());
  const [reloaded, setReloaded] = useState(false);
  const [noChanges, setNoChanges] = useState(false);
  const idempotencyKey = useIdempotencyKey();

  const save = useMutation({
    mutationFn: async (): Promise<Unit> => {
      if (!current) return api<Unit>('/api/units', { method: 'POST', body: values, idempotencyKey: idempotencyKey(values) });
      const base = fromUnit(current);
      const patch: Partial<UnitInput> & { version: number } = { version: current.version };
      for (const f of FIELDS) {
        if (f !== 'clues' && values[f] !== base[f]) (patch as Record<string, unknown>)[f] = values[f];
      }
      return api<Unit>(`/api/units/${current.id}`, { method: 'PATCH', body: patch });
    },
    onSuccess: (u) => {
      void queryClient.invalidateQueries({ queryKey: ['units'] });
      onSaved(u, !current);
    },
    onError: async (err) => {
      if (err instanceof ApiError && err.code === 'VERSION_CONFLICT' && current) {
        const fresh = await api<Unit>(`/api/units/${current.id}`);
        setCurrent(fresh);
        setValues(fromUnit(fresh));
        setReloaded(true);
        void queryClient.invalidateQueries({ queryKey: ['units'] });
      }
    },
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setReloaded(false);
    setNoChanges(false);
    if (current && FIELDS.every((f) => values[f] === fromUnit(current)[f])) {
      setNoChanges(true);
      return;
    }
    save.mutate();
  };

  const fe = fieldErrors(save.error);
  const levelOptions = (['UMAE', 'SECOND_LEVEL'] as Level[]).map((l) => ({ value: l, label: t(`units.levelsLong.${l}`) }));

  return (
    <Modal title={current ? t('units.editTitle') : t('units.createTitle')} onClose={onClose} wide>
      <form onSubmit={onSubmit} noValidate>
        <ErrorAlert
          error={save.error}
          fields={{
            clues: t('units.field.clues'),
            name: t('units.field.name'),
            shortName: t('units.field.shortName'),
            level: t('units.field.level'),
            state: t('units.field.state'),
            delegation: t('units.field.delegation'),
            isOncocrean: t('units.field.isOncocrean'),
            activeFrom: t('units.field.activeFrom'),
          }}
        />
        <FormNotices reloaded={reloaded && t('units.reloaded')} noChanges={noChanges && t('units.noChanges')} />
        <div className="form-grid">
          <TextField
            label={t('units.field.clues')}
            name="clues"
            value={values.clues}
            onChange={(e) => set('clues', e.target.value.toUpperCase())}
            hint={current ? t('units.field.cluesLocked') : t('units.field.cluesHint')}
            error={fe.clues}
            disabled={Boolean(current)}
            maxLength={11}
            autoComplete="off"
            spellCheck={false}
            className="mono"
            required
          />
          <TextField
            label={t('units.field.shortName')}
            {...text('shortName', fe)}
            hint={t('units.field.shortNameHint')}
            required
          />
          <TextField
            label={t('units.field.name')}
            {...text('name', fe)}
            span="full"
            required
          />
          <SelectField
            label={t('units.field.level')}
            name="level"
            value={values.level}
            onChange={(e) => set('level', e.target.value as Level)}
            options={levelOptions}
            error={fe.level}
            required
          />
          <SelectField
            label={t('units.field.state')}
            {...text('state', fe)}
            options={STATES.map((s) => ({ value: s, label: s }))}
            placeholder={t('units.field.chooseState')}
            required
          />
          <TextField
            label={t('units.field.delegation')}
            {...text('delegation', fe)}
            required
          />
          <TextField
            label={t('units.field.activeFrom')}
            type="date"
            {...text('activeFrom', fe)}
            required
          />
          <CheckboxField
            label={t('units.field.isOncocrean')}
            name="isOncocrean"
            checked={values.isOncocrean}
            onChange={(e) => set('isOncocrean', e.target.checked)}
            error={fe.isOncocrean}
            span="full"
          />
        </div>
        <DialogActions onCancel={onClose} pending={save.isPending} label={current ? t('common.save') : t('units.create')} />
      </form>
    </Modal>
  );
}

/** Confirm and apply deactivation or reactivation (PATCH active + version). */
export function UnitActiveToggle({ unit, onClose, onDone }: { unit: Unit; onClose: () => void; onDone: (u: Unit) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState(unit);
  const deactivate = current.active;
  const toggle = useMutation({
    mutationFn: () => api<Unit>(`/api/units/${current.id}`, { method: 'PATCH', body: { active: !current.active, version: current.version } }),
    onSuccess: (u) => {
      void queryClient.invalidateQueries({ queryKey: ['units'] });
      onDone(u);
    },
    onError: async (err) => {
      if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') {
        setCurrent(await api<Unit>(`/api/units/${current.id}`));
        void queryClient.invalidateQueries({ queryKey: ['units'] });
      }
    },
  });
  return (
    <Modal title={deactivate ? t('units.deactivateTitle') : t('units.reactivateTitle')} onClose={onClose}>
      <ErrorAlert error={toggle.error} />
      <p>{deactivate ? t('units.deactivateText', { name: current.shortName }) : t('units.reactivateText', { name: current.shortName })}</p>
      <DialogActions
        onCancel={onClose}
        pending={toggle.isPending}
        label={deactivate ? t('units.deactivate') : t('units.reactivate')}
        pendingLabel={deactivate ? t('units.deactivate') : t('units.reactivate')}
        onConfirm={() => toggle.mutate()}
        danger={deactivate}
      />
    </Modal>
  );
}
