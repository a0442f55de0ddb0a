import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Input from 'antd/es/input';
import { api, type SessionResponse } from '../../app/api-client';
import { navigate } from '../../app/router';
import { homePathOf, useSession } from '../../app/session';
import { useErrorMessage } from '../../app/use-error-message';

export default function LoginPage() {
  const intl = useIntl();
  const { signedIn } = useSession();
  const errorMessage = useErrorMessage();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<SessionResponse>('/api/v1/auth/login', {
        email: email.trim(),
        password,
      });
      signedIn(r.user);
      // Signing in from a protected page returns to it; from /login, to the role's home.
      const here = location.pathname;
      navigate(here === '/login' ? homePathOf(r.user) : here, { replace: true });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

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
        <Button type="primary" htmlType="submit" loading={busy} block>
          <FormattedMessage id="login.submit" />
        </Button>
      </form>
    </section>
  );
}
