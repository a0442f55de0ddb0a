import { useEffect, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import Alert from 'antd/es/alert';
import Spin from 'antd/es/spin';
import { api, type SessionResponse } from '../../app/api-client';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { useErrorMessage } from '../../app/use-error-message';

/** "Follow my case": the invitation link a party receives by e-mail signs them in to their case. */
export default function FollowPage({ token }: { token: string }) {
  const { signedIn } = useSession();
  const errorMessage = useErrorMessage();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    api
      .post<SessionResponse>('/api/v1/auth/invitations/redeem', { token })
      .then((r) => {
        if (cancelled) return;
        signedIn(r.user);
        navigate('/my-cases', { replace: true });
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(errorMessage(e));
      });
    return () => {
      cancelled = true;
    };
    // The token is redeemed once per visit: depending on anything else would spend it twice.
  }, [token]);

  return (
    <section>
      <h1>
        <FormattedMessage id="follow.title" />
      </h1>
      {error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={error}
          description={<FormattedMessage id="follow.failed" />}
        />
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
