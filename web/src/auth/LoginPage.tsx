import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError, fieldErrors } from '../api/client.ts';
import { ErrorAlert, Notice } from '../components/feedback.tsx';
import { PasswordField, TextField } from '../components/forms.tsx';
import { Brand, Footer, SkipLink } from '../shell/AppShell.tsx';
import { useSession } from './session.tsx';

const KNOWN_CODES = ['INVALID_CREDENTIALS', 'ACCOUNT_LOCKED', 'ACCOUNT_DISABLED', 'RATE_LIMITED'] as const;

export function LoginPage() {
  const { t } = useTranslation();
  const { status, user, login, notice } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState<{ username?: string; password?: string }>({});
  const [busy, setBusy] = useState(false);
  const userRef = useRef<HTMLInputElement>(null);
  const passRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = t('app.documentTitle', { page: t('login.title') });
  }, [t]);

  if (status === 'authenticated' && user && !busy) {
    return <Navigate to={user.mustChangePassword ? '/cambiar-contrasena' : '/'} replace />;
  }

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const m: typeof missing = {};
    if (!username.trim()) m.username = t('common.required');
    if (!password) m.password = t('common.required');
    setMissing(m);
    if (m.username || m.password) {
      setError(new ApiError({ status: 400, code: 'MISSING', title: '', detail: t('login.missing') }));
      (m.username ? userRef : passRef).current?.focus();
      return;
    }
    setBusy(true);
    try {
      const u = await login(username.trim(), password);
      const keepFrom = from && notice?.kind !== 'loggedOut' && notice?.kind !== 'loggedOutAll' && from !== '/ingresar';
      navigate(u.mustChangePassword ? '/cambiar-contrasena' : keepFrom ? from : '/', { replace: true });
    } catch (err) {
      setBusy(false);
      setPassword('');
      if (err instanceof ApiError && (KNOWN_CODES as readonly string[]).includes(err.code) && !err.detail) {
        setError(new ApiError({ status: err.status, code: err.code, title: err.title, detail: t(`login.codes.${err.code as (typeof KNOWN_CODES)[number]}`) }));
      } else {
        setError(err);
      }
      passRef.current?.focus();
    }
  };

  const serverFields = fieldErrors(error);

  return (
    <div className="app app-login">
      <SkipLink />
      <header className="site-header">
        <div className="header-bar">
          <div className="container header-inner">
            <Brand linked={false} />
          </div>
        </div>
      </header>
      <main id="contenido" className="login-main" tabIndex={-1}>
        <div className="login-layout container">
          <section className="login-aside" aria-hidden="false">
            <h2 className="login-aside-title">{t('app.name')}</h2>
            <p>{t('app.subtitle')}</p>
            <p className="login-aside-note">{t('login.privacy')}</p>
          </section>
          <section className="card login-card" aria-labelledby="login-title">
            <h1 id="login-title">{t('login.title')}</h1>
            <p className="muted">{t('login.intro')}</p>
            {notice && !error ? (
              <Notice tone={notice.kind === 'expired' ? 'warning' : 'info'}>
                {notice.kind === 'expired'
                  ? t('errors.sessionExpired')
                  : notice.kind === 'loggedOutAll'
                    ? t('login.loggedOutAll', { count: notice.count })
                    : t('login.loggedOut')}
              </Notice>
            ) : null}
            <ErrorAlert error={error} />
            <form className="form-stack" onSubmit={(e) => void onSubmit(e)} noValidate>
              <TextField
                ref={userRef}
                label={t('login.username')}
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                value={username}
                onChange={(e) => setUsername(e.target.value)}
                error={missing.username ?? serverFields.username}
                required
              />
              <PasswordField
                ref={passRef}
                label={t('login.password')}
                name="password"
                shown={showPassword}
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                error={missing.password ?? serverFields.password}
              />
              <label className="check inline-check">
                <input type="checkbox" checked={showPassword} onChange={(e) => setShowPassword(e.target.checked)} />
                <span>{t('common.showPassword')}</span>
              </label>
              <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
                {busy ? t('login.submitting') : t('login.submit')}
              </button>
            </form>
          </section>
        </div>
      </main>
      <Footer />
    </div>
  );
}
