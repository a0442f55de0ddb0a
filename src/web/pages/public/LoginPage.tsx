import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Input from 'antd/es/input';
import { normalizeCodeInput } from '../../app/AmountInput';
import { api, ApiError, type SessionResponse } from '../../app/api-client';
import { navigate } from '../../app/router';
import { homePathOf, useSession } from '../../app/session';
import { useErrorMessage } from '../../app/use-error-message';
import { AreaMessages } from '../../app/AreaMessages';
import { PasskeySignIn } from './PasskeySignIn';
import { RequestSignInLink } from './RequestSignInLink';
import { safeReturnPath } from './return-path';
import { signInMessages } from './sign-in-messages';
import { TotpEnrolmentForm } from './TotpEnrolmentForm';

/** A director/officer whose committee requires two factors must enrol before anything else. */
type LoginResponse = SessionResponse & { totpEnrollmentRequired?: boolean };

const labelStyle = { display: 'block', fontWeight: 600, marginBottom: 4 } as const;

/** Where to go after signing in: the protected page shown here, or /login's `?next=`. */
function currentReturnPath(): string | undefined {
  if (location.pathname !== '/login') return location.pathname + location.search;
  return safeReturnPath(new URLSearchParams(location.search).get('next'));
}

export default function LoginPage() {
  const intl = useIntl();
  const [returnPath] = useState(currentReturnPath);
  const { signedIn } = useSession();
  const errorMessage = useErrorMessage();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // Shown once the server asks for a code (TOTP_REQUIRED), or while enrolling.
  const [totpAsked, setTotpAsked] = useState(false);
  const [totpCode, setTotpCode] = useState('');
  const [enrolment, setEnrolment] = useState<{
    session: LoginResponse;
    secret: string;
    otpauthUri: string;
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const finish = (r: SessionResponse) => {
    signedIn(r.user);
    // Signing in from a protected page returns to it; from /login, to `?next=` or the role's home.
    navigate(returnPath ?? homePathOf(r.user), { replace: true });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
      setError(intl.formatMessage({ id: 'form.emailInvalid' }));
      return;
    }
    if (!password) {
      setError(intl.formatMessage({ id: 'form.required' }));
      return;
    }
    if (totpAsked && !/^\d{6}$/.test(normalizeCodeInput(totpCode))) {
      setError(intl.formatMessage({ id: 'login.totpInvalid' }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<LoginResponse>('/api/v1/auth/login', {
        email: email.trim(),
        password,
        ...(totpAsked ? { totpCode: normalizeCodeInput(totpCode) } : {}),
      });
      if (r.totpEnrollmentRequired) {
        const { secret, otpauthUri } = await api.post<{ secret: string; otpauthUri: string }>(
          '/api/v1/me/totp/enroll',
        );
        setTotpCode('');
        setEnrolment({ session: r, secret, otpauthUri });
        return;
      }
      finish(r);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'TOTP_REQUIRED' && !totpAsked) {
        setTotpAsked(true);
        return;
      }
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const codeInput = (
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
        value={totpCode}
        onChange={(e) => setTotpCode(e.target.value)}
      />
    </div>
  );

  if (enrolment) {
    return (
      <TotpEnrolmentForm
        secret={enrolment.secret}
        otpauthUri={enrolment.otpauthUri}
        onConfirmed={() => finish(enrolment.session)}
      />
    );
  }

  return (
    <section className="login-box">
      <h1>
        <FormattedMessage id="login.title" />
      </h1>
      <form className="form-card" onSubmit={(e) => void submit(e)} noValidate>
        {error && (
          <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} />
        )}
        <div style={{ marginBottom: 16 }}>
          <label
            htmlFor="login-email"
            style={{ display: 'block', fontWeight: 600, marginBottom: 4 }}
          >
            <FormattedMessage id="login.email" />
          </label>
          <Input
            id="login-email"
            type="email"
            autoComplete="username"
            dir="ltr"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div style={{ marginBottom: 20 }}>
          <label
            htmlFor="login-password"
            style={{ display: 'block', fontWeight: 600, marginBottom: 4 }}
          >
            <FormattedMessage id="login.password" />
          </label>
          <Input.Password
            id="login-password"
            autoComplete="current-password"
            dir="ltr"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        {totpAsked && codeInput}
        <Button type="primary" htmlType="submit" loading={busy} block>
          <FormattedMessage id="login.submit" />
        </Button>
      </form>
      {/* Parties have no password: an e-mailed link signs them in and returns them here. */}
      {!totpAsked && (
        <AreaMessages loaders={signInMessages}>
          <div style={{ marginTop: 16 }}>
            <PasskeySignIn onSignedIn={finish} />
          </div>
          <RequestSignInLink next={returnPath} />
        </AreaMessages>
      )}
    </section>
  );
}
