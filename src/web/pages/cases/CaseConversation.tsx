import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Input from 'antd/es/input';
import Select from 'antd/es/select';
import { api } from '../../app/api-client';
import { useLocale } from '../../app/LocaleContext';
import { useErrorMessage } from '../../app/use-error-message';
import type { CaseParty } from './case-types';
import {
  evidenceUrl,
  previewableTypes,
  type Channel,
  type ChannelState,
  type EvidenceFile,
  type Thread,
  type ThreadMessage,
} from './conversation-types';
import { FileSize } from './FileSize';
import './conversation.css';

const languageOf = (locale: string): string => locale.split('-')[0]!;

function ChannelName({ channel, audience }: { channel: Channel; audience: 'party' | 'staff' }) {
  if (audience === 'party' && channel.startsWith('caucus_'))
    return <FormattedMessage id="conversation.channel.ownCaucus" />;
  return <FormattedMessage id={`conversation.channel.${channel}`} />;
}

function ChannelExplanation({
  channel,
  audience,
}: {
  channel: Channel;
  audience: 'party' | 'staff';
}) {
  if (channel === 'everyone')
    return (
      <FormattedMessage
        id={
          audience === 'party'
            ? 'conversation.explain.everyoneParty'
            : 'conversation.explain.everyone'
        }
      />
    );
  if (channel === 'team') return <FormattedMessage id="conversation.explain.team" />;
  if (audience === 'party') return <FormattedMessage id="conversation.explain.ownCaucus" />;
  return (
    <FormattedMessage
      id="conversation.explain.caucus"
      values={{ side: channel === 'caucus_applicant' ? 'applicant' : 'respondent' }}
    />
  );
}

export function Attachments({ caseId, files }: { caseId: string; files: EvidenceFile[] }) {
  return (
    <ul className="conversation-attachments">
      {files.map((d) => (
        <li key={d.id}>
          <a
            href={evidenceUrl(caseId, d, true)}
            target={previewableTypes.includes(d.mediaType) ? '_blank' : undefined}
            rel="noopener noreferrer"
            download={previewableTypes.includes(d.mediaType) ? undefined : d.filename}
          >
            <bdi>{d.filename}</bdi>
          </a>{' '}
          <span className="conversation-muted">
            (<FileSize bytes={d.sizeBytes} />)
          </span>
        </li>
      ))}
    </ul>
  );
}

function TranslationForm({
  caseId,
  message,
  languages,
  onDone,
}: {
  caseId: string;
  message: ThreadMessage;
  languages: string[];
  onDone(): void;
}) {
  const intl = useIntl();
  const { locale } = useLocale();
  const errorMessage = useErrorMessage();
  const choices = languages.filter((l) => l !== message.language);
  const [language, setLanguage] = useState(choices[0] ?? '');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
  const save = async () => {
    if (!text.trim()) {
      setError(intl.formatMessage({ id: 'conversation.empty' }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.put(`/api/v1/cases/${caseId}/messages/${message.id}/translations/${language}`, {
        text: text.trim(),
      });
      setText('');
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const textId = `translation-text-${message.id}`;
  return (
    <div className="conversation-translate">
      <label className="conversation-label" htmlFor={`translation-language-${message.id}`}>
        <FormattedMessage id="conversation.translate.language" />
      </label>
      <Select
        id={`translation-language-${message.id}`}
        value={language}
        onChange={setLanguage}
        options={choices.map((l) => ({ value: l, label: names.of(l) }))}
        style={{ minWidth: 160 }}
      />
      <label className="conversation-label" htmlFor={textId}>
        <FormattedMessage id="conversation.translate.text" />
      </label>
      <Input.TextArea
        id={textId}
        rows={2}
        dir="auto"
        lang={language}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      {error && <Alert type="error" showIcon role="alert" message={error} />}
      <Button loading={busy} onClick={() => void save()}>
        <FormattedMessage id="conversation.translate.save" />
      </Button>
    </div>
  );
}

function MessageItem({
  caseId,
  m,
  reader,
  canTranslate,
  languages,
  onChanged,
}: {
  caseId: string;
  m: ThreadMessage;
  reader: string;
  canTranslate: boolean;
  languages: string[];
  onChanged(): void;
}) {
  const { locale } = useLocale();
  const [translating, setTranslating] = useState(false);
  const names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
  const own = m.translations.find((t) => t.language === reader);
  // A party reads the translation into their language first, the original beneath it; staff
  // read the original with every translation under it, each with who made it.
  const shown = m.language === reader ? [] : own ? [own] : [];
  const translations = canTranslate ? m.translations : shown;
  return (
    <li className="conversation-message" data-message-id={m.id}>
      <p className="conversation-head">
        <strong>
          <bdi>{m.author}</bdi>
        </strong>{' '}
        <span className="conversation-muted">
          <FormattedDate value={m.createdAt} dateStyle="medium" timeStyle="short" />
        </span>
      </p>
      {!canTranslate && own && m.language !== reader ? (
        <>
          <p className="conversation-text" lang={own.language} dir="auto">
            {own.text}
          </p>
          <p className="conversation-muted conversation-small">
            <FormattedMessage
              id={
                own.method === 'machine'
                  ? 'conversation.translation.machine'
                  : 'conversation.translation.by'
              }
              values={{
                language: names.of(own.language),
                name: <bdi>{own.translatedBy.name}</bdi>,
                provider: own.provider ?? '',
              }}
            />
          </p>
          <details>
            <summary>
              <FormattedMessage
                id="conversation.translation.original"
                values={{ language: names.of(m.language) }}
              />
            </summary>
            <p className="conversation-text" lang={m.language} dir="auto">
              {m.body}
            </p>
          </details>
        </>
      ) : (
        <>
          <p className="conversation-text" lang={m.language} dir="auto">
            {m.body}
          </p>
          {!canTranslate && m.language !== reader && !own && (
            <p className="conversation-muted conversation-small">
              <FormattedMessage id="conversation.notTranslated" />
            </p>
          )}
          {canTranslate &&
            translations.map((t) => (
              <div key={t.language} className="conversation-translation">
                <p className="conversation-text" lang={t.language} dir="auto">
                  {t.text}
                </p>
                <p className="conversation-muted conversation-small">
                  <FormattedMessage
                    id={
                      t.method === 'machine'
                        ? 'conversation.translation.machine'
                        : 'conversation.translation.by'
                    }
                    values={{
                      language: names.of(t.language),
                      name: <bdi>{t.translatedBy.name}</bdi>,
                      provider: t.provider ?? '',
                    }}
                  />
                </p>
              </div>
            ))}
        </>
      )}
      {m.attachments.length > 0 && <Attachments caseId={caseId} files={m.attachments} />}
      {canTranslate && (
        <>
          <Button type="link" size="small" onClick={() => setTranslating((v) => !v)}>
            <FormattedMessage id="conversation.translate" />
          </Button>
          {translating && (
            <TranslationForm
              caseId={caseId}
              message={m}
              languages={languages}
              onDone={() => {
                setTranslating(false);
                onChanged();
              }}
            />
          )}
        </>
      )}
    </li>
  );
}

/**
 * The case thread by channel: everyone, team only (staff) and the private caucus (a party sees
 * only its own side's). Each channel shows its unread count; opening a channel marks it read up
 * to its last message through an explicit write, while the "new" line stays where it was when
 * the page loaded, so the reader still sees where the new messages begin.
 */
export function CaseConversation({
  caseId,
  parties,
  audience,
  onEvidenceChanged,
}: {
  caseId: string;
  parties: CaseParty[];
  audience: 'party' | 'staff';
  onEvidenceChanged?(): void;
}) {
  const intl = useIntl();
  const { locale } = useLocale();
  const reader = languageOf(locale);
  const errorMessage = useErrorMessage();
  const errorRef = useRef(errorMessage);
  errorRef.current = errorMessage;
  const [thread, setThread] = useState<Thread | null>(null);
  const [active, setActive] = useState<Channel>('everyone');
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  // Where "new" began in each channel when it was first shown: kept after marking read.
  const [markers, setMarkers] = useState<Partial<Record<Channel, string>>>({});
  const marking = useRef(new Set<string>());

  const load = useCallback(async () => {
    try {
      const t = await api.get<Thread>(`/api/v1/cases/${caseId}/messages`);
      setThread(t);
      setMarkers((old) => {
        const next = { ...old };
        for (const c of t.channels) {
          if (!(c.channel in next) && c.firstUnreadId) next[c.channel] = c.firstUnreadId;
        }
        return next;
      });
    } catch (e) {
      setError(errorRef.current(e));
    }
  }, [caseId]);

  useEffect(() => {
    void load();
  }, [load]);

  const items = useMemo(
    () => thread?.items.filter((m) => m.channel === active) ?? [],
    [thread, active],
  );
  const state: ChannelState | undefined = thread?.channels.find((c) => c.channel === active);

  // Viewing a channel marks it read up to its last message (an explicit write; the GET never does).
  useEffect(() => {
    const last = items[items.length - 1];
    if (!state || state.unread === 0 || !last) return;
    const key = `${active}:${last.id}`;
    if (marking.current.has(key)) return;
    marking.current.add(key);
    void api
      .put(`/api/v1/cases/${caseId}/messages/read-positions/${active}`, { upTo: last.id })
      .then(() =>
        setThread((t) =>
          t
            ? {
                ...t,
                channels: t.channels.map((c) =>
                  c.channel === active ? { ...c, unread: 0, firstUnreadId: null } : c,
                ),
              }
            : t,
        ),
      )
      .catch((e: unknown) => setError(errorRef.current(e)));
  }, [caseId, active, items, state]);

  const languages = useMemo(() => {
    const all = new Set<string>(['zh', 'en']);
    for (const p of parties) {
      all.add(p.preferredLanguage);
      for (const l of p.languages) all.add(l);
    }
    return [...all];
  }, [parties]);

  const send = async () => {
    if (!text.trim()) {
      setError(intl.formatMessage({ id: 'conversation.empty' }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const documentIds: string[] = [];
      const file = fileInput.current?.files?.[0];
      if (file) {
        const form = new FormData();
        // Parties share with everyone; team posts keep the file to the team; a caucus file is
        // uploaded into that caucus so the other side never sees it.
        form.append('visibility', active === 'team' ? 'team' : 'all');
        if (active.startsWith('caucus_')) form.append('channel', active);
        form.append('file', file, file.name);
        const d = await api.upload<EvidenceFile>(`/api/v1/cases/${caseId}/documents`, form);
        documentIds.push(d.id);
      }
      await api.post(`/api/v1/cases/${caseId}/messages`, {
        visibility: active,
        language: reader,
        body: text.trim(),
        documentIds,
      });
      setText('');
      if (fileInput.current) fileInput.current.value = '';
      await load();
      if (documentIds.length) onEvidenceChanged?.();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (!thread) return error ? <Alert type="error" showIcon role="alert" message={error} /> : null;
  const marker = markers[active];
  return (
    <section aria-labelledby="conversation-title" className="conversation">
      <h2 id="conversation-title">
        <FormattedMessage id="conversation.title" />
      </h2>
      <div role="tablist" className="conversation-channels" aria-labelledby="conversation-title">
        {thread.channels.map((c) => (
          <button
            key={c.channel}
            type="button"
            role="tab"
            id={`channel-${c.channel}`}
            aria-selected={c.channel === active}
            aria-controls="conversation-panel"
            className={`conversation-channel${c.channel === active ? ' is-active' : ''}${
              c.channel.startsWith('caucus_') ? ' is-caucus' : ''
            }`}
            onClick={() => setActive(c.channel)}
          >
            <ChannelName channel={c.channel} audience={audience} />
            {c.unread > 0 && (
              <span
                className="conversation-badge"
                aria-label={intl.formatMessage({ id: 'conversation.unread' }, { count: c.unread })}
              >
                {intl.formatNumber(c.unread)}
              </span>
            )}
          </button>
        ))}
      </div>
      <div
        id="conversation-panel"
        role="tabpanel"
        aria-labelledby={`channel-${active}`}
        className={`conversation-panel${active.startsWith('caucus_') ? ' is-caucus' : ''}`}
      >
        <p className="conversation-explain">
          <ChannelExplanation channel={active} audience={audience} />
        </p>
        {items.length === 0 && (
          <p className="conversation-muted">
            <FormattedMessage id="conversation.none" />
          </p>
        )}
        {items.length > 0 && (
          <ol className="conversation-thread">
            {items.map((m) => (
              <FragmentWithMarker key={m.id} marker={m.id === marker}>
                <MessageItem
                  caseId={caseId}
                  m={m}
                  reader={reader}
                  canTranslate={audience === 'staff'}
                  languages={languages}
                  onChanged={() => void load()}
                />
              </FragmentWithMarker>
            ))}
          </ol>
        )}
        {state?.writable && (
          <div className="form-card">
            <label htmlFor="conversation-text" className="conversation-label">
              <FormattedMessage id="conversation.write" />
            </label>
            <Input.TextArea
              id="conversation-text"
              rows={3}
              dir="auto"
              maxLength={20_000}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <label htmlFor="conversation-file" className="conversation-label">
              <FormattedMessage id="conversation.attach" />
            </label>
            <input
              id="conversation-file"
              ref={fileInput}
              type="file"
              accept=".pdf,.png,.jpg,.jpeg,.webp,.heic,.docx,.xlsx,.txt"
              className="conversation-file"
            />
            {error && <Alert type="error" showIcon role="alert" message={error} />}
            <div className="form-actions">
              <span />
              <Button type="primary" loading={busy} onClick={() => void send()}>
                <FormattedMessage id="conversation.send" />
              </Button>
            </div>
          </div>
        )}
      </div>
    </section>
  );
}

function FragmentWithMarker({ marker, children }: { marker: boolean; children: ReactNode }) {
  return (
    <>
      {marker && (
        <li className="conversation-new">
          <span>
            <FormattedMessage id="conversation.newMarker" />
          </span>
        </li>
      )}
      {children}
    </>
  );
}
