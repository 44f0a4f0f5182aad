import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import { Badge, ErrorAlert } from '../components/feedback.tsx';
import { SelectField, TextField } from '../components/forms.tsx';
import { useVisibleUnits } from '../patients/api.ts';
import { useLiveForm } from '../patients/useLiveForm.ts';
import { invalidateMeetings, useOfficials } from './api.ts';
import { officialOptions } from './dialogs.tsx';
import { FAMILY_RELATIONSHIPS, type Attendee, type MeetingDetail } from './types.ts';

/**
 * The server refuses a family member listed after the Tuesday deadline unless the entry is
 * confirmed as late (acceptLate): such answers are offered «Registrar como extemporáneo».
 */
export function isLateRefusal(err: unknown): err is ApiError {
  if (!(err instanceof ApiError) || (err.status !== 409 && err.status !== 422)) return false;
  return /LATE|DEADLINE|PLAZO/i.test(err.code) || err.errors.some((e) => e.field === 'acceptLate');
}

/** Who was listed and who attended: officials from the directory and family members. */
export function AttendanceSection({ m, editable, onDone }: { m: MeetingDetail; editable: boolean; onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  const officials = m.attendees.filter((a) => a.kind === 'OFFICIAL');
  const families = m.attendees.filter((a) => a.kind === 'FAMILY');
  const attended = m.attendees.filter((a) => a.attended).length;
  const [familyForm, setFamilyForm] = useState({ key: 0, unitId: '' });
  return (
    <section className="card meeting-section" id="asistencia" aria-labelledby="asistencia-title">
      <div className="section-bar">
        <h2 id="asistencia-title">{t('meetings.attendance.title')}</h2>
        <span className="muted small">{t('meetings.attendance.counts', { attended: String(attended), listed: String(m.attendees.length) })}</span>
      </div>
      <div className="attendance-grid">
        <div>
          <h3>{t('meetings.attendance.officials')}</h3>
          {officials.length === 0 ? <p className="empty">{t('meetings.attendance.noOfficials')}</p> : <AttendeeTable meetingId={m.id} rows={officials} editable={editable} />}
          {editable ? <AddOfficialForm m={m} onDone={onDone} /> : null}
        </div>
        <div>
          <h3>{t('meetings.attendance.families')}</h3>
          {families.length === 0 ? <p className="empty">{t('meetings.attendance.noFamilies')}</p> : <AttendeeTable meetingId={m.id} rows={families} editable={editable} />}
          {editable ? (
            // A fresh form after each entry (no leftover messages); the hospital stays chosen.
            <AddFamilyForm
              key={familyForm.key}
              m={m}
              unitId={familyForm.unitId}
              onAdded={(unitId, msg) => {
                setFamilyForm((f) => ({ key: f.key + 1, unitId }));
                onDone(msg);
              }}
            />
          ) : null}
        </div>
      </div>
    </section>
  );
}

function AttendeeTable({ meetingId, rows, editable }: { meetingId: string; rows: Attendee[]; editable: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const family = rows[0]?.kind === 'FAMILY';
  // The box shows the click at once; the server's answer (or a refusal) settles it.
  const [marked, setMarked] = useState<Record<string, boolean>>({});
  const mark = useMutation({
    mutationFn: (v: { id: string; attended: boolean }) => api(`/api/meetings/${meetingId}/attendees/${v.id}`, { method: 'PATCH', body: { attended: v.attended } }),
    onSettled: async (_data, _err, v) => {
      await queryClient.invalidateQueries({ queryKey: ['meetings'] });
      setMarked(({ [v.id]: _gone, ...rest }) => rest);
    },
  });
  return (
    <>
      <ErrorAlert error={mark.error} />
      <div className="table-wrap">
        <table className="table table-responsive table-compact attendee-table">
          <caption className="visually-hidden">{family ? t('meetings.attendance.families') : t('meetings.attendance.officials')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('meetings.attendance.col.name')}</th>
              <th scope="col">{family ? t('meetings.attendance.col.relationship') : t('meetings.attendance.col.position')}</th>
              <th scope="col">{t('meetings.attendance.col.attended')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => {
              const name = family ? [a.name, a.surnames].filter(Boolean).join(' ') : a.name;
              const pending = mark.isPending && mark.variables?.id === a.id;
              return (
                <tr key={a.id}>
                  <td data-label={t('meetings.attendance.col.name')} className="cell-main">
                    <div>
                      <span className="cell-title-plain">
                        {a.name}
                        {family && a.surnames ? <span className="protected"> {a.surnames}</span> : null}
                      </span>
                      {a.late ? (
                        <span className="cell-sub">
                          <Badge tone="warning">{t('meetings.late')}</Badge>
                        </span>
                      ) : null}
                    </div>
                  </td>
                  <td data-label={family ? t('meetings.attendance.col.relationship') : t('meetings.attendance.col.position')}>
                    {family ? (
                      <div>
                        <span className="cell-title-plain">{a.relationship ? t(`meetings.relationship.${a.relationship}`) : '—'}</span>
                        {a.unitName ? <span className="cell-sub">{a.unitName}</span> : null}
                      </div>
                    ) : (
                      <div>
                        <span className="cell-title-plain">{a.position ?? '—'}</span>
                        {a.area ? <span className="cell-sub">{a.area}</span> : null}
                      </div>
                    )}
                  </td>
                  <td data-label={t('meetings.attendance.col.attended')}>
                    {editable ? (
                      <span className="check attended-check">
                        <input
                          id={`att-${a.id}`}
                          type="checkbox"
                          checked={marked[a.id] ?? a.attended === true}
                          disabled={pending}
                          onChange={(e) => {
                            const attended = e.target.checked;
                            setMarked((m) => ({ ...m, [a.id]: attended }));
                            mark.mutate({ id: a.id, attended });
                          }}
                        />
                        <label htmlFor={`att-${a.id}`}>
                          <span aria-hidden="true">{t('meetings.attendance.attended')}</span>
                          <span className="visually-hidden">{t('meetings.attendance.attendedOf', { name })}</span>
                        </label>
                      </span>
                    ) : a.attended === null ? (
                      '—'
                    ) : a.attended ? (
                      t('common.yes')
                    ) : (
                      t('common.no')
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

function AddOfficialForm({ m, onDone }: { m: MeetingDetail; onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const key = useIdempotencyKey();
  const officials = useOfficials();
  const listed = new Set(m.attendees.map((a) => a.officialId).filter(Boolean));
  const options = officialOptions(officials.data?.filter((o) => !listed.has(o.id)));
  const [officialId, setOfficialId] = useState('');
  const [error, setError] = useState<string | undefined>();
  const add = useMutation({
    mutationFn: (body: Record<string, unknown>) => api(`/api/meetings/${m.id}/attendees`, { method: 'POST', body, idempotencyKey: key(body) }),
    onSuccess: () => invalidateMeetings(queryClient),
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!officialId) {
      setError(t('meetings.errors.choose'));
      return;
    }
    const name = officials.data?.find((o) => o.id === officialId)?.name ?? '';
    add.mutate(
      { kind: 'OFFICIAL', officialId, attended: m.status === 'HELD' ? true : null },
      {
        onSuccess: () => {
          setOfficialId('');
          onDone(t('meetings.attendance.added', { name }));
        },
      },
    );
  };
  return (
    <form className="inline-add" onSubmit={onSubmit} noValidate aria-label={t('meetings.attendance.addOfficial')}>
      <ErrorAlert error={add.error} />
      <div className="inline-add-row">
        <SelectField
          label={t('meetings.attendance.addOfficial')}
          value={officialId}
          onChange={(e) => {
            setOfficialId(e.target.value);
            setError(undefined);
          }}
          placeholder={t('meetings.attendance.chooseOfficial')}
          options={options}
          error={error}
        />
        <button type="submit" className="btn btn-secondary" disabled={add.isPending}>
          {t('meetings.attendance.add')}
        </button>
      </div>
    </form>
  );
}

function AddFamilyForm({ m, unitId, onAdded }: { m: MeetingDetail; unitId: string; onAdded: (unitId: string, msg: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const key = useIdempotencyKey();
  const { units } = useVisibleUnits();
  const form = useLiveForm({ name: '', surnames: '', relationship: '', unitId }, (v) => ({
    name: v.name.trim() ? undefined : t('meetings.errors.required'),
    relationship: v.relationship ? undefined : t('meetings.errors.choose'),
    unitId: v.unitId ? undefined : t('meetings.errors.choose'),
  }));
  const add = useMutation({
    mutationFn: (body: Record<string, unknown>) => api(`/api/meetings/${m.id}/attendees`, { method: 'POST', body, idempotencyKey: key(body) }),
    onSuccess: () => invalidateMeetings(queryClient),
  });
  const late = isLateRefusal(add.error) ? add.error : null;
  const send = (acceptLate: boolean) => {
    const v = form.values;
    const name = v.name.trim();
    add.mutate(
      {
        kind: 'FAMILY',
        name,
        ...(v.surnames.trim() ? { surnames: v.surnames.trim() } : {}),
        relationship: v.relationship,
        unitId: v.unitId,
        ...(m.status === 'HELD' ? { attended: true } : {}),
        acceptLate,
      },
      {
        onSuccess: () => onAdded(v.unitId, t('meetings.attendance.added', { name })),
        onError: (err) => {
          if (!isLateRefusal(err)) form.fromServer(err);
        },
      },
    );
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.check()) return;
    send(false);
  };
  return (
    <form ref={form.formRef} className="inline-add" onSubmit={onSubmit} noValidate aria-label={t('meetings.attendance.addFamily')}>
      <h4>{t('meetings.attendance.addFamily')}</h4>
      {late ? (
        <div className="alert alert-warning" role="alert">
          <div className="alert-body">
            <p className="alert-title">{t('meetings.attendance.lateTitle')}</p>
            <p>{late.detail}</p>
            <button type="button" className="btn btn-secondary btn-small" onClick={() => send(true)} disabled={add.isPending}>
              {t('meetings.attendance.lateAction')}
            </button>
          </div>
        </div>
      ) : (
        <ErrorAlert error={add.error} fields={{ name: t('meetings.attendance.name'), surnames: t('meetings.attendance.surnames'), relationship: t('meetings.attendance.relationship'), unitId: t('meetings.attendance.hospital') }} />
      )}
      <div className="form-grid">
        <TextField label={t('meetings.attendance.name')} {...form.bind('name')} autoComplete="off" required />
        <TextField label={t('meetings.attendance.surnames')} {...form.bind('surnames')} hint={t('meetings.attendance.surnamesHint')} autoComplete="off" />
        <SelectField
          label={t('meetings.attendance.relationship')}
          {...form.bind('relationship')}
          placeholder={t('meetings.attendance.chooseRelationship')}
          options={FAMILY_RELATIONSHIPS.map((r) => ({ value: r, label: t(`meetings.relationship.${r}`) }))}
          required
        />
        <SelectField
          label={t('meetings.attendance.hospital')}
          {...form.bind('unitId')}
          placeholder={t('meetings.attendance.chooseHospital')}
          options={units.map((u) => ({ value: u.id, label: u.shortName }))}
          required
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-secondary" disabled={add.isPending}>
          {t('meetings.attendance.add')}
        </button>
      </div>
    </form>
  );
}
