import { useEffect, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Input from 'antd/es/input';
import Spin from 'antd/es/spin';
import { normalizeCodeInput } from '../../app/AmountInput';
import { api, ApiError, type SessionResponse } from '../../app/api-client';
import { AreaMessages } from '../../app/AreaMessages';
import { navigate } from '../../app/router';
import { homePathOf, useSession } from '../../app/session';
import { useErrorMessage } from '../../app/use-error-message';
import { RequestSignInLink } from './RequestSignInLink';
import { safeReturnPath } from './return-path';
import { signInMessages } from './sign-in-messages';
import { TotpEnrolmentForm } from './TotpEnrolmentForm';

type LinkResponse = SessionResponse & { next: string | null; totpEnrollmentRequired?: boolean };

function SignInLink({ token }: { token: string }) {
  const intl = useIntl();
  const { signedIn } = useSession();
  const errorMessage = useErrorMessage();
  const [failed, setFailed] = useState(false);
  const [totpAsked, setTotpAsked] = useState(false);
  const [totpCode, setTotpCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Staff whose only credential is this link (a new committee's first director) enrol first.
  const [enrolment, setEnrolment] = useState<{
    session: LinkResponse;
    secret: string;
    otpauthUri: string;
  } | null>(null);

  const finish = (r: LinkResponse) => {
    signedIn(r.user);
    navigate(safeReturnPath(r.next) ?? homePathOf(r.user), { replace: true });
  };

  const redeem = async (code?: string) => {
    const r = await api.post<LinkResponse>('/api/v1/auth/sign-in-links/redeem', {
      token,
      ...(code ? { totpCode: code } : {}),
    });
    if (r.totpEnrollmentRequired) {
      const { secret, otpauthUri } = await api.post<{ secret: string; otpauthUri: string }>(
        '/api/v1/me/totp/enroll',
      );
      setEnrolment({ session: r, secret, otpauthUri });
      return;
    }
    finish(r);
  };

  useEffect(() => {
    let cancelled = false;
    redeem().catch((e: unknown) => {
      if (cancelled) return;
      if (e instanceof ApiError && e.code === 'TOTP_REQUIRED') setTotpAsked(true);
      else if (e instanceof ApiError && e.code === 'NOT_FOUND') setFailed(true);
      else setError(errorMessage(e));
    });
    return () => {
      cancelled = true;
    };
    // The link is spent once per visit: depending on anything else would spend it twice.
  }, [token]);

  const submitCode = async (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{6}$/.test(normalizeCodeInput(totpCode))) {
      setError(intl.formatMessage({ id: 'login.totpInvalid' }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await redeem(normalizeCodeInput(totpCode));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'NOT_FOUND') setFailed(true);
      else setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  if (enrolment) {
    return (
      <TotpEnrolmentForm
        secret={enrolment.secret}
        otpauthUri={enrolment.otpauthUri}
        onConfirmed={() => finish(enrolment.session)}
      />
    );
  }
  if (failed) {
    return (
      <>
        <Alert
          type="warning"
          showIcon
          role="alert"
          message={<FormattedMessage id="signIn.linkFailed" />}
          style={{ marginBottom: 16 }}
        />
        <RequestSignInLink />
      </>
    );
  }
  if (totpAsked) {
    return (
      <form className="form-card" onSubmit={(e) => void submitCode(e)} noValidate>
        <p>
          <FormattedMessage id="signIn.totpIntro" />
        </p>
        {error && (
          <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />
        )}
        <div style={{ marginBottom: 16 }}>
          <label htmlFor="sign-in-totp" style={{ display: 'block', fontWeight: 600 }}>
            <FormattedMessage id="login.totpCode" />
          </label>
          <Input
            id="sign-in-totp"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={16}
            dir="ltr"
            autoFocus
            value={totpCode}
            onChange={(e) => setTotpCode(e.target.value)}
          />
        </div>
        <Button type="primary" htmlType="submit" loading={busy} block>
          <FormattedMessage id="signIn.totpSubmit" />
        </Button>
      </form>
    );
  }
  if (error) return <Alert type="error" showIcon role="alert" message={error} />;
  return (
    <div className="page-loading" role="status">
      <Spin />
      <span className="visually-hidden">
        <FormattedMessage id="common.loading" />
      </span>
    </div>
  );
}

/** `/sign-in/<token>`: the link from a requested sign-in e-mail; opens the page it was asked for. */
export default function SignInLinkPage({ token }: { token: string }) {
  return (
    <AreaMessages loaders={signInMessages}>
      <section className="login-box">
        <h1>
          <FormattedMessage id="signIn.linkTitle" />
        </h1>
        <SignInLink token={token} />
      </section>
    </AreaMessages>
  );
}
