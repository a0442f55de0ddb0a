import { useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Checkbox from 'antd/es/checkbox';
import Switch from 'antd/es/switch';
import Tag from 'antd/es/tag';
import { Money } from '../../app/Money';
import { AreaMessages } from '../../app/AreaMessages';
import { api } from '../../app/api-client';
import { useLocale } from '../../app/LocaleContext';
import { Link } from '../../app/router';
import { useErrorMessage } from '../../app/use-error-message';
import { baseLanguage, useLanguageList, useLanguageName, useSectionName } from './agreement-labels';
import { agreementMessages } from './agreement-messages';
import { LocalText } from './LocalText';
import './agreement.css';
import { languageOf, type Agreement, type PartyCaseDetail } from './party-types';

type Props = { detail: PartyCaseDetail; agreement: Agreement | null; onDone(): void };

/** The agreement panel with the agreement area's strings (i18n/messages/agreement/). */
export function AgreementPanel(props: Props) {
  if (!props.agreement) return null;
  return (
    <AreaMessages loaders={agreementMessages}>
      <AgreementReading {...props} agreement={props.agreement} />
    </AreaMessages>
  );
}

/** The languages a party reads, the page's own first: what their agreement text is shown in. */
export function readingOrder(locale: string, languages: readonly string[]): string[] {
  return [...new Set([languageOf(locale), ...languages.map(baseLanguage)])];
}

/**
 * The agreement as the party reads it: every section and point in the party's language (the
 * original beside it on request, the translator named), each consensus point confirmed one by
 * one ("三必"), then the signature, then the signed PDF and the public link that proves its
 * fingerprint genuine. Nobody confirms or signs what they cannot read: while a part is missing
 * in every language the party reads, the buttons give way to an explanation and a request for a
 * translation.
 */
function AgreementReading({ detail, agreement, onDone }: Props & { agreement: Agreement }) {
  const intl = useIntl();
  const { locale } = useLocale();
  const errorMessage = useErrorMessage();
  const languageName = useLanguageName();
  const languageList = useLanguageList();
  const sectionName = useSectionName();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [declared, setDeclared] = useState(false);
  const [showOriginal, setShowOriginal] = useState(false);
  const [requested, setRequested] = useState<string | null>(null);
  const me = detail.parties.find((p) => p.isYou);

  const base = `/api/v1/cases/${detail.id}/agreements/${agreement.id}`;
  const confirmed = agreement.parties.find((p) => p.id === me?.id)?.pointsConfirmed ?? [];
  const signed = agreement.signatures.some((s) => s.partyId === me?.id);
  const mine = agreement.readability?.find((r) => r.partyId === me?.id);
  const reads = readingOrder(
    locale,
    mine?.languages ?? (me ? [me.preferredLanguage, ...me.languages] : []),
  );
  const missing = mine?.missingSections ?? [];
  const readable = missing.length === 0;
  const open = agreement.status === 'final' && !agreement.oral && !!me;
  const allConfirmed = agreement.content.points.every((p) => confirmed.includes(p.no));
  const provenance = agreement.translations ?? [];
  const sightTranslated = (agreement.sightTranslations ?? []).filter(
    (s) => s.partyId === me?.id && s.confirmed,
  );
  // A request names the party's first language: the one they asked to be addressed in.
  const requestLanguage = mine?.languages[0] ?? reads[0]!;
  const text = (section: string, value: Agreement['content']['facts']) => (
    <LocalText
      value={value}
      reads={reads}
      section={section}
      provenance={provenance}
      showOriginal={showOriginal}
    />
  );

  const requestTranslation = async () => {
    setBusy('request');
    setError(null);
    try {
      await api.post(`${base}/translation-requests`, { language: requestLanguage });
      setRequested(requestLanguage);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

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
          <div className="agreement-original-toggle">
            <Switch
              id="agreement-show-original"
              size="small"
              checked={showOriginal}
              onChange={setShowOriginal}
            />
            <label htmlFor="agreement-show-original">
              <FormattedMessage
                id="agreement.party.showOriginal"
                values={{ language: languageName(c.facts.lang) }}
              />
            </label>
          </div>
          {open && !readable && (
            <Alert
              type="warning"
              showIcon
              className="agreement-missing"
              data-testid="agreement-missing"
              message={<FormattedMessage id="agreement.party.blockedTitle" />}
              description={
                <>
                  <p>
                    <FormattedMessage
                      id="agreement.party.blockedBody"
                      values={{
                        count: missing.length,
                        sections: intl.formatList(missing.map(sectionName), {
                          type: 'conjunction',
                        }),
                        languages: languageList(mine?.languages ?? reads),
                      }}
                    />
                  </p>
                  {requested ? (
                    <p role="status" className="agreement-requested">
                      <FormattedMessage
                        id="agreement.party.requested"
                        values={{ language: languageName(requested) }}
                      />
                    </p>
                  ) : (
                    <Button
                      loading={busy === 'request'}
                      disabled={busy !== null}
                      onClick={() => void requestTranslation()}
                    >
                      <FormattedMessage
                        id="agreement.party.request"
                        values={{ language: languageName(requestLanguage) }}
                      />
                    </Button>
                  )}
                </>
              }
            />
          )}
          {sightTranslated.map((s) => (
            <p key={s.id} className="party-muted">
              <FormattedMessage
                id="agreement.party.sightTranslated"
                values={{
                  language: languageName(s.language),
                  name: <bdi>{s.interpreterName}</bdi>,
                }}
              />
            </p>
          ))}
          <dl className="party-facts">
            <dt>
              <FormattedMessage id="party.agreement.facts" />
            </dt>
            <dd>{text('facts', c.facts)}</dd>
            <dt>
              <FormattedMessage id="party.agreement.disputedMatters" />
            </dt>
            <dd>{text('disputedMatters', c.disputedMatters)}</dd>
            <dt>
              <FormattedMessage id="party.agreement.responsibilities" />
            </dt>
            <dd>{text('responsibilities', c.responsibilities)}</dd>
            {c.amount && c.currency && (
              <>
                <dt>
                  <FormattedMessage id="party.agreement.amount" />
                </dt>
                <dd>
                  <Money amount={c.amount} currency={c.currency} />
                </dd>
              </>
            )}
            <dt>
              <FormattedMessage id="party.agreement.performance" />
            </dt>
            <dd>{text('performanceMethod', c.performanceMethod)}</dd>
          </dl>
          <h3>
            <FormattedMessage id="party.agreement.points" />
          </h3>
          {open && readable && !allConfirmed && (
            <p className="party-muted">
              <FormattedMessage id="party.agreement.confirmHelp" />
            </p>
          )}
          <ol className="party-points">
            {c.points.map((p) => {
              const done = confirmed.includes(p.no);
              return (
                <li key={p.no} className={done ? 'is-confirmed' : undefined}>
                  <p>{text(`points.${p.no}`, p.text)}</p>
                  {me && done && (
                    <Tag className="party-ok">
                      <FormattedMessage id="party.agreement.pointConfirmed" />
                    </Tag>
                  )}
                  {open && readable && !done && (
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
                  <strong>
                    <bdi>{p.name}</bdi>
                  </strong>{' '}
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
          {open && readable && allConfirmed && !signed && (
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
