import { useState, type FormEvent } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Input from 'antd/es/input';
import { api } from '../../app/api-client';
import { useErrorMessage } from '../../app/use-error-message';

export interface Passkey {
  id: string;
  name: string | null;
  kind: 'synced' | 'device' | 'security_key';
  createdAt: string;
  lastUsedAt: string | null;
}

/** The server's limit (src/use-cases/auth/rename-passkey.ts MAX_PASSKEY_NAME_LENGTH). */
const MAX_NAME_LENGTH = 60;

/**
 * The party's passkeys, each with its name (or kind), when it was added and last used; a lost
 * phone's passkey is removed here. Needs the sign-in area messages around it.
 */
type PasskeyChange = 'renamed' | 'removed';

export function PasskeyList({
  passkeys,
  onChange,
}: {
  passkeys: Passkey[];
  onChange(change: PasskeyChange): void;
}) {
  if (passkeys.length === 0) return null;
  return (
    <ul className="passkey-list" style={{ listStyle: 'none', padding: 0, margin: '0 0 16px' }}>
      {passkeys.map((p) => (
        <PasskeyRow key={p.id} passkey={p} onChange={onChange} />
      ))}
    </ul>
  );
}

function PasskeyRow({
  passkey: p,
  onChange,
}: {
  passkey: Passkey;
  onChange(change: PasskeyChange): void;
}) {
  const intl = useIntl();
  const errorMessage = useErrorMessage();
  const [mode, setMode] = useState<'view' | 'rename' | 'confirmRemove'>('view');
  const [name, setName] = useState(p.name ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const label = p.name ?? intl.formatMessage({ id: `signIn.passkeyKind.${p.kind}` });
  const nameId = `passkey-name-${p.id}`;

  const act = async (change: PasskeyChange, work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      setMode('view');
      onChange(change);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const path = `/api/v1/me/passkeys/${encodeURIComponent(p.id)}`;
  const rename = (e: FormEvent) => {
    e.preventDefault();
    void act('renamed', () => api.patch(path, { name }));
  };

  return (
    <li
      aria-label={label}
      style={{ borderBlockEnd: '1px solid #e3e7eb', padding: '10px 0' }}
      data-testid="passkey-row"
    >
      <div style={{ fontWeight: 600 }}>
        <bdi>{label}</bdi>
      </div>
      <div style={{ color: '#596673' }}>
        <FormattedMessage
          id="signIn.passkeyAddedOn"
          values={{ date: <FormattedDate value={p.createdAt} dateStyle="medium" /> }}
        />
        {' · '}
        {p.lastUsedAt ? (
          <FormattedMessage
            id="signIn.passkeyLastUsed"
            values={{ date: <FormattedDate value={p.lastUsedAt} dateStyle="medium" /> }}
          />
        ) : (
          <FormattedMessage id="signIn.passkeyNeverUsed" />
        )}
      </div>
      {error && (
        <Alert type="error" showIcon role="alert" message={error} style={{ marginTop: 8 }} />
      )}
      {mode === 'view' && (
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginTop: 8 }}>
          <Button size="small" onClick={() => setMode('rename')}>
            <FormattedMessage id="signIn.passkeyRename" />
          </Button>
          <Button size="small" danger onClick={() => setMode('confirmRemove')}>
            <FormattedMessage id="signIn.passkeyRemove" />
          </Button>
        </div>
      )}
      {mode === 'rename' && (
        <form onSubmit={rename} style={{ marginTop: 8 }} noValidate>
          <label htmlFor={nameId} style={{ display: 'block' }}>
            <FormattedMessage id="signIn.passkeyName" />
          </label>
          <Input
            id={nameId}
            value={name}
            maxLength={MAX_NAME_LENGTH}
            onChange={(e) => setName(e.target.value)}
            style={{ marginBottom: 8 }}
          />
          <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            <Button size="small" type="primary" htmlType="submit" loading={busy}>
              <FormattedMessage id="signIn.passkeySaveName" />
            </Button>
            <Button size="small" onClick={() => setMode('view')}>
              <FormattedMessage id="signIn.passkeyCancel" />
            </Button>
          </div>
        </form>
      )}
      {mode === 'confirmRemove' && (
        <div role="group" aria-label={label} style={{ marginTop: 8 }}>
          <p style={{ margin: '0 0 8px' }}>
            <FormattedMessage id="signIn.passkeyRemoveConfirm" />
          </p>
          <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            <Button
              size="small"
              danger
              type="primary"
              loading={busy}
              onClick={() => void act('removed', () => api.delete(path))}
            >
              <FormattedMessage id="signIn.passkeyRemoveYes" />
            </Button>
            <Button size="small" onClick={() => setMode('view')}>
              <FormattedMessage id="signIn.passkeyCancel" />
            </Button>
          </div>
        </div>
      )}
    </li>
  );
}
