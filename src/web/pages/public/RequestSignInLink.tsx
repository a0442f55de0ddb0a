import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Input from 'antd/es/input';
import { api } from '../../app/api-client';
import { useErrorMessage } from '../../app/use-error-message';

const labelStyle = { display: 'block', fontWeight: 600, marginBottom: 4 } as const;

/**
 * "Send me a sign-in link": the way in for a party who has no password or whose invitation was
 * used. The answer is the same whether or not the address is known, and so is this screen.
 * Needs the sign-in area messages (signInMessages) around it.
 */
export function RequestSignInLink({ next }: { next?: string }) {
  const intl = useIntl();
  const errorMessage = useErrorMessage();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
      setError(intl.formatMessage({ id: 'form.emailInvalid' }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/v1/auth/sign-in-links', {
        email: email.trim(),
        ...(next ? { next } : {}),
      });
      setSent(true);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="form-card sign-in-link" aria-labelledby="sign-in-link-title">
      <h2 id="sign-in-link-title">
        <FormattedMessage id="signIn.noPassword" />
      </h2>
      {sent ? (
        <>
          <Alert
            type="success"
            showIcon
            role="status"
            message={<FormattedMessage id="signIn.sentTitle" />}
            description={<FormattedMessage id="signIn.sentText" />}
            style={{ marginBottom: 12 }}
          />
          <p>
            <FormattedMessage id="signIn.contact" />
          </p>
          <Button
            onClick={() => {
              setSent(false);
              setEmail('');
            }}
          >
            <FormattedMessage id="signIn.useAnother" />
          </Button>
        </>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <p>
            <FormattedMessage id="signIn.linkIntro" />
          </p>
          {error && (
            <Alert
              type="error"
              showIcon
              message={error}
              role="alert"
              style={{ marginBottom: 12 }}
            />
          )}
          <div style={{ marginBottom: 16 }}>
            <label htmlFor="sign-in-link-email" style={labelStyle}>
              <FormattedMessage id="signIn.email" />
            </label>
            <Input
              id="sign-in-link-email"
              type="email"
              autoComplete="email"
              dir="ltr"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </div>
          <Button htmlType="submit" loading={busy} block>
            <FormattedMessage id="signIn.send" />
          </Button>
        </form>
      )}
    </section>
  );
}
