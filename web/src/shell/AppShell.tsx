import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router';
import { useUser } from '../auth/session.tsx';
import { LANGUAGES, type Language } from '../i18n/index.ts';
import { Logo } from './Logo.tsx';
import { visibleNav } from './nav.ts';
import { UserMenu } from './UserMenu.tsx';

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href="#contenido">
      {t('app.skipLink')}
    </a>
  );
}

export function Brand({ linked = true }: { linked?: boolean }) {
  const { t } = useTranslation();
  const inner = (
    <>
      <Logo />
      <span className="brand-text">
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-sub">{t('app.subtitle')}</span>
      </span>
    </>
  );
  return linked ? (
    <Link to="/" className="brand" aria-label={t('app.homeLink')}>
      {inner}
    </Link>
  ) : (
    <span className="brand">{inner}</span>
  );
}

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="lang-switch">
      <span>{t('app.language')}</span>
      <select value={i18n.language} onChange={(e) => void i18n.changeLanguage(e.target.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`app.languages.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function Footer({ showApiDocs }: { showApiDocs?: boolean }) {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="container footer-inner">
        <p>{t('app.footer')}</p>
        <div className="footer-links">
          {showApiDocs ? (
            <a href="/api/docs" target="_blank" rel="noopener">
              {t('app.apiDocs')}
            </a>
          ) : null}
          <LanguageSwitch />
        </div>
      </div>
    </footer>
  );
}

/** Header, navigation by permission, user menu, main region and footer. */
export function AppShell({ children, restricted }: { children: ReactNode; restricted?: boolean }) {
  const { t } = useTranslation();
  const user = useUser();
  const location = useLocation();
  const [navOpen, setNavOpen] = useState(false);
  const items = restricted ? [] : visibleNav(user.permissions);

  useEffect(() => setNavOpen(false), [location.pathname]);

  return (
    <div className="app">
      <SkipLink />
      <header className="site-header">
        <div className="header-bar">
        <div className="container header-inner">
          <Brand linked={!restricted} />
          <div className="header-tools">
            {items.length ? (
              <button
                type="button"
                className="nav-toggle"
                aria-expanded={navOpen}
                aria-controls="main-nav"
                onClick={() => setNavOpen((o) => !o)}
              >
                <svg aria-hidden="true" viewBox="0 0 20 20" width="20" height="20">
                  {navOpen ? (
                    <path d="M5 5l10 10M15 5 5 15" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
                  ) : (
                    <path d="M3 5.5h14M3 10h14M3 14.5h14" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
                  )}
                </svg>
                <span>{t('nav.openMenu')}</span>
              </button>
            ) : null}
            <UserMenu restricted={restricted} />
          </div>
        </div>
        </div>
        {items.length ? (
          <nav id="main-nav" className={`main-nav ${navOpen ? 'is-open' : ''}`} aria-label={t('nav.label')}>
            <ul className="container">
              {items.map((i) => (
                <li key={i.to}>
                  <NavLink
                    to={i.to}
                    end={i.end ?? false}
                    className={({ isActive }) => (isActive && !i.except?.some((p) => location.pathname.startsWith(p)) ? 'active' : '')}
                    aria-current={i.except?.some((p) => location.pathname.startsWith(p)) ? false : undefined}
                  >
                    {t(i.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="contenido" className="container main" tabIndex={-1}>
        {children}
      </main>
      <Footer showApiDocs={user.permissions.includes('users.manage')} />
    </div>
  );
}
