import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import { api, type SessionResponse } from '../../app/api-client';

/** Whether this browser can use passkeys at all (WebAuthn needs a secure context). */
export const passkeysSupported = () =>
  typeof window !== 'undefined' && typeof window.PublicKeyCredential === 'function';

/**
 * "Use a passkey": a usernameless sign-in, the browser offers the passkeys it holds for this
 * site. Needs the sign-in area messages around it.
 */
export function PasskeySignIn({ onSignedIn }: { onSignedIn: (r: SessionResponse) => void }) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  if (!passkeysSupported()) return null;

  const signIn = async () => {
    setBusy(true);
    setFailed(false);
    try {
      const { options } = await api.post<{ options: unknown }>('/api/v1/auth/passkeys/options');
      // The WebAuthn helper is loaded only by those who use it.
      const { startAuthentication } = await import('@simplewebauthn/browser');
      const response = await startAuthentication({ optionsJSON: options as never });
      onSignedIn(await api.post<SessionResponse>('/api/v1/auth/passkeys/verify', { response }));
    } catch {
      // Cancelled, no passkey for this site, or refused: the same advice in every case.
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="passkey-sign-in">
      {failed && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          message={<FormattedMessage id="signIn.passkeyFailed" />}
          style={{ marginBottom: 12 }}
        />
      )}
      <Button block loading={busy} onClick={() => void signIn()}>
        <FormattedMessage id="signIn.passkey" />
      </Button>
    </div>
  );
}
