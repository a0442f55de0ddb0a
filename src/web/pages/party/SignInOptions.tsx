import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Input from 'antd/es/input';
import { api, ApiError } from '../../app/api-client';
import { useErrorMessage } from '../../app/use-error-message';
import { passkeysSupported } from '../public/PasskeySignIn';
import { PasskeyList, type Passkey } from './PasskeyList';

/** The server's password policy (src/domain/password-policy.ts MIN_PASSWORD_LENGTH). */
const MIN_PASSWORD_LENGTH = 12;
const passwordRules = new Set(['too_short', 'too_simple', 'breached', 'too_long']);

interface Options {
  hasPassword: boolean;
  passkeys: Passkey[];
}

const passkeyNoteMessage = {
  added: 'signIn.passkeyAdded',
  removed: 'signIn.passkeyRemoved',
  failed: 'signIn.passkeyNotAdded',
} as const;

/**
 * A party's ways in besides the e-mailed link: a passkey on this device, a first password.
 * Needs the sign-in area messages around it.
 */
export function SignInOptions() {
  const intl = useIntl();
  const errorMessage = useErrorMessage();
  const [options, setOptions] = useState<Options | null>(null);
  const [passkeyNote, setPasskeyNote] = useState<'added' | 'removed' | 'failed' | null>(null);
  const [addingPasskey, setAddingPasskey] = useState(false);
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [passwordSaved, setPasswordSaved] = useState(false);
  const [savingPassword, setSavingPassword] = useState(false);

  const load = useCallback(() => {
    void api.get<Options>('/api/v1/me/sign-in-options').then(setOptions);
  }, []);
  useEffect(load, [load]);

  const addPasskey = async () => {
    setAddingPasskey(true);
    setPasskeyNote(null);
    try {
      const { options: creation } = await api.post<{ options: unknown }>(
        '/api/v1/me/passkeys/options',
      );
      const { startRegistration } = await import('@simplewebauthn/browser');
      const response = await startRegistration({ optionsJSON: creation as never });
      await api.post('/api/v1/me/passkeys', { response });
      setPasskeyNote('added');
      load();
    } catch {
      setPasskeyNote('failed');
    } finally {
      setAddingPasskey(false);
    }
  };

  const savePassword = async (e: FormEvent) => {
    e.preventDefault();
    setPasswordError(null);
    setSavingPassword(true);
    try {
      await api.post('/api/v1/me/password', { newPassword: password });
      setPassword('');
      setPasswordSaved(true);
      load();
    } catch (err) {
      const rule = (err as ApiError).details as { rule?: string } | undefined;
      setPasswordError(
        err instanceof ApiError && rule?.rule && passwordRules.has(rule.rule)
          ? intl.formatMessage(
              { id: `signIn.passwordRule.${rule.rule}` },
              { min: MIN_PASSWORD_LENGTH },
            )
          : errorMessage(err),
      );
    } finally {
      setSavingPassword(false);
    }
  };

  if (!options) return null;
  return (
    <section className="form-card sign-in-options" aria-labelledby="sign-in-options-title">
      <h2 id="sign-in-options-title">
        <FormattedMessage id="signIn.optionsTitle" />
      </h2>
      <p>
        <FormattedMessage id="signIn.optionsIntro" />
      </p>
      <p data-testid="passkey-count">
        <FormattedMessage id="signIn.passkeys" values={{ count: options.passkeys.length }} />
      </p>
      <PasskeyList
        passkeys={options.passkeys}
        onChange={(change) => {
          setPasskeyNote(change === 'removed' ? 'removed' : null);
          load();
        }}
      />
      {passkeysSupported() && (
        <>
          <p>
            <FormattedMessage id="signIn.passkeyHelp" />
          </p>
          {passkeyNote && (
            <Alert
              type={passkeyNote === 'failed' ? 'warning' : 'success'}
              showIcon
              role={passkeyNote === 'failed' ? 'alert' : 'status'}
              message={<FormattedMessage id={passkeyNoteMessage[passkeyNote]} />}
              style={{ marginBottom: 12 }}
            />
          )}
          <Button loading={addingPasskey} onClick={() => void addPasskey()}>
            <FormattedMessage id="signIn.addPasskey" />
          </Button>
        </>
      )}
      <div style={{ marginTop: 20 }}>
        {passwordSaved && (
          <Alert
            type="success"
            showIcon
            role="status"
            message={<FormattedMessage id="signIn.passwordSaved" />}
            style={{ marginBottom: 12 }}
          />
        )}
        {options.hasPassword ? (
          <p>
            <FormattedMessage id="signIn.passwordIsSet" />
          </p>
        ) : (
          <form onSubmit={(e) => void savePassword(e)} noValidate>
            {passwordError && (
              <Alert
                type="error"
                showIcon
                role="alert"
                message={passwordError}
                style={{ marginBottom: 12 }}
              />
            )}
            <label htmlFor="first-password" style={{ display: 'block', fontWeight: 600 }}>
              <FormattedMessage id="signIn.newPassword" />
            </label>
            <Input.Password
              id="first-password"
              autoComplete="new-password"
              dir="ltr"
              value={password}
              aria-describedby="first-password-hint"
              onChange={(e) => setPassword(e.target.value)}
            />
            <p id="first-password-hint" style={{ color: '#596673', marginTop: 4 }}>
              <FormattedMessage id="signIn.passwordHint" values={{ min: MIN_PASSWORD_LENGTH }} />
            </p>
            <Button htmlType="submit" loading={savingPassword}>
              <FormattedMessage id="signIn.setPassword" />
            </Button>
          </form>
        )}
      </div>
    </section>
  );
}
