import { useEffect, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Input from 'antd/es/input';
import Spin from 'antd/es/spin';
import { AreaMessages } from '../../app/AreaMessages';
import { api } from '../../app/api-client';
import { navigate } from '../../app/router';
import { useErrorMessage } from '../../app/use-error-message';
import { partyMessages } from '../party/party-messages';
import '../party/party.css';

const sha256 = /^[0-9a-fA-F]{64}$/;

function Verify({ hash }: { hash: string | undefined }) {
  const intl = useIntl();
  const errorMessage = useErrorMessage();
  const [input, setInput] = useState(hash ?? '');
  const [result, setResult] = useState<'valid' | 'unknown' | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setResult(null);
    setError(null);
    if (!hash) return;
    setInput(hash);
    if (!sha256.test(hash)) {
      setError(intl.formatMessage({ id: 'verify.malformed' }));
      return;
    }
    let cancelled = false;
    api
      .get<{ status: 'valid' | 'unknown' }>(`/api/v1/verify/${hash}`)
      .then((r) => !cancelled && setResult(r.status))
      .catch((e: unknown) => !cancelled && setError(errorMessage(e)));
    return () => {
      cancelled = true;
    };
  }, [hash]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const h = input.trim().toLowerCase();
    if (!sha256.test(h)) {
      setError(intl.formatMessage({ id: 'verify.malformed' }));
      return;
    }
    navigate(`/verify/${h}`);
  };

  return (
    <section className="verify">
      <h1>
        <FormattedMessage id="verify.title" />
      </h1>
      <p className="lead">
        <FormattedMessage id="verify.lead" />
      </p>
      <form className="form-card" onSubmit={submit}>
        <label htmlFor="verify-hash" className="party-label">
          <FormattedMessage id="verify.hash" />
        </label>
        <Input
          id="verify-hash"
          dir="ltr"
          value={input}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => setInput(e.target.value)}
        />
        <div className="form-actions">
          <span />
          <Button type="primary" htmlType="submit">
            <FormattedMessage id="verify.check" />
          </Button>
        </div>
      </form>
      {hash && !result && !error && (
        <div className="page-loading" role="status">
          <Spin />
        </div>
      )}
      {error && <Alert type="error" showIcon role="alert" message={error} />}
      {result === 'valid' && (
        <Alert
          type="success"
          showIcon
          role="status"
          message={<FormattedMessage id="verify.valid.title" />}
          description={<FormattedMessage id="verify.valid.text" />}
        />
      )}
      {result === 'unknown' && (
        <Alert
          type="warning"
          showIcon
          role="status"
          message={<FormattedMessage id="verify.unknown.title" />}
          description={<FormattedMessage id="verify.unknown.text" />}
        />
      )}
    </section>
  );
}

/** Public page that tells anyone holding a printed agreement whether its SHA-256 fingerprint is genuine. */
export default function VerifyPage({ hash }: { hash?: string }) {
  return (
    <AreaMessages loaders={partyMessages}>
      <Verify hash={hash} />
    </AreaMessages>
  );
}
