import { useCallback, useEffect, useRef, useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Spin from 'antd/es/spin';
import Tag from 'antd/es/tag';
import { api } from '../../app/api-client';
import { useErrorMessage } from '../../app/use-error-message';
import type { CaseDetail } from './case-types';
import { ConfirmationFilingForm, ReferralForm } from './CourtFilingForm';
import { PerformanceStaffPanel } from './PerformanceStaffPanel';
import {
  courtName,
  type ConfirmationSuggestion,
  type CourtChoice,
  type CourtFiling,
} from './filing-types';
import './filings.css';

/** The court decides whether to accept a filing within this many days (court-acceptance rule, DESIGN §2). */
const ACCEPTANCE_DAYS = 3;
const DAY_MS = 86_400_000;

/** Statuses in which a case has, or may get, court filings. */
const courtStatuses = ['agreed', 'performing', 'fulfilled', 'breached', 'failed', 'referred'];

const statusTone: Record<string, string> = {
  filed: 'wait',
  accepted: 'wait',
  confirmed: 'ok',
  decided: 'ok',
  rejected: 'bad',
};

/**
 * Court filings, payments and follow-up for the committee's staff: the judicial-confirmation
 * application and the litigation referral the officer files, the filings with their court case
 * numbers and results, and the performance of the agreement. Only what allowedActions permits.
 */
export function FilingsPanel({ detail, onDone }: { detail: CaseDetail; onDone(): void }) {
  return (
    <>
      <CourtFilingsSection detail={detail} onDone={onDone} />
      <PerformanceStaffPanel detail={detail} onDone={onDone} />
    </>
  );
}

function CourtFilingsSection({ detail, onDone }: { detail: CaseDetail; onDone(): void }) {
  const intl = useIntl();
  const errorMessage = useErrorMessage();
  const errorRef = useRef(errorMessage);
  errorRef.current = errorMessage;
  const canConfirm = detail.allowedActions.includes('apply_confirmation');
  const canRefer = detail.allowedActions.includes('refer_litigation');
  const shown = canConfirm || canRefer || courtStatuses.includes(detail.status);
  const [filings, setFilings] = useState<CourtFiling[] | null>(null);
  const [courts, setCourts] = useState<CourtChoice[]>([]);
  const [suggestion, setSuggestion] = useState<ConfirmationSuggestion | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [suggestionError, setSuggestionError] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!shown) return;
    setSuggestionError(null);
    try {
      const [f, c, s] = await Promise.all([
        api.get<{ items: CourtFiling[] }>(`/api/v1/cases/${detail.id}/court-filings`),
        api.get<{ items: CourtChoice[] }>(`/api/v1/cases/${detail.id}/referral/courts`),
        // Without an agreement in effect there is nothing to confirm; the rest still shows.
        canConfirm
          ? api
              .get<ConfirmationSuggestion>(
                `/api/v1/cases/${detail.id}/confirmation/suggested-court`,
              )
              .catch((e: unknown) => {
                setSuggestionError(errorRef.current(e));
                return null;
              })
          : Promise.resolve(null),
      ]);
      setFilings(f.items);
      setCourts(c.items);
      setSuggestion(s);
      setError(null);
    } catch (e) {
      setError(errorRef.current(e));
    }
  }, [detail.id, detail.version, shown, canConfirm]); // a new case version may bring new filings

  useEffect(() => {
    void load();
  }, [load]);

  if (!shown) return null;
  const nameOf = (courtId: string) => {
    const c = courts.find((x) => x.id === courtId);
    return c ? courtName(c, intl.locale) : '—';
  };
  const openConfirmation = filings?.find(
    (f) => f.kind === 'confirmation' && ['filed', 'accepted', 'confirmed'].includes(f.status),
  );
  const confirmWindow = suggestion?.window;

  return (
    <section aria-labelledby="filings-title" className="filings-section">
      <h2 id="filings-title">
        <FormattedMessage id="filings.title" />
      </h2>
      {error && <Alert type="error" showIcon role="alert" message={error} />}
      {suggestionError && <Alert type="info" showIcon role="status" message={suggestionError} />}
      {!filings && !error && (
        <div className="filings-loading" role="status">
          <Spin />
        </div>
      )}
      {confirmWindow && !openConfirmation && (
        <Alert
          className="filings-window"
          type={!confirmWindow.open || confirmWindow.warning ? 'warning' : 'info'}
          showIcon
          role="status"
          message={
            <FormattedMessage
              id={confirmWindow.open ? 'filings.window.open' : 'filings.window.closed'}
              values={{
                deadline: <FormattedDate value={confirmWindow.deadline} dateStyle="long" />,
                days: confirmWindow.daysLeft,
              }}
            />
          }
        />
      )}
      {filings && filings.length === 0 && (
        <p className="lead">
          <FormattedMessage id="filings.empty" />
        </p>
      )}
      {filings && filings.length > 0 && (
        <ul className="filings-list">
          {filings.map((f) => (
            <li key={f.id} className="panel" data-testid="court-filing">
              <h3>
                <FormattedMessage id={`court.kind.${f.kind}`} />
              </h3>
              <p className="filings-court">
                <bdi>{nameOf(f.courtId)}</bdi>
              </p>
              <p>
                <Tag className={`filings-tag filings-tag-${statusTone[f.status] ?? 'wait'}`}>
                  <FormattedMessage id={`court.status.${f.status}`} />
                </Tag>
                {f.acceptedLate && (
                  <Tag className="filings-tag filings-tag-bad">
                    <FormattedMessage id="court.late" />
                  </Tag>
                )}
              </p>
              <dl className="filings-facts">
                <dt>
                  <FormattedMessage id="court.filedAt" />
                </dt>
                <dd>
                  <FormattedDate value={f.filedAt} dateStyle="long" />
                </dd>
                {f.kind === 'confirmation' && f.package?.deadline && (
                  <>
                    <dt>
                      <FormattedMessage id="filings.deadline" />
                    </dt>
                    <dd>
                      <FormattedDate value={f.package.deadline} dateStyle="long" />
                    </dd>
                  </>
                )}
                {f.status === 'filed' && (
                  <>
                    <dt>
                      <FormattedMessage id="filings.acceptBy" />
                    </dt>
                    <dd>
                      <FormattedDate
                        value={new Date(f.filedAt).getTime() + ACCEPTANCE_DAYS * DAY_MS}
                        dateStyle="long"
                      />
                    </dd>
                  </>
                )}
                <dt>
                  <FormattedMessage id="court.caseNumber" />
                </dt>
                <dd dir="auto" data-testid="court-case-number">
                  {f.courtCaseNumber ?? <FormattedMessage id="filings.notYet" />}
                </dd>
                <dt>
                  <FormattedMessage id="court.result" />
                </dt>
                <dd>
                  {f.result ? (
                    <FormattedMessage id={`court.result.${f.result}`} />
                  ) : (
                    <FormattedMessage id="filings.notYet" />
                  )}
                  {f.resultNotes && (
                    <span className="filings-notes" dir="auto">
                      {f.resultNotes}
                    </span>
                  )}
                </dd>
                {f.reason && (
                  <>
                    <dt>
                      <FormattedMessage id="filings.reason" />
                    </dt>
                    <dd className="filings-notes" dir="auto">
                      {f.reason}
                    </dd>
                  </>
                )}
              </dl>
            </li>
          ))}
        </ul>
      )}
      {canConfirm && suggestion && confirmWindow?.open && !openConfirmation && (
        <ConfirmationFilingForm detail={detail} suggestion={suggestion} onDone={onDone} />
      )}
      {canRefer && filings && courts.length > 0 && (
        <ReferralForm detail={detail} courts={courts} onDone={onDone} />
      )}
    </section>
  );
}
