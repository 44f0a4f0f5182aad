import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/feedback.tsx';
import { FieldMessage } from '../components/forms.tsx';
import { TextField } from '../components/forms.tsx';
import { attachmentHref, invalidateMeetings, uploadFile } from './api.ts';
import { formatBytes, formatMoment } from './format.ts';
import type { Attachment } from './types.ts';

/** Files of a meeting or a case: the list with downloads and, for who may, an upload form. */
export function AttachmentsPanel({
  attachments,
  uploadPath,
  accept,
  empty,
  submitLabel,
  onDone,
}: {
  attachments: Attachment[];
  /** Where to POST a new file; null hides the form. */
  uploadPath: string | null;
  accept: string;
  empty: string;
  /** The upload button's text. */
  submitLabel: string;
  onDone: (msg: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [description, setDescription] = useState('');
  const [fileError, setFileError] = useState<string | undefined>();
  const upload = useMutation({
    mutationFn: (v: { path: string; file: File; description: string }) => uploadFile<Attachment>(v.path, v.file, { description: v.description }),
    onSuccess: () => invalidateMeetings(queryClient),
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!uploadPath) return;
    if (!file) {
      setFileError(t('meetings.errors.file'));
      input.current?.focus();
      return;
    }
    upload.mutate(
      { path: uploadPath, file, description: description.trim() },
      {
        onSuccess: () => {
          onDone(t('meetings.evidence.uploaded', { file: file.name }));
          setFile(null);
          setDescription('');
          if (input.current) input.current.value = '';
        },
      },
    );
  };
  return (
    <>
      {attachments.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <ul className="attachment-list">
          {attachments.map((a) => (
            <li key={a.id}>
              <a href={attachmentHref(a.id)} download={a.fileName} aria-label={t('meetings.evidence.download', { file: a.fileName })}>
                <span aria-hidden="true" className="attachment-icon">
                  {a.mediaType === 'application/pdf' ? 'PDF' : 'IMG'}
                </span>
                {a.fileName}
              </a>
              <span className="muted small">
                {formatBytes(a.byteSize, lang)} · {formatMoment(a.createdAt, lang)}
                {a.description ? ` · ${a.description}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      {uploadPath ? (
        <form className="inline-add upload-form" onSubmit={onSubmit} noValidate>
          <ErrorAlert error={upload.error} />
          <div className="form-grid">
            <div className={`field ${fileError ? 'has-error' : ''}`}>
              <label className="field-label" htmlFor={`file-${uploadPath}`}>
                {t('meetings.evidence.file')}
              </label>
              <input
                ref={input}
                id={`file-${uploadPath}`}
                type="file"
                className="file-input"
                accept={accept}
                aria-invalid={fileError ? true : undefined}
                aria-describedby={fileError ? `file-${uploadPath}-error` : undefined}
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  setFileError(undefined);
                }}
              />
              <FieldMessage id={`file-${uploadPath}-error`} error={fileError} />
            </div>
            <TextField label={t('meetings.evidence.description')} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={300} autoComplete="off" />
          </div>
          <div className="form-actions">
            <button type="submit" className="btn btn-secondary" disabled={upload.isPending}>
              {upload.isPending ? t('meetings.evidence.uploading') : submitLabel}
            </button>
          </div>
        </form>
      ) : null}
    </>
  );
}
