import { Fragment, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../components/Modal.tsx';
import { chatDay, chatTime, dayKey } from './format.ts';
import type { MessageStatus, WaMessage } from './types.ts';

/** A message typed in the simulator that the server has not listed yet. */
export interface PendingMessage {
  key: string;
  text: string;
  createdAt: string;
}

export interface TapReply {
  replyId: string;
  replyTitle: string;
  replyKind: 'button' | 'list';
}

/**
 * A WhatsApp conversation as bubbles. `perspective`: "family" draws the family's messages on the
 * right (the simulated phone), "staff" draws ours on the right (the inbox). Delivery ticks go on
 * our outgoing messages: ✓ sent, ✓✓ delivered, blue ✓✓ read, ⚠ failed with WhatsApp's error.
 * With `onTap`, the bot's buttons and list rows can be tapped (the simulator).
 */
export function ChatLog({
  messages,
  name,
  perspective,
  pending = [],
  onTap,
  busy,
  empty,
}: {
  messages: WaMessage[];
  name: string;
  perspective: 'family' | 'staff';
  pending?: PendingMessage[];
  onTap?: (r: TapReply) => void;
  busy?: boolean;
  empty?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const ref = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const [sheet, setSheet] = useState<WaMessage | null>(null);
  const count = messages.length + pending.length;

  // Stay at the bottom as messages arrive, unless the person scrolled up to read.
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [count, messages]);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onScroll = () => {
      stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 60;
    };
    el.addEventListener('scroll', onScroll);
    return () => el.removeEventListener('scroll', onScroll);
  }, []);

  let lastDay = '';
  return (
    <>
      <div ref={ref} className={`wa-log wa-log-${perspective}`} role="log" aria-live="polite" aria-label={t('whatsapp.chat.log', { name })} tabIndex={0}>
        {count === 0 ? <p className="wa-empty">{empty ?? t('whatsapp.chat.empty')}</p> : null}
        {messages.map((m) => {
          const day = dayKey(m.createdAt);
          const divider = day !== lastDay;
          lastDay = day;
          const mine = perspective === 'family' ? m.direction === 'IN' : m.direction === 'OUT';
          return (
            <Fragment key={m.id}>
              {divider ? (
                <p className="wa-day">
                  <span>{chatDay(m.createdAt, lang)}</span>
                </p>
              ) : null}
              <div className={`wa-row ${mine ? 'wa-row-mine' : 'wa-row-theirs'}`} data-direction={m.direction} data-author={m.author}>
                <div className={`wa-bubble ${mine ? 'wa-bubble-mine' : 'wa-bubble-theirs'} ${m.status === 'FAILED' ? 'wa-bubble-failed' : ''}`}>
                  {m.direction === 'OUT' && m.author !== 'BOT' ? (
                    <p className="wa-author">{m.author === 'STAFF' && m.authorName ? t('whatsapp.chat.staffBy', { name: m.authorName }) : t(`whatsapp.author.${m.author}`)}</p>
                  ) : null}
                  <p className="wa-text">{m.text ? <RichText text={m.text} /> : <span className="muted">{t('whatsapp.chat.media', { type: m.type })}</span>}</p>
                  {m.media && perspective === 'staff' ? (
                    <p className="wa-media">
                      {m.media.status === 'DOWNLOADED' ? (
                        <a href={`/api/whatsapp/media/${m.id}`} download>
                          {t('whatsapp.chat.mediaOpen', { type: m.type })}
                        </a>
                      ) : (
                        <span className="muted">{t(`whatsapp.chat.media${m.media.status}`)}</span>
                      )}
                    </p>
                  ) : null}
                  {m.list ? (
                    <button type="button" className="wa-list-open" onClick={() => setSheet(m)} disabled={!onTap || busy} aria-label={t('whatsapp.chat.openList', { button: m.list.button })}>
                      <span aria-hidden="true">☰ </span>
                      {m.list.button}
                    </button>
                  ) : null}
                  <p className="wa-meta">
                    <time dateTime={m.createdAt}>{chatTime(m.createdAt, lang)}</time>
                    {m.direction === 'OUT' ? <Ticks status={m.status} /> : null}
                  </p>
                  {m.status === 'FAILED' ? (
                    <p className="wa-error" role="note">
                      <span aria-hidden="true">⚠ </span>
                      {t('whatsapp.chat.failed', {
                        error: [m.errorTitle, m.errorCode !== null ? `(${m.errorCode})` : null].filter(Boolean).join(' ') || t('whatsapp.chat.failedUnknown'),
                      })}
                    </p>
                  ) : null}
                </div>
                {m.buttons?.length ? (
                  <div className="wa-buttons" role="group" aria-label={t('whatsapp.chat.replyButtons')}>
                    {m.buttons.map((b) => (
                      <button
                        key={b.id}
                        type="button"
                        className="wa-reply-button"
                        disabled={!onTap || busy}
                        onClick={() => onTap?.({ replyId: b.id, replyTitle: b.title, replyKind: 'button' })}
                      >
                        {b.title}
                      </button>
                    ))}
                  </div>
                ) : null}
              </div>
            </Fragment>
          );
        })}
        {pending.map((p) => (
          <div key={p.key} className={`wa-row ${perspective === 'family' ? 'wa-row-mine' : 'wa-row-theirs'}`} data-pending="true">
            <div className={`wa-bubble ${perspective === 'family' ? 'wa-bubble-mine' : 'wa-bubble-theirs'} wa-bubble-pending`}>
              <p className="wa-text">
                <RichText text={p.text} />
              </p>
              <p className="wa-meta">
                <time dateTime={p.createdAt}>{chatTime(p.createdAt, lang)}</time>
                <span className="wa-tick" title={t('whatsapp.chat.sending')}>
                  <span aria-hidden="true">🕓</span>
                  <span className="visually-hidden">{t('whatsapp.chat.sending')}</span>
                </span>
              </p>
            </div>
          </div>
        ))}
      </div>
      {sheet?.list && onTap ? (
        <Modal title={sheet.list.button} onClose={() => setSheet(null)}>
          <ul className="wa-sheet" aria-label={t('whatsapp.chat.listRows')}>
            {sheet.list.rows.map((r) => (
              <li key={r.id}>
                <button
                  type="button"
                  className="wa-sheet-row"
                  onClick={() => {
                    setSheet(null);
                    onTap({ replyId: r.id, replyTitle: r.title, replyKind: 'list' });
                  }}
                >
                  <span className="wa-sheet-title">{r.title}</span>
                  {r.description ? <span className="wa-sheet-desc">{r.description}</span> : null}
                </button>
              </li>
            ))}
          </ul>
        </Modal>
      ) : null}
    </>
  );
}

/** WhatsApp's *bold* and _italic_, line breaks kept (by CSS). */
function RichText({ text }: { text: string }) {
  const parts = text.split(/(\*[^*\n]+\*|_[^_\n]+_)/g);
  return (
    <>
      {parts.map((p, i) =>
        /^\*[^*\n]+\*$/.test(p) ? <strong key={i}>{p.slice(1, -1)}</strong> : /^_[^_\n]+_$/.test(p) ? <em key={i}>{p.slice(1, -1)}</em> : <Fragment key={i}>{p}</Fragment>,
      )}
    </>
  );
}

function Ticks({ status }: { status: MessageStatus }) {
  const { t } = useTranslation();
  const label = t(`whatsapp.status.${status}`);
  const glyph = status === 'FAILED' ? '⚠' : status === 'READ' || status === 'DELIVERED' ? '✓✓' : status === 'SENT' ? '✓' : '🕓';
  return (
    <span className={`wa-tick wa-tick-${status.toLowerCase()}`} title={label} data-status={status}>
      <span aria-hidden="true">{glyph}</span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}
