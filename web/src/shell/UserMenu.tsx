import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession, useUser } from '../auth/session.tsx';
import { ErrorAlert } from '../components/feedback.tsx';
import { Modal } from '../components/Modal.tsx';
import { roleName } from '../lib/labels.ts';

function initials(name: string): string {
  const words = name.replace(/\(.*?\)/g, '').split(/\s+/).filter((w) => /^[A-Za-zÁÉÍÓÚÑáéíóúñ]/.test(w) && w.length > 2);
  return ((words[0]?.[0] ?? name[0] ?? '?') + (words[1]?.[0] ?? '')).toUpperCase();
}

/**
 * The account menu (menu button pattern): Enter, Space or ↓ open it on the first item; ↑/↓, Home
 * and End move; Escape closes it and returns focus to the button.
 */
export function UserMenu({ restricted }: { restricted?: boolean }) {
  const { t } = useTranslation();
  const user = useUser();
  const { logout, logoutAll } = useSession();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [confirmAll, setConfirmAll] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const popupRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const buttonId = useId();

  const items = () => Array.from(popupRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
  const focusItem = (index: number) => {
    const list = items();
    if (!list.length) return;
    list[((index % list.length) + list.length) % list.length]?.focus();
  };
  const close = (returnFocus = true) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      const target = e.target as Node;
      if (!popupRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const openWith = (index: number) => {
    setOpen(true);
    requestAnimationFrame(() => focusItem(index));
  };

  const onButtonKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      openWith(0);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      openWith(-1);
    }
  };

  const onMenuKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const list = items();
    const current = list.indexOf(document.activeElement as HTMLElement);
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        focusItem(current + 1);
        break;
      case 'ArrowUp':
        e.preventDefault();
        focusItem(current - 1);
        break;
      case 'Home':
        e.preventDefault();
        focusItem(0);
        break;
      case 'End':
        e.preventDefault();
        focusItem(list.length - 1);
        break;
      case 'Escape':
        e.preventDefault();
        close();
        break;
      case 'Tab':
        setOpen(false);
        break;
    }
  };

  const doLogout = async () => {
    setOpen(false);
    setBusy(true);
    try {
      await logout();
    } catch {
      // the session is cleared locally anyway
    }
    navigate('/ingresar', { replace: true });
  };

  const doLogoutAll = async () => {
    setBusy(true);
    setError(null);
    try {
      await logoutAll();
      navigate('/ingresar', { replace: true });
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  const roleNames = user.roles.map((r) => roleName(t, r, user.roleNames[r])).join(', ');

  return (
    <div className="user-menu">
      <button
        ref={buttonRef}
        id={buttonId}
        type="button"
        className="user-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => (open ? close(false) : setOpen(true))}
        onKeyDown={onButtonKey}
      >
        <span className="avatar" aria-hidden="true">
          {initials(user.displayName)}
        </span>
        <span className="user-button-text">
          <span className="user-button-name">{user.displayName}</span>
          <span className="user-button-role">{roleNames}</span>
        </span>
        <span className="visually-hidden">, {t('userMenu.button')}</span>
        <svg className="chevron" aria-hidden="true" viewBox="0 0 12 12" width="12" height="12">
          <path d="M2.5 4.5 6 8l3.5-3.5" stroke="currentColor" strokeWidth="1.6" fill="none" strokeLinecap="round" />
        </svg>
      </button>
      <div ref={popupRef} className="user-popup" hidden={!open}>
        <div className="user-info">
          <p className="user-info-name">{user.displayName}</p>
          <p className="user-info-username">{user.username}</p>
          <dl className="user-info-list">
            <dt>{t('userMenu.roles')}</dt>
            <dd>{roleNames}</dd>
            <dt>{t('userMenu.units')}</dt>
            <dd>
              {user.allUnits ? (
                t('userMenu.allUnits')
              ) : user.units.length ? (
                <ul>
                  {user.units.map((u) => (
                    <li key={u.id}>
                      {u.shortName} <span className="muted">({u.clues})</span>
                    </li>
                  ))}
                </ul>
              ) : (
                t('userMenu.noUnits')
              )}
            </dd>
          </dl>
        </div>
        <ul id={menuId} role="menu" aria-labelledby={buttonId} className="user-actions" onKeyDown={onMenuKey}>
          {!restricted ? (
            <MenuItem
              onSelect={() => {
                close(false);
                navigate('/cambiar-contrasena');
              }}
            >
              {t('userMenu.changePassword')}
            </MenuItem>
          ) : null}
          <MenuItem onSelect={() => void doLogout()} disabled={busy}>
            {t('userMenu.logout')}
          </MenuItem>
          <MenuItem
            onSelect={() => {
              setOpen(false);
              setConfirmAll(true);
            }}
          >
            {t('userMenu.logoutAll')}
          </MenuItem>
        </ul>
      </div>
      {confirmAll ? (
        <Modal title={t('userMenu.logoutAll')} onClose={() => setConfirmAll(false)}>
          <ErrorAlert error={error} />
          <p>{t('userMenu.logoutAllConfirm')}</p>
          <div className="form-actions">
            <button type="button" className="btn btn-secondary" onClick={() => setConfirmAll(false)}>
              {t('common.cancel')}
            </button>
            <button type="button" className="btn btn-danger" onClick={() => void doLogoutAll()} disabled={busy}>
              {t('userMenu.logoutAll')}
            </button>
          </div>
        </Modal>
      ) : null}
    </div>
  );
}

/** One entry of the user menu (roving focus: the menu moves focus, so items are not in the tab order). */
function MenuItem({ onSelect, disabled, children }: { onSelect: () => void; disabled?: boolean; children: ReactNode }) {
  return (
    <li role="none">
      <button type="button" role="menuitem" tabIndex={-1} onClick={onSelect} disabled={disabled}>
        {children}
      </button>
    </li>
  );
}
