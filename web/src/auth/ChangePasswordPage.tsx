import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ApiError, fieldErrors } from '../api/client.ts';
import { ErrorAlert, Notice, PageHeader } from '../components/feedback.tsx';
import { PasswordField } from '../components/forms.tsx';
import { useSession, useUser } from './session.tsx';

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const user = useUser();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const forced = user.mustChangePassword;
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [confirmError, setConfirmError] = useState<string | undefined>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const currentRef = useRef<HTMLInputElement>(null);
  const newRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(false);
    if (newPassword !== confirm) {
      setConfirmError(t('password.mismatch'));
      setError(new ApiError({ status: 400, code: 'MISMATCH', title: '', detail: t('password.mismatchSummary') }));
      confirmRef.current?.focus();
      return;
    }
    setConfirmError(undefined);
    setBusy(true);
    try {
      await api<void>('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } });
      setCurrent('');
      setNew('');
      setConfirm('');
      await refresh();
      if (forced) {
        navigate('/', { replace: true });
      } else {
        setDone(true);
      }
    } catch (err) {
      setError(err);
      const fields = fieldErrors(err);
      if (fields.currentPassword) currentRef.current?.focus();
      else if (fields.newPassword) newRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const fields = fieldErrors(error);
  return (
    <div className="narrow">
      <PageHeader title={forced ? t('password.forcedTitle') : t('password.title')} intro={forced ? t('password.forcedIntro') : t('password.intro')} />
      <div className="card">
        {done ? <Notice>{t('password.done')}</Notice> : null}
        <ErrorAlert error={error} fields={{ currentPassword: t('password.current'), newPassword: t('password.new') }} />
        <form className="form-stack" onSubmit={(e) => void onSubmit(e)} noValidate>
          <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
          <PasswordField ref={currentRef} label={t('password.current')} name="currentPassword" autoComplete="current-password" value={currentPassword} onChange={(e) => setCurrent(e.target.value)} error={fields.currentPassword} />
          <PasswordField ref={newRef} label={t('password.new')} name="newPassword" autoComplete="new-password" value={newPassword} onChange={(e) => setNew(e.target.value)} error={fields.newPassword} hint={t('password.hint')} />
          <PasswordField
            ref={confirmRef}
            label={t('password.confirm')}
            name="confirmPassword"
            autoComplete="new-password"
            value={confirm}
            onChange={(e) => {
              setConfirm(e.target.value);
              setConfirmError(undefined);
            }}
            error={confirmError}
          />
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {busy ? t('common.saving') : t('password.submit')}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
