import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Input from 'antd/es/input';
import { normalizeCodeInput } from '../../app/AmountInput';
import { api } from '../../app/api-client';
import { useErrorMessage } from '../../app/use-error-message';

const labelStyle = { display: 'block', fontWeight: 600, marginBottom: 4 } as const;

/**
 * Enrolling an authenticator app, for staff whose committee requires two factors: the session is
 * good for nothing else until the first code is confirmed. Shared by the password sign-in and the
 * e-mailed sign-in link (a new committee's first director has no password yet).
 */
export function TotpEnrolmentForm({
  secret,
  otpauthUri,
  onConfirmed,
}: {
  secret: string;
  otpauthUri: string;
  onConfirmed(): void;
}) {
  const intl = useIntl();
  const errorMessage = useErrorMessage();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{6}$/.test(normalizeCodeInput(code))) {
      setError(intl.formatMessage({ id: 'login.totpInvalid' }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/v1/me/totp/confirm', { code: normalizeCodeInput(code) });
      onConfirmed();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="login-box">
      <h1>
        <FormattedMessage id="login.enrolTitle" />
      </h1>
      <form className="form-card" onSubmit={(e) => void confirm(e)} noValidate>
        {error && (
          <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} />
        )}
        <p>
          <FormattedMessage id="login.enrolIntro" />
        </p>
        <p>
          <span style={labelStyle}>
            <FormattedMessage id="login.enrolSecret" />
          </span>
          <code dir="ltr" style={{ wordBreak: 'break-all' }} data-testid="totp-secret">
            {secret}
          </code>
        </p>
        <p>
          <a href={otpauthUri}>
            <FormattedMessage id="login.enrolLink" />
          </a>
        </p>
        <div style={{ marginBottom: 20 }}>
          <label htmlFor="login-totp" style={labelStyle}>
            <FormattedMessage id="login.totpCode" />
          </label>
          <Input
            id="login-totp"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={16}
            dir="ltr"
            autoFocus
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        </div>
        <Button type="primary" htmlType="submit" loading={busy} block>
          <FormattedMessage id="login.enrolConfirm" />
        </Button>
      </form>
    </section>
  );
}
