import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { fieldErrors } from '../api/client.ts';
import { useUser } from '../auth/session.tsx';
import { Badge, ErrorAlert, Loading, Notice, PageHeader } from '../components/feedback.tsx';
import { SelectField, TextAreaField, TextField } from '../components/forms.tsx';
import { formatDateTime } from '../lib/format.ts';
import { useContactMessages, useConversation, useConversationAction, useConversations, useTemplates } from './api.ts';
import { ChatLog } from './ChatLog.tsx';
import { maskedPhone, waitedText } from './format.ts';
import type { Conversation, ConversationStatus } from './types.ts';
import { WhatsAppTabs } from './WhatsAppTabs.tsx';

type View = 'waiting' | 'mine' | 'open' | 'closed';
const VIEWS: Record<View, { statuses: ConversationStatus[]; mine: boolean }> = {
  waiting: { statuses: ['WAITING'], mine: false },
  mine: { statuses: ['ASSIGNED'], mine: true },
  open: { statuses: ['WAITING', 'ASSIGNED'], mine: false },
  closed: { statuses: ['CLOSED'], mine: false },
};
const isView = (v: string | null): v is View => v !== null && v in VIEWS;

const STATUS_TONE = { WAITING: 'warning', ASSIGNED: 'info', CLOSED: 'muted' } as const;

/**
 * Bandeja de conversaciones (/whatsapp/bandeja): what the ChatBot handed to a person. The view and
 * the selected conversation live in the address (?vista=…&c=…), so a link opens the same place.
 */
export function InboxPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view: View = isView(params.get('vista')) ? (params.get('vista') as View) : 'waiting';
  const selected = params.get('c');
  const list = useConversations(VIEWS[view].statuses, VIEWS[view].mine);
  const setView = (v: View) => {
    const p = new URLSearchParams(params);
    p.set('vista', v);
    setParams(p, { replace: true });
  };
  const select = (id: string) => {
    const p = new URLSearchParams(params);
    p.set('c', id);
    setParams(p);
  };
  const items = list.data?.items ?? [];

  return (
    <>
      <WhatsAppTabs />
      <PageHeader title={t('whatsapp.inbox.title')} intro={t('whatsapp.inbox.intro')} />
      <div className="wa-inbox">
        <section className="card wa-inbox-list" aria-labelledby="wa-inbox-list">
          <h2 id="wa-inbox-list" className="visually-hidden">
            {t('whatsapp.inbox.listLabel')}
          </h2>
          <div className="wa-views" role="group" aria-label={t('whatsapp.inbox.filter')}>
            {(Object.keys(VIEWS) as View[]).map((v) => (
              <button key={v} type="button" className="wa-view" aria-pressed={v === view} onClick={() => setView(v)}>
                {t(`whatsapp.inbox.tab.${v}`)}
              </button>
            ))}
          </div>
          {list.isPending ? <Loading /> : null}
          {list.isError ? <ErrorAlert error={list.error} /> : null}
          {list.data && !items.length ? <p className="muted wa-inbox-empty">{t('whatsapp.inbox.empty')}</p> : null}
          <ul className="plain-list wa-conversations" aria-live="polite">
            {items.map((c) => (
              <li key={c.id}>
                <ConversationRow c={c} selected={c.id === selected} onSelect={() => select(c.id)} />
              </li>
            ))}
          </ul>
        </section>
        <div className="wa-inbox-detail">{selected ? <ConversationDetail key={selected} id={selected} /> : <p className="card muted">{t('whatsapp.inbox.select')}</p>}</div>
      </div>
    </>
  );
}

function contactName(c: Conversation['contact']): string {
  return c.profileName?.trim() || maskedPhone(c.phone);
}

function ConversationRow({ c, selected, onSelect }: { c: Conversation; selected: boolean; onSelect: () => void }) {
  const { t, i18n } = useTranslation();
  const when =
    c.status === 'WAITING'
      ? t('whatsapp.inbox.waited', { time: waitedText(c.openedAt) })
      : c.status === 'ASSIGNED'
        ? t('whatsapp.inbox.assignedTo', { name: c.assignedTo?.displayName ?? '—' })
        : t('whatsapp.inbox.closedAt', { when: formatDateTime(c.closedAt, i18n.language) });
  return (
    <button type="button" className={`wa-conv ${selected ? 'wa-conv-selected' : ''}`} aria-current={selected ? 'true' : undefined} onClick={onSelect} data-conversation={c.id}>
      <span className="wa-conv-top">
        <strong className="wa-conv-name">{contactName(c.contact)}</strong>
        <span className="mono small">{maskedPhone(c.contact.phone)}</span>
      </span>
      <span className="wa-conv-topic">{c.topic}</span>
      <span className="wa-conv-bottom small">
        <span>{when}</span>
        <span className="badge-stack">
          <Badge tone={STATUS_TONE[c.status]}>{t(`whatsapp.inbox.conversationStatus.${c.status}`)}</Badge>
          <Badge tone={c.contact.verified ? 'ok' : 'neutral'}>{c.contact.verified ? t('whatsapp.verified') : t('whatsapp.notVerified')}</Badge>
        </span>
      </span>
    </button>
  );
}

function ConversationDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const me = useUser();
  const conv = useConversation(id);
  const c = conv.data;
  const messages = useContactMessages(c?.contact.phone ?? null, c ? c.status !== 'CLOSED' : false, 'inbox');
  const assign = useConversationAction<{ version?: number }>('assign');
  const close = useConversationAction<{ note?: string }>('close');
  const [closeNote, setCloseNote] = useState('');
  const [notice, setNotice] = useState<string | null>(null);

  if (conv.isPending) return <Loading />;
  if (conv.isError) return <ErrorAlert error={conv.error} />;
  if (!c) return null;
  const mine = c.status === 'ASSIGNED' && c.assignedTo?.id === me.id;
  const contact = messages.data?.contact ?? c.contact;
  const name = contactName(c.contact);

  return (
    <section className="card wa-detail" aria-labelledby="wa-detail-title">
      <div className="section-bar">
        <h2 id="wa-detail-title">{name}</h2>
        <span className="badge-stack">
          <Badge tone={STATUS_TONE[c.status]}>{t(`whatsapp.inbox.conversationStatus.${c.status}`)}</Badge>
          <Badge tone={contact.verified ? 'ok' : 'neutral'}>{contact.verified ? t('whatsapp.verified') : t('whatsapp.notVerified')}</Badge>
          {contact.optedOut ? <Badge tone="danger">{t('whatsapp.optedOut')}</Badge> : null}
        </span>
      </div>
      <dl className="facts-grid wa-facts">
        <div>
          <dt>{t('whatsapp.inbox.phone')}</dt>
          <dd className="mono">{maskedPhone(contact.phone)}</dd>
        </div>
        <div>
          <dt>{t('whatsapp.inbox.topic')}</dt>
          <dd>{c.topic}</dd>
        </div>
        <div>
          <dt>{t('whatsapp.inbox.children')}</dt>
          <dd>{contact.children.length ? contact.children.map((ch) => `${ch.firstName} (${ch.unitName})`).join(', ') : <span className="muted">{t('whatsapp.inbox.noChildren')}</span>}</dd>
        </div>
        <div>
          <dt>{t('whatsapp.inbox.window')}</dt>
          <dd>{contact.windowOpen && contact.windowClosesAt ? t('whatsapp.inbox.windowOpen', { when: formatDateTime(contact.windowClosesAt, lang) }) : t('whatsapp.inbox.windowClosed')}</dd>
        </div>
        {c.caseRef ? (
          <div>
            <dt>{t('whatsapp.inbox.createdCase')}</dt>
            <dd>
              <Link to={`/casos/${c.caseRef.id}`}>{c.caseRef.code ? t('whatsapp.inbox.caseWithCode', { code: c.caseRef.code }) : t('whatsapp.inbox.caseWaiting')}</Link>
            </dd>
          </div>
        ) : null}
        {c.supplyRequestRef ? (
          <div>
            <dt>{t('whatsapp.inbox.supplyRequest')}</dt>
            <dd className="mono">{c.supplyRequestRef.folio}</dd>
          </div>
        ) : null}
        {c.note ? (
          <div>
            <dt>{t('whatsapp.inbox.note')}</dt>
            <dd>{c.note}</dd>
          </div>
        ) : null}
      </dl>

      {notice ? <Notice onDismiss={() => setNotice(null)}>{notice}</Notice> : null}
      <ErrorAlert error={assign.error ?? close.error} />

      {c.status !== 'CLOSED' ? (
        <div className="wa-actions">
          {mine ? (
            <p className="small wa-mine">{t('whatsapp.inbox.taken')}</p>
          ) : (
            <>
              {c.status === 'ASSIGNED' ? <p className="small">{t('whatsapp.inbox.takenByOther', { name: c.assignedTo?.displayName ?? '—' })}</p> : null}
              <button
                type="button"
                className="btn btn-primary"
                disabled={assign.isPending}
                onClick={() => assign.mutate({ id: c.id, body: c.version !== undefined ? { version: c.version } : {} }, { onSuccess: () => setNotice(null) })}
              >
                {t('whatsapp.inbox.take')}
              </button>
            </>
          )}
        </div>
      ) : null}

      <h3 className="wa-history-title">{t('whatsapp.inbox.history')}</h3>
      {messages.isPending && !!c ? <Loading label={t('whatsapp.chat.loading')} /> : null}
      {messages.isError ? <ErrorAlert error={messages.error} /> : null}
      <div className="wa-history">
        <ChatLog messages={messages.data?.items ?? []} name={name} perspective="staff" />
      </div>

      {c.status !== 'CLOSED' ? (
        mine ? (
          <ReplyBox conversation={c} windowOpen={contact.windowOpen} onSent={() => setNotice(t('whatsapp.inbox.sent'))} />
        ) : (
          <p className="muted small">{t('whatsapp.inbox.takeFirst')}</p>
        )
      ) : null}

      {c.status !== 'CLOSED' && mine ? (
        <form
          className="wa-close"
          onSubmit={(e) => {
            e.preventDefault();
            close.mutate({ id: c.id, body: closeNote.trim() ? { note: closeNote.trim() } : {} }, { onSuccess: () => setNotice(t('whatsapp.inbox.closed')) });
          }}
        >
          <TextField label={t('whatsapp.inbox.closeNote')} name="closeNote" maxLength={1000} value={closeNote} onChange={(e) => setCloseNote(e.target.value)} />
          <button type="submit" className="btn btn-secondary" disabled={close.isPending}>
            {t('whatsapp.inbox.close')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

function ReplyBox({ conversation, windowOpen, onSent }: { conversation: Conversation; windowOpen: boolean; onSent: () => void }) {
  const { t } = useTranslation();
  const reply = useConversationAction<{ text: string } | { template: { name: string; params: string[] } }>('reply');
  const templates = useTemplates(!windowOpen);
  const [text, setText] = useState('');
  const [templateName, setTemplateName] = useState('');
  const [params, setParams] = useState<string[]>([]);
  const [clientError, setClientError] = useState<Record<string, string>>({});
  const template = templates.data?.items.find((x) => x.name === templateName);
  const serverFields = fieldErrors(reply.error);

  const submitText = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) {
      setClientError({ text: t('whatsapp.inbox.errors.required') });
      return;
    }
    setClientError({});
    reply.mutate(
      { id: conversation.id, body: { text: text.trim() } },
      {
        onSuccess: () => {
          setText('');
          onSent();
        },
      },
    );
  };
  const submitTemplate = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!template) errs.template = t('whatsapp.inbox.errors.chooseTemplate');
    for (let i = 0; i < (template?.params ?? 0); i++) if (!(params[i] ?? '').trim()) errs[`p${i}`] = t('whatsapp.inbox.errors.param');
    setClientError(errs);
    if (Object.keys(errs).length || !template) return;
    reply.mutate(
      { id: conversation.id, body: { template: { name: template.name, params: params.slice(0, template.params).map((p) => p.trim()) } } },
      {
        onSuccess: () => {
          setParams([]);
          onSent();
        },
      },
    );
  };

  if (windowOpen) {
    return (
      <form className="wa-reply" onSubmit={submitText} noValidate>
        <TextAreaField
          label={t('whatsapp.inbox.reply')}
          name="text"
          rows={3}
          maxLength={4096}
          value={text}
          hint={t('whatsapp.inbox.replyHint')}
          error={clientError.text ?? serverFields.text}
          onChange={(e) => setText(e.target.value)}
        />
        {reply.isError && !serverFields.text ? <ErrorAlert error={reply.error} /> : null}
        <button type="submit" className="btn btn-primary" disabled={reply.isPending}>
          {t('whatsapp.inbox.send')}
        </button>
      </form>
    );
  }
  const preview = template ? template.body.replace(/\{\{(\d+)\}\}/g, (_, n: string) => params[Number(n) - 1]?.trim() || `{{${n}}}`) : '';
  return (
    <form className="wa-reply" onSubmit={submitTemplate} noValidate>
      <Notice tone="warning">{t('whatsapp.inbox.windowRule')}</Notice>
      {templates.isError ? <ErrorAlert error={templates.error} /> : null}
      <SelectField
        label={t('whatsapp.inbox.template')}
        name="template"
        value={templateName}
        placeholder={t('whatsapp.inbox.templateChoose')}
        options={(templates.data?.items ?? []).map((x) => ({ value: x.name, label: x.name }))}
        error={clientError.template}
        onChange={(e) => {
          setTemplateName(e.target.value);
          setParams([]);
        }}
      />
      {template
        ? Array.from({ length: template.params }, (_, i) => (
            <TextField
              key={i}
              label={t('whatsapp.inbox.param', { n: String(i + 1) })}
              name={`p${i}`}
              value={params[i] ?? ''}
              maxLength={1000}
              error={clientError[`p${i}`]}
              onChange={(e) => setParams((ps) => Object.assign([...ps], { [i]: e.target.value }))}
            />
          ))
        : null}
      {template ? (
        <div className="wa-template-preview">
          <p className="small muted">{t('whatsapp.inbox.preview')}</p>
          <p className="wa-bubble wa-bubble-mine wa-text">{preview}</p>
        </div>
      ) : null}
      {reply.isError ? <ErrorAlert error={reply.error} /> : null}
      <button type="submit" className="btn btn-primary" disabled={reply.isPending}>
        {t('whatsapp.inbox.sendTemplate')}
      </button>
    </form>
  );
}
