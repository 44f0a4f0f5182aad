import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import { DialogActions } from '../components/dialogs.tsx';
import { ErrorAlert, Notice } from '../components/feedback.tsx';
import { SelectField, TextField } from '../components/forms.tsx';
import { Modal } from '../components/Modal.tsx';
import { todayInMexico } from '../lib/format.ts';
import { useLiveForm } from '../patients/useLiveForm.ts';
import { invalidateMeetings } from './api.ts';
import { addDays, formatLongDate, isThursday, mexicoDate, thursdayAfter } from './format.ts';
import { MEETING_MODALITIES, type MeetingDetail, type MeetingSummary } from './types.ts';

/** The first Thursday after today with no meeting yet. */
function freeThursday(existing: readonly MeetingSummary[]): string {
  const taken = new Set(existing.map((m) => mexicoDate(m.scheduledAt)));
  let d = thursdayAfter(todayInMexico());
  for (let i = 0; i < 52 && taken.has(d); i++) d = addDays(d, 7);
  return d;
}

/** The Tuesday before a meeting date (families' and cases' deadline). */
function tuesdayBefore(ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  const w = new Date(Date.UTC(y, m - 1, d, 12)).getUTCDay();
  return addDays(ymd, -(((w - 2 + 7) % 7) || 7));
}

/**
 * «Programar reunión»: number (the next by default), date (the next free Thursday), 18:00,
 * modality and where. A date that is not a Thursday (or another hour) is said before saving: the
 * server records it as an extraordinary session and says so too.
 */
export function ScheduleMeetingDialog({ existing, nextNumber, onClose }: { existing: readonly MeetingSummary[]; nextNumber: number; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const key = useIdempotencyKey();
  const form = useLiveForm(
    { number: '', date: freeThursday(existing), time: '18:00', modality: 'VIRTUAL', platform: 'Webex', link: '', location: '' },
    (v) => ({
      number: v.number.trim() && !/^[1-9]\d{0,5}$/.test(v.number.trim()) ? t('meetings.errors.meetingNumber') : undefined,
      date: /^\d{4}-\d{2}-\d{2}$/.test(v.date) ? undefined : t('meetings.errors.date'),
      time: /^([01]\d|2[0-3]):[0-5]\d$/.test(v.time) ? undefined : t('meetings.errors.required'),
      link: v.link.trim() && !/^https?:\/\/\S+$/i.test(v.link.trim()) ? t('meetings.errors.link') : undefined,
      location: v.modality !== 'VIRTUAL' && !v.location.trim() ? t('meetings.errors.required') : undefined,
    }),
    { instant: ['number', 'link'] },
  );
  const v = form.values;
  const remote = v.modality !== 'IN_PERSON';
  const onSite = v.modality !== 'VIRTUAL';
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => api<MeetingDetail>('/api/meetings', { method: 'POST', body, idempotencyKey: key(body) }),
    onSuccess: () => invalidateMeetings(queryClient),
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.check()) return;
    const body: Record<string, unknown> = {
      date: v.date,
      time: v.time,
      modality: v.modality,
      ...(v.number.trim() ? { number: Number(v.number.trim()) } : {}),
      ...(remote && v.platform.trim() ? { platform: v.platform.trim() } : {}),
      ...(remote && v.link.trim() ? { link: v.link.trim() } : {}),
      ...(onSite && v.location.trim() ? { location: v.location.trim() } : {}),
    };
    save.mutate(body, {
      onSuccess: (m) =>
        navigate(`/reuniones/${m.id}`, { state: { notice: t('meetings.list.scheduled', { n: String(m.number) }) } }),
      onError: form.fromServer,
    });
  };

  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(v.date);
  return (
    <Modal title={t('meetings.schedule.title')} onClose={onClose} wide>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate>
        <ErrorAlert
          error={save.error}
          fields={{ number: t('meetings.schedule.number'), date: t('meetings.schedule.date'), time: t('meetings.schedule.time'), link: t('meetings.schedule.link') }}
        />
        <div className="form-grid">
          <TextField
            label={t('meetings.schedule.number')}
            {...form.bind('number')}
            inputMode="numeric"
            placeholder={String(nextNumber)}
            hint={t('meetings.schedule.numberHint', { n: String(nextNumber) })}
            autoComplete="off"
          />
          <SelectField
            label={t('meetings.schedule.modality')}
            {...form.bind('modality')}
            options={MEETING_MODALITIES.map((m) => ({ value: m, label: t(`meetings.modality.${m}`) }))}
          />
          <TextField label={t('meetings.schedule.date')} type="date" {...form.bind('date')} hint={t('meetings.schedule.dateHint')} required />
          <TextField label={t('meetings.schedule.time')} type="time" {...form.bind('time')} required />
          {remote ? (
            <>
              <TextField label={t('meetings.schedule.platform')} {...form.bind('platform')} hint={t('meetings.schedule.platformHint')} autoComplete="off" />
              <TextField label={t('meetings.schedule.link')} type="url" {...form.bind('link')} placeholder="https://" autoComplete="off" />
            </>
          ) : null}
          {onSite ? <TextField label={t('meetings.schedule.location')} {...form.bind('location')} span="full" autoComplete="off" required /> : null}
        </div>
        {validDate && !isThursday(v.date) ? (
          <Notice tone="warning">
            <p>{t('meetings.schedule.notThursday')}</p>
          </Notice>
        ) : validDate && v.time !== '18:00' ? (
          <Notice tone="warning">
            <p>{t('meetings.schedule.notSix')}</p>
          </Notice>
        ) : null}
        {validDate ? <p className="small muted">{t('meetings.schedule.deadlineHint', { when: formatLongDate(tuesdayBefore(v.date), i18n.language) })}</p> : null}
        <DialogActions onCancel={onClose} pending={save.isPending} label={t('meetings.schedule.submit')} />
      </form>
    </Modal>
  );
}
