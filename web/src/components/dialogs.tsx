import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from './feedback.tsx';

/** The footer of a dialog: «Cancelar» and the main action, disabled while it runs. */
export function DialogActions({
  onCancel,
  pending,
  label,
  pendingLabel,
  onConfirm,
  danger,
}: {
  onCancel: () => void;
  pending: boolean;
  label: string;
  /** Shown while pending; «Guardando…» unless given. */
  pendingLabel?: string;
  /** A plain button (no form) runs this; otherwise the button submits its form. */
  onConfirm?: () => void;
  danger?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <button type="button" className="btn btn-secondary" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      <button
        type={onConfirm ? 'button' : 'submit'}
        className={`btn ${danger ? 'btn-danger' : 'btn-primary'}`}
        onClick={onConfirm}
        disabled={pending}
      >
        {pending ? (pendingLabel ?? t('common.saving')) : label}
      </button>
    </div>
  );
}

/** The «+ Nuevo…» button of a page header. */
export function NewButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <button type="button" className="btn btn-primary" onClick={onClick}>
      <span aria-hidden="true">+ </span>
      {children}
    </button>
  );
}

/** The dismissible success message a list page shows after a change. */
export function FlashNotice({ message, onDismiss }: { message: string | null; onDismiss: () => void }) {
  return message ? (
    <Notice onDismiss={onDismiss}>
      <p>{message}</p>
    </Notice>
  ) : null;
}

/** The information notices of an edit form: reloaded after a conflict, nothing to save. */
export function FormNotices({ reloaded, noChanges }: { reloaded: ReactNode | false; noChanges: ReactNode | false }) {
  return (
    <>
      {reloaded ? <Notice tone="info">{reloaded}</Notice> : null}
      {noChanges ? <Notice tone="info">{noChanges}</Notice> : null}
    </>
  );
}
