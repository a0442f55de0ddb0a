import { useState } from 'react';
import { FormattedDate, FormattedMessage, FormattedNumber } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Checkbox from 'antd/es/checkbox';
import Tag from 'antd/es/tag';
import { api } from '../../app/api-client';
import { useLocale } from '../../app/LocaleContext';
import { Link } from '../../app/router';
import { useErrorMessage } from '../../app/use-error-message';
import { LocalText } from './LocalText';
import { languageOf, type Agreement, type PartyCaseDetail } from './party-types';

/**
 * The agreement as the party reads it: each consensus point confirmed one by one ("三必"), then
 * the signature, then the signed PDF and the public link that proves its fingerprint genuine.
 */
export function AgreementPanel({
  detail,
  agreement,
  onDone,
}: {
  detail: PartyCaseDetail;
  agreement: Agreement | null;
  onDone(): void;
}) {
  const { locale } = useLocale();
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [declared, setDeclared] = useState(false);
  const me = detail.parties.find((p) => p.isYou);

  if (!agreement) return null;
  const base = `/api/v1/cases/${detail.id}/agreements/${agreement.id}`;
  const confirmed = agreement.parties.find((p) => p.id === me?.id)?.pointsConfirmed ?? [];
  const signed = agreement.signatures.some((s) => s.partyId === me?.id);
  const open = agreement.status === 'final' && !agreement.oral && !!me;
  const allConfirmed = agreement.content.points.every((p) => confirmed.includes(p.no));

  const act = async (key: string, path: string, body: Record<string, unknown>) => {
    setBusy(key);
    setError(null);
    try {
      await api.post(path, { version: detail.version, ...body });
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const c = agreement.content;
  return (
    <section aria-labelledby="agreement-title" className="party-section">
      <h2 id="agreement-title">
        <FormattedMessage id="party.agreement.title" />{' '}
        <Tag>
          <FormattedMessage id={`party.agreement.status.${agreement.status}`} />
        </Tag>
      </h2>
      {agreement.status === 'draft' ? (
        <p className="lead">
          <FormattedMessage id="party.agreement.drafting" />
        </p>
      ) : (
        <>
          <dl className="party-facts">
            <dt>
              <FormattedMessage id="party.agreement.facts" />
            </dt>
            <dd>
              <LocalText value={c.facts} />
            </dd>
            <dt>
              <FormattedMessage id="party.agreement.disputedMatters" />
            </dt>
            <dd>
              <LocalText value={c.disputedMatters} />
            </dd>
            <dt>
              <FormattedMessage id="party.agreement.responsibilities" />
            </dt>
            <dd>
              <LocalText value={c.responsibilities} />
            </dd>
            {c.amount && c.currency && (
              <>
                <dt>
                  <FormattedMessage id="party.agreement.amount" />
                </dt>
                <dd>
                  <FormattedNumber
                    value={Number(c.amount)}
                    style="currency"
                    currency={c.currency}
                  />
                </dd>
              </>
            )}
            <dt>
              <FormattedMessage id="party.agreement.performance" />
            </dt>
            <dd>
              <LocalText value={c.performanceMethod} />
            </dd>
          </dl>
          <h3>
            <FormattedMessage id="party.agreement.points" />
          </h3>
          {open && !allConfirmed && (
            <p className="party-muted">
              <FormattedMessage id="party.agreement.confirmHelp" />
            </p>
          )}
          <ol className="party-points">
            {c.points.map((p) => {
              const done = confirmed.includes(p.no);
              return (
                <li key={p.no} className={done ? 'is-confirmed' : undefined}>
                  <p>
                    <LocalText value={p.text} />
                  </p>
                  {me && done && (
                    <Tag className="party-ok">
                      <FormattedMessage id="party.agreement.pointConfirmed" />
                    </Tag>
                  )}
                  {open && !done && (
                    <Button
                      loading={busy === `point-${p.no}`}
                      disabled={busy !== null}
                      onClick={() =>
                        void act(`point-${p.no}`, `${base}/confirmations`, {
                          partyId: me.id,
                          pointNo: p.no,
                        })
                      }
                    >
                      <FormattedMessage id="party.agreement.confirmPoint" values={{ no: p.no }} />
                    </Button>
                  )}
                </li>
              );
            })}
          </ol>
          <h3>
            <FormattedMessage id="party.agreement.signatures" />
          </h3>
          <ul className="party-signers">
            {agreement.parties.map((p) => {
              const s = agreement.signatures.find((x) => x.partyId === p.id);
              return (
                <li key={p.id}>
                  <strong>{p.name}</strong>{' '}
                  {s ? (
                    <FormattedMessage
                      id="party.agreement.signedOn"
                      values={{ when: <FormattedDate value={s.signedAt} dateStyle="long" /> }}
                    />
                  ) : (
                    <FormattedMessage
                      id="party.agreement.progress"
                      values={{ confirmed: p.pointsConfirmed.length, total: c.points.length }}
                    />
                  )}
                </li>
              );
            })}
            {agreement.signatures
              .filter((s) => s.signerKind === 'mediator')
              .map((s) => (
                <li key={`${s.signerName}-${s.signedAt}`}>
                  <strong>{s.signerName}</strong>{' '}
                  <FormattedMessage
                    id="party.agreement.mediatorSigned"
                    values={{ when: <FormattedDate value={s.signedAt} dateStyle="long" /> }}
                  />
                </li>
              ))}
          </ul>
          {open && allConfirmed && !signed && (
            <div className="form-card">
              <Checkbox checked={declared} onChange={(e) => setDeclared(e.target.checked)}>
                <FormattedMessage id="party.agreement.declaration" />
              </Checkbox>
              <div className="form-actions">
                <span />
                <Button
                  type="primary"
                  disabled={!declared || busy !== null}
                  loading={busy === 'sign'}
                  onClick={() =>
                    void act('sign', `${base}/signatures`, {
                      signer: 'party',
                      partyId: me.id,
                      method: 'electronic',
                    })
                  }
                >
                  <FormattedMessage id="party.agreement.sign" />
                </Button>
              </div>
            </div>
          )}
          {error && <Alert type="error" showIcon role="alert" message={error} />}
          <p className="party-links">
            <a
              href={`/api/v1/cases/${detail.id}/documents/agreement.pdf?lang=${languageOf(locale)}`}
              target="_blank"
              rel="noreferrer"
            >
              <FormattedMessage id="party.agreement.pdf" />
            </a>
            {agreement.textHash && (
              <Link href={`/verify/${agreement.textHash}`}>
                <FormattedMessage id="party.agreement.verify" />
              </Link>
            )}
          </p>
          {agreement.textHash && (
            <p className="party-muted">
              <FormattedMessage
                id="party.agreement.fingerprint"
                values={{ hash: <code className="party-hash">{agreement.textHash}</code> }}
              />
            </p>
          )}
        </>
      )}
    </section>
  );
}
