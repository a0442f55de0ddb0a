import { useCallback, useEffect, useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Grid from 'antd/es/grid';
import Input from 'antd/es/input';
import Modal from 'antd/es/modal';
import Radio from 'antd/es/radio';
import Select from 'antd/es/select';
import Table from 'antd/es/table';
import Tag from 'antd/es/tag';
import message from 'antd/es/message';
import { api } from '../../app/api-client';
import { AreaMessages } from '../../app/AreaMessages';
import { Link } from '../../app/router';
import { useErrorMessage } from '../../app/use-error-message';
import { queueMessages } from '../officer/queue-messages';
import './court-docket.css';

interface PackageParty {
  name: string;
  role: string;
  country?: string;
}

interface Filing {
  id: string;
  caseId: string;
  caseReference: string;
  kind: 'confirmation' | 'litigation';
  status: string;
  reason: string | null;
  package: { parties?: PackageParty[]; applicants?: PackageParty[]; deadline?: string } | null;
  filedAt: string;
  acceptedAt: string | null;
  acceptedLate: boolean | null;
  courtCaseNumber: string | null;
  result: string | null;
}

const views = ['filed', 'accepted', 'all'] as const;

/** The court should accept a filing within 3 days (the same rule record-court-acceptance applies). */
const ACCEPTANCE_DAYS = 3;
const DAY_MS = 86_400_000;
const acceptanceDueOf = (f: Filing) => Date.parse(f.filedAt) + ACCEPTANCE_DAYS * DAY_MS;
/** Whole days, rounded up, a filing still waiting for acceptance is past its date; 0 when not late. */
function daysPastAcceptance(f: Filing, now = Date.now()): number {
  if (f.status !== 'filed') return 0;
  const late = now - acceptanceDueOf(f);
  // Any lateness counts as a day: "0 days past" would read as not late at all.
  return late > 0 ? Math.max(1, Math.floor(late / DAY_MS)) : 0;
}
const resultsOf = {
  confirmation: ['confirmed', 'rejected'],
  litigation: ['judgment', 'court_mediation', 'withdrawn', 'dismissed'],
} as const;

/** What the liaison does next with one filing: record acceptance, then the court's result. */
function FilingActions({ filing, onDone }: { filing: Filing; onDone: () => void }) {
  const intl = useIntl();
  const errorMessage = useErrorMessage();
  const [caseNumber, setCaseNumber] = useState('');
  const [result, setResult] = useState<string | undefined>();
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A hook-bound modal follows the app's theme and direction (the static one cannot).
  const [modal, modalHolder] = Modal.useModal();

  const run = async (call: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await call();
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (filing.status === 'filed') {
    const label = intl.formatMessage({
      id: filing.kind === 'confirmation' ? 'court.caseNumberConfirmation' : 'court.caseNumber',
    });
    return (
      <div className="court-action">
        <Input
          aria-label={label}
          placeholder={label}
          value={caseNumber}
          onChange={(e) => setCaseNumber(e.target.value)}
          style={{ maxWidth: 280 }}
        />
        <Button
          type="primary"
          loading={busy}
          disabled={!caseNumber.trim()}
          onClick={() =>
            void run(() =>
              api.post(`/api/v1/court-filings/${filing.id}/acceptance`, {
                courtCaseNumber: caseNumber.trim(),
              }),
            )
          }
        >
          <FormattedMessage id="court.recordAcceptance" />
        </Button>
        {error && <Alert type="error" showIcon role="alert" message={error} />}
      </div>
    );
  }
  if (filing.status === 'accepted') {
    const resultLabel = result ? intl.formatMessage({ id: `court.result.${result}` }) : '';
    // A result changes the filing for good: say exactly what will be recorded and ask first.
    const confirmResult = () =>
      void modal.confirm({
        title: intl.formatMessage({ id: 'docket.confirm.title' }),
        okText: intl.formatMessage({ id: 'docket.confirm.ok' }),
        cancelText: intl.formatMessage({ id: 'docket.confirm.cancel' }),
        content: (
          <div className="docket-confirm">
            <p>
              <FormattedMessage id="docket.confirm.lead" />
            </p>
            <dl>
              <dt>
                <FormattedMessage id="docket.confirm.case" />
              </dt>
              <dd>
                <bdi dir="auto">{filing.caseReference}</bdi>
              </dd>
              <dt>
                <FormattedMessage id="docket.confirm.kind" />
              </dt>
              <dd>
                <FormattedMessage id={`court.kind.${filing.kind}`} />
              </dd>
              <dt>
                <FormattedMessage id="docket.confirm.result" />
              </dt>
              <dd>
                <strong>{resultLabel}</strong>
              </dd>
              {notes.trim() && (
                <>
                  <dt>
                    <FormattedMessage id="docket.confirm.notes" />
                  </dt>
                  <dd dir="auto">{notes.trim()}</dd>
                </>
              )}
            </dl>
            <p>
              <FormattedMessage id="docket.confirm.final" />
            </p>
          </div>
        ),
        onOk: () =>
          run(() =>
            api.post(`/api/v1/court-filings/${filing.id}/result`, {
              result,
              ...(notes.trim() ? { notes: notes.trim() } : {}),
            }),
          ),
      });
    return (
      <div className="court-action">
        {modalHolder}
        <Select
          aria-label={intl.formatMessage({ id: 'court.result' })}
          placeholder={intl.formatMessage({ id: 'court.result' })}
          value={result}
          onChange={setResult}
          style={{ minWidth: 200 }}
          options={resultsOf[filing.kind].map((r) => ({
            value: r,
            label: intl.formatMessage({ id: `court.result.${r}` }),
          }))}
        />
        <Input
          aria-label={intl.formatMessage({ id: 'court.notes' })}
          placeholder={intl.formatMessage({ id: 'court.notes' })}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          style={{ maxWidth: 280 }}
        />
        <Button type="primary" loading={busy} disabled={!result} onClick={confirmResult}>
          <FormattedMessage id="court.recordResult" />
        </Button>
        {error && <Alert type="error" showIcon role="alert" message={error} />}
      </div>
    );
  }
  return null;
}

/** The court liaison's docket: confirmation applications and litigation referrals for the court. */
export default function CourtDocketPage() {
  return (
    <AreaMessages loaders={queueMessages}>
      <Docket />
    </AreaMessages>
  );
}

/** The people of a filing, one per line, so the column reads on a phone instead of squeezing. */
function FilingParties({ filing }: { filing: Filing }) {
  const intl = useIntl();
  const people = filing.package?.parties ?? filing.package?.applicants ?? [];
  if (people.length === 0 && !filing.reason) return <>—</>;
  return (
    <div className="docket-parties">
      {people.length > 0 && (
        <ul>
          {people.map((p, i) => (
            <li key={i}>
              <FormattedMessage
                id="court.party"
                values={{
                  name: <bdi dir="auto">{p.name}</bdi>,
                  role: intl.formatMessage({ id: `court.role.${p.role}` }),
                }}
              />
            </li>
          ))}
        </ul>
      )}
      {filing.reason && (
        <p className="docket-reason">
          <FormattedMessage id="court.reason" values={{ reason: filing.reason }} />
        </p>
      )}
    </div>
  );
}

function Docket() {
  const intl = useIntl();
  // On a phone the parties stack under the case reference rather than in a column off screen.
  const phone = !Grid.useBreakpoint().md;
  const errorMessage = useErrorMessage();
  const [view, setView] = useState<(typeof views)[number]>('filed');
  const [items, setItems] = useState<Filing[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  // A hook-bound message follows the app's theme and direction (the static one cannot).
  const [messageApi, messageHolder] = message.useMessage();

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const r = await api.get<{ items: Filing[] }>('/api/v1/court-filings', {
        status: view === 'all' ? undefined : view,
      });
      setItems(r.items);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [view]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section>
      {messageHolder}
      <h1>
        <FormattedMessage id="court.title" />
      </h1>
      <p>
        <FormattedMessage id="court.lead" />
      </p>
      <div className="toolbar">
        <Radio.Group
          aria-label={intl.formatMessage({ id: 'court.view' })}
          optionType="button"
          value={view}
          onChange={(e) => setView(e.target.value as (typeof views)[number])}
          options={views.map((v) => ({
            value: v,
            label: intl.formatMessage({ id: `court.view.${v}` }),
          }))}
        />
      </div>
      {error && <Alert type="error" showIcon role="alert" message={error} />}
      <Table<Filing>
        rowKey="id"
        loading={loading}
        dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: intl.formatMessage({ id: 'court.empty' }) }}
        rowClassName={(f) => (daysPastAcceptance(f) > 0 ? 'docket-row-late' : '')}
        columns={[
          {
            title: intl.formatMessage({ id: 'court.case' }),
            dataIndex: 'caseReference',
            className: 'docket-case-cell',
            // The acceptance date sits under the reference: the first thing seen on a phone.
            render: (ref: string, f) => (
              <>
                <Link href={`/cases/${f.caseId}`}>
                  <span dir="ltr">{ref}</span>
                </Link>
                {daysPastAcceptance(f) > 0 ? (
                  <Tag className="docket-late-tag">
                    <FormattedMessage
                      id="docket.acceptanceOverdue"
                      values={{ days: daysPastAcceptance(f) }}
                    />
                  </Tag>
                ) : (
                  f.status === 'filed' && (
                    <div className="docket-accept-by">
                      <FormattedMessage
                        id="docket.acceptBy"
                        values={{
                          date: intl.formatDate(acceptanceDueOf(f), { dateStyle: 'medium' }),
                        }}
                      />
                    </div>
                  )
                )}
                {phone && <FilingParties filing={f} />}
              </>
            ),
          },
          ...(phone
            ? []
            : [
                {
                  title: intl.formatMessage({ id: 'court.parties' }),
                  key: 'parties',
                  // Wide enough for a name per line.
                  width: 220,
                  className: 'docket-parties-cell',
                  render: (_: unknown, f: Filing) => <FilingParties filing={f} />,
                },
              ]),
          {
            title: intl.formatMessage({ id: 'court.kind' }),
            dataIndex: 'kind',
            render: (k: string) => <FormattedMessage id={`court.kind.${k}`} />,
          },
          {
            title: intl.formatMessage({ id: 'court.filedAt' }),
            dataIndex: 'filedAt',
            render: (d: string) => <FormattedDate value={d} dateStyle="medium" />,
          },
          {
            title: intl.formatMessage({ id: 'court.status' }),
            dataIndex: 'status',
            render: (s: string, f) => (
              <>
                <Tag color={s === 'filed' ? 'gold' : s === 'rejected' ? 'red' : 'green'}>
                  <FormattedMessage id={`court.status.${s}`} />
                </Tag>
                {f.acceptedLate && (
                  <Tag color="red">
                    <FormattedMessage id="court.late" />
                  </Tag>
                )}
              </>
            ),
          },
          {
            title: intl.formatMessage({ id: 'court.caseNumber' }),
            dataIndex: 'courtCaseNumber',
            render: (n: string | null) => (n ? <span dir="auto">{n}</span> : '—'),
          },
          {
            title: intl.formatMessage({ id: 'court.nextStep' }),
            render: (_: unknown, f) => (
              <FilingActions
                filing={f}
                onDone={() => {
                  void messageApi.success(intl.formatMessage({ id: 'court.saved' }));
                  void load();
                }}
              />
            ),
          },
        ]}
      />
    </section>
  );
}
