import { useEffect, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import Alert from 'antd/es/alert';
import Spin from 'antd/es/spin';
import { api, ApiError, type SessionResponse } from '../../app/api-client';
import { AreaMessages } from '../../app/AreaMessages';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { useErrorMessage } from '../../app/use-error-message';
import { RequestSignInLink } from './RequestSignInLink';
import { signInMessages } from './sign-in-messages';

type RedeemResponse =
  (SessionResponse & { caseId: string }) | { alreadySignedIn: true; caseId: string };

/**
 * "Follow my case": the invitation link a party receives by e-mail signs them in to their case.
 * Opened again, it leads a party who is still signed in straight to the case; anyone else is
 * offered a sign-in link by e-mail, which comes back here (`next`) and so to the case.
 */
export default function FollowPage({ token }: { token: string }) {
  const { signedIn } = useSession();
  const errorMessage = useErrorMessage();
  const [error, setError] = useState<string | null>(null);
  const [spent, setSpent] = useState(false);

  useEffect(() => {
    let cancelled = false;
    api
      .post<RedeemResponse>('/api/v1/auth/invitations/redeem', { token })
      .then((r) => {
        if (cancelled) return;
        if (!('alreadySignedIn' in r)) signedIn(r.user);
        navigate(`/cases/${encodeURIComponent(r.caseId)}`, { replace: true });
      })
      .catch((e: unknown) => {
        if (cancelled) return;
        if (e instanceof ApiError && e.code === 'NOT_FOUND') setSpent(true);
        else setError(errorMessage(e));
      });
    return () => {
      cancelled = true;
    };
    // The token is redeemed once per visit: depending on anything else would spend it twice.
  }, [token]);

  return (
    <section className="login-box">
      <h1>
        <FormattedMessage id="follow.title" />
      </h1>
      {spent ? (
        <AreaMessages loaders={signInMessages}>
          <Alert
            type="warning"
            showIcon
            role="alert"
            message={<FormattedMessage id="signIn.followFailed" />}
            style={{ marginBottom: 16 }}
          />
          <RequestSignInLink next={`/follow/${encodeURIComponent(token)}`} />
        </AreaMessages>
      ) : error ? (
        <Alert type="error" showIcon role="alert" message={error} />
      ) : (
        <div className="page-loading" role="status">
          <Spin />
          <span className="visually-hidden">
            <FormattedMessage id="common.loading" />
          </span>
        </div>
      )}
    </section>
  );
}
