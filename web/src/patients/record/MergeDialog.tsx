import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { DuplicateCandidate, Patient, PatientSearchPage } from '../../api/types.ts';
import { DialogActions } from '../../components/dialogs.tsx';
import { ErrorAlert, Loading } from '../../components/feedback.tsx';
import { CheckboxField, TextAreaField, TextField } from '../../components/forms.tsx';
import { Modal } from '../../components/Modal.tsx';
import { formatDate } from '../../lib/format.ts';
import { usePatientWrite } from '../clinicalApi.ts';
import { fullName } from '../format.ts';

interface Pick {
  id: string;
  name: string;
  curp: string;
  birthDate: string;
  unitName: string;
}

/**
 * Merges a duplicate record into this one (this one survives). Offers the likely duplicates
 * (similar name and the same birth date) and a search; the merge is audited and keeps both
 * histories.
 */
export function MergeDialog({ patient, onClose, onDone }: { patient: Patient; onClose: () => void; onDone: (name: string) => void }) {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  const [picked, setPicked] = useState<Pick | null>(null);
  const [reason, setReason] = useState('');
  const [confirm, setConfirm] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  useEffect(() => {
    const id = setTimeout(() => setDebounced(q.trim()), 300);
    return () => clearTimeout(id);
  }, [q]);

  const likely = useQuery({
    queryKey: ['patients', 'duplicates', 'of', patient.id],
    queryFn: ({ signal }) =>
      api<{ items: DuplicateCandidate[] }>('/api/patients/duplicates', {
        query: { givenNames: patient.givenNames, firstSurname: patient.firstSurname, secondSurname: patient.secondSurname, birthDate: patient.birthDate, excludeId: patient.id },
        signal,
      }),
  });
  const search = useQuery({
    queryKey: ['patients', 'list', { q: debounced, merge: true }],
    queryFn: ({ signal }) => api<PatientSearchPage>('/api/patients', { query: { q: debounced, limit: 10 }, signal }),
    enabled: debounced.length >= 3,
  });
  const options: Pick[] = [
    ...(likely.data?.items ?? [])
      .filter((c): c is DuplicateCandidate & { id: string } => c.id !== null && c.id !== patient.id)
      .map((c) => ({ id: c.id, name: c.fullName ?? '', curp: c.curp ?? '', birthDate: c.birthDate ?? '', unitName: c.unitName })),
    ...(debounced.length >= 3 ? (search.data?.items ?? []) : [])
      .filter((p) => p.id !== patient.id)
      .map((p) => ({ id: p.id, name: fullName(p), curp: p.curp, birthDate: p.birthDate, unitName: p.unitName })),
  ].filter((o, i, all) => all.findIndex((x) => x.id === o.id) === i);

  const save = usePatientWrite<Record<string, unknown>>(patient.id, '/api/patients/merge');
  const errors = {
    picked: picked ? undefined : t('record.mergeErrors.pick'),
    reason: reason.trim() ? undefined : t('patients.form.errors.required'),
    confirm: confirm ? undefined : t('record.mergeErrors.confirm'),
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (Object.values(errors).some(Boolean) || !picked) return;
    save.mutate({ survivorId: patient.id, mergedId: picked.id, reason: reason.trim() }, { onSuccess: () => onDone(picked.name) });
  };
  return (
    <Modal title={t('record.mergeTitle')} onClose={onClose} wide>
      <form onSubmit={onSubmit} noValidate>
        <p>{t('record.mergeIntro', { name: fullName(patient) })}</p>
        <ErrorAlert error={save.error} />
        <TextField
          label={t('record.mergeSearch')}
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t('patients.searchPlaceholder')}
          autoComplete="off"
        />
        {likely.isPending || search.isFetching ? <Loading /> : null}
        <fieldset className={`field field-full fieldset merge-pick ${submitted && errors.picked ? 'has-error' : ''}`}>
          <legend className="field-label">{t('record.mergePick')}</legend>
          {submitted && errors.picked ? <p className="field-error">{errors.picked}</p> : null}
          {options.length === 0 && !likely.isPending ? <p className="muted small">{t('record.mergeNone')}</p> : null}
          <ul className="picker-options">
            {options.map((o) => (
              <li key={o.id} className="check">
                <input id={`merge-${o.id}`} type="radio" name="merged" checked={picked?.id === o.id} onChange={() => setPicked(o)} />
                <label htmlFor={`merge-${o.id}`}>
                  <span className="check-title">{o.name}</span>
                  <span className="check-desc">
                    <span className="mono">{o.curp}</span> · {o.birthDate ? formatDate(o.birthDate, i18n.language) : ''} · {o.unitName}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <div className="form-stack">
          <TextAreaField
            label={t('record.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={submitted ? errors.reason : undefined}
            rows={2}
            required
          />
          <CheckboxField
            label={picked ? t('record.mergeConfirm', { merged: picked.name, mergedCurp: picked.curp, survivorCurp: patient.curp }) : t('record.mergeConfirmGeneric')}
            checked={confirm}
            onChange={(e) => setConfirm(e.target.checked)}
            error={submitted ? errors.confirm : undefined}
          />
        </div>
        <DialogActions onCancel={onClose} pending={save.isPending} label={t('record.merge')} danger />
      </form>
    </Modal>
  );
}
