import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { FormattedMessage, FormattedNumber, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Select from 'antd/es/select';
import Spin from 'antd/es/spin';
import { api } from '../../app/api-client';
import { useLocale } from '../../app/LocaleContext';
import { isRtl } from '../../app/locales';
import { useErrorMessage } from '../../app/use-error-message';
import { EChart } from './EChart';

/** GET /api/v1/stats/summary (DESIGN §4 and §6). */
export interface StatsSummary {
  casesAccepted: number;
  casesConcluded: number;
  casesSucceeded: number;
  successRate: number | null;
  amountAgreedCny: number;
  amountRecoveredCny: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function Figures({ s }: { s: StatsSummary }) {
  const figures: [string, ReactNode][] = [
    ['stats.casesAccepted', <FormattedNumber key="a" value={s.casesAccepted} />],
    ['stats.casesConcluded', <FormattedNumber key="c" value={s.casesConcluded} />],
    ['stats.casesSucceeded', <FormattedNumber key="s" value={s.casesSucceeded} />],
    [
      'stats.successRate',
      s.successRate === null ? (
        '—'
      ) : (
        <FormattedNumber key="r" value={s.successRate} style="percent" maximumFractionDigits={1} />
      ),
    ],
    [
      'stats.amountAgreedCny',
      <FormattedNumber
        key="g"
        value={s.amountAgreedCny}
        style="currency"
        currency="CNY"
        notation="compact"
      />,
    ],
    [
      'stats.amountRecoveredCny',
      <FormattedNumber
        key="v"
        value={s.amountRecoveredCny}
        style="currency"
        currency="CNY"
        notation="compact"
      />,
    ],
  ];
  return (
    <dl className="figures" style={{ margin: 0 }}>
      {figures.map(([id, value]) => (
        <div key={id} className="figure">
          <dt className="label">
            <FormattedMessage id={id} />
          </dt>
          <dd className="value" style={{ margin: 0 }}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export default function DirectorDashboardPage() {
  const intl = useIntl();
  const { locale } = useLocale();
  const errorMessage = useErrorMessage();
  const thisYear = new Date().getUTCFullYear();
  const [year, setYear] = useState(thisYear);
  const [yearSummary, setYearSummary] = useState<StatsSummary | null>(null);
  const [months, setMonths] = useState<StatsSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    setYearSummary(null);
    setMonths(null);
    setError(null);
    const summary = (from: string, to: string) =>
      api.get<StatsSummary>('/api/v1/stats/summary', { from, to });
    Promise.all([
      summary(`${year}-01-01`, `${year}-12-31`),
      Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          summary(`${year}-${pad(i + 1)}-01`, `${year}-${pad(i + 1)}-${pad(lastDay(year, i + 1))}`),
        ),
      ),
    ])
      .then(([y, m]) => {
        if (cancelled) return;
        setYearSummary(y);
        setMonths(m);
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(errorMessage(e));
      });
    return () => {
      cancelled = true;
    };
  }, [year]); // the formatter follows the language; figures follow the year

  const trend = useMemo(() => {
    if (!months) return null;
    const monthNames = Array.from({ length: 12 }, (_, i) =>
      new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(
        Date.UTC(year, i, 15),
      ),
    );
    return {
      tooltip: { trigger: 'axis' as const },
      legend: { top: 0 },
      grid: { left: 48, right: 48, top: 40, bottom: 30 },
      xAxis: { type: 'category' as const, data: monthNames, inverse: isRtl(locale) },
      yAxis: {
        type: 'value' as const,
        minInterval: 1,
        position: isRtl(locale) ? ('right' as const) : ('left' as const),
      },
      series: [
        {
          name: intl.formatMessage({ id: 'stats.casesAccepted' }),
          type: 'bar' as const,
          data: months.map((m) => m.casesAccepted),
        },
        {
          name: intl.formatMessage({ id: 'stats.casesSucceeded' }),
          type: 'line' as const,
          data: months.map((m) => m.casesSucceeded),
        },
      ],
    };
  }, [months, locale, year, intl]);

  return (
    <section>
      <h1>
        <FormattedMessage id="dashboard.title" />
      </h1>
      <div className="toolbar">
        <label htmlFor="dashboard-year">
          <FormattedMessage id="dashboard.year" />
        </label>
        <Select
          id="dashboard-year"
          value={year}
          onChange={setYear}
          style={{ width: 120 }}
          options={Array.from({ length: 8 }, (_, i) => thisYear - i).map((y) => ({
            value: y,
            label: String(y),
          }))}
        />
      </div>
      {error && <Alert type="error" showIcon role="alert" message={error} />}
      {!error && !yearSummary && (
        <div className="page-loading" role="status">
          <Spin />
        </div>
      )}
      {yearSummary && <Figures s={yearSummary} />}
      {trend && (
        <>
          <h2>
            <FormattedMessage id="dashboard.trend" />
          </h2>
          <div className="panel">
            <EChart option={trend} label={intl.formatMessage({ id: 'dashboard.trend' })} />
          </div>
        </>
      )}
    </section>
  );
}
