import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { FormattedMessage, FormattedNumber, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Select from 'antd/es/select';
import Spin from 'antd/es/spin';
import { api } from '../../app/api-client';
import { useLocale } from '../../app/LocaleContext';
import { isRtl } from '../../app/locales';
import { useErrorMessage } from '../../app/use-error-message';
import { DirectorNav } from './DirectorNav';
import { EChart } from './EChart';

/** The figures of DESIGN §4, as GET /api/v1/stats/summary and each breakdown item carry them. */
export interface Figures {
  casesAccepted: number;
  casesConcluded: number;
  casesSucceeded: number;
  successRate: number | null;
  amountAgreedCny: number;
  amountRecoveredCny: number;
}

interface Breakdown {
  items: (Figures & { key: string })[];
}

interface Coverage {
  families: { family: string; name: string; cases: number; mediators: number }[];
  rosterFamilies: { family: string; name: string; mediators: number }[];
  gaps: { languages: string[]; families: string[] };
}

interface DashboardData {
  summary: Figures & { openCases: number; overdueCases: number };
  months: Breakdown;
  categories: Breakdown;
  countries: Breakdown;
  families: Breakdown;
  coverage: Coverage;
}

function HeadlineFigures({ s }: { s: DashboardData['summary'] }) {
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
    ['stats.openCases', <FormattedNumber key="o" value={s.openCases} />],
    ['stats.overdueCases', <FormattedNumber key="d" value={s.overdueCases} />],
  ];
  return (
    <dl className="figures" style={{ margin: 0 }} data-testid="headline-figures">
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
  const rtl = isRtl(locale);
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [data, setData] = useState<DashboardData | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    setData(null);
    setError(null);
    const period = { from: `${year}-01-01`, to: `${year}-12-31` };
    const breakdown = (by: string) =>
      api.get<Breakdown>('/api/v1/stats/breakdown', { ...period, by });
    Promise.all([
      api.get<DashboardData['summary']>('/api/v1/stats/summary', period),
      breakdown('month'),
      breakdown('category'),
      breakdown('country'),
      breakdown('family'),
      api.get<Coverage>('/api/v1/reports/language-coverage', { ...period, lang: locale }),
    ])
      .then(([summary, months, categories, countries, families, coverage]) => {
        if (!cancelled) setData({ summary, months, categories, countries, families, coverage });
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(errorMessage(e));
      });
    return () => {
      cancelled = true;
    };
  }, [year, locale]); // figures follow the year; names (families) follow the language

  const charts = useMemo(() => {
    if (!data) return null;
    const accepted = intl.formatMessage({ id: 'stats.casesAccepted' });
    const succeeded = intl.formatMessage({ id: 'stats.casesSucceeded' });
    const coverageCases = intl.formatMessage({ id: 'dashboard.coverage.cases' });
    const coverageMediators = intl.formatMessage({ id: 'dashboard.coverage.mediators' });
    const monthFmt = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
    const byKey = new Map(data.months.items.map((i) => [i.key, i]));
    const monthKeys = Array.from(
      { length: 12 },
      (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`,
    );
    // Right to left, the legend is a list down the right edge with each colour key to the right
    // of its name: ECharts lays legend items out left to right, so a reversed row would put the
    // first series last once long names wrap on a phone (the drawing itself is left to right,
    // see EChart).
    const legend = (names: string[]) =>
      rtl
        ? { top: 0, right: 0, orient: 'vertical' as const, align: 'right' as const, data: names }
        : { top: 0 };
    const legendHeight = (names: unknown[]) => (rtl ? 8 + 24 * names.length : 40);
    const bars = (labels: string[], series: { name: string; data: number[] }[]) => ({
      tooltip: { trigger: 'axis' as const },
      legend: legend(series.map((x) => x.name)),
      color: ['#0b5cad', '#1a7f37'],
      grid: { left: 12, right: 12, top: legendHeight(series), bottom: 12, containLabel: true },
      xAxis: {
        type: 'category' as const,
        data: labels,
        inverse: rtl,
        axisLabel: { interval: 0, rotate: labels.length > 6 ? 45 : 0 },
      },
      yAxis: {
        type: 'value' as const,
        minInterval: 1,
        position: rtl ? ('right' as const) : ('left' as const),
      },
      series: series.map((s, i) => ({
        ...s,
        type: i === 0 ? ('bar' as const) : ('line' as const),
      })),
    });
    // Breakdowns are ranked lists with long names (categories, countries, language families):
    // horizontal bars keep every name readable on a phone, where slanted labels overlapped.
    const ranking = (labels: string[], series: { name: string; data: number[] }[]) => ({
      tooltip: { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const } },
      legend: legend(series.map((x) => x.name)),
      color: ['#0b5cad', '#1a7f37'],
      grid: { left: 12, right: 12, top: legendHeight(series), bottom: 8, containLabel: true },
      xAxis: { type: 'value' as const, minInterval: 1, inverse: rtl },
      yAxis: {
        type: 'category' as const,
        data: labels,
        inverse: true,
        position: rtl ? ('right' as const) : ('left' as const),
        axisLabel: { interval: 0, width: 130, overflow: 'truncate' as const },
      },
      series: series.map((x) => ({ ...x, type: 'bar' as const })),
    });
    const categoryName = (k: string) =>
      intl.messages[`category.${k}`] ? intl.formatMessage({ id: `category.${k}` }) : k;
    const regionName = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    // The server names families in the viewer's language (language-families.ts). The breakdown
    // counts cases by acceptance, coverage by filing: a case filed last year may bring a family
    // that only the roster's list names. 'und' is the breakdown's key for no family (Korean).
    const familyName = new Map([
      ['und', intl.formatMessage({ id: 'director.dashboard.noFamily' })],
      ...data.coverage.rosterFamilies.map((f) => [f.family, f.name] as const),
      ...data.coverage.families.map((f) => [f.family, f.name] as const),
    ]);
    const top = (b: Breakdown) =>
      [...b.items].sort((x, y) => y.casesAccepted - x.casesAccepted).slice(0, 10);
    return {
      trend: bars(
        monthKeys.map((k) => monthFmt.format(Date.parse(`${k}-15T00:00:00Z`))),
        [
          { name: accepted, data: monthKeys.map((k) => byKey.get(k)?.casesAccepted ?? 0) },
          { name: succeeded, data: monthKeys.map((k) => byKey.get(k)?.casesSucceeded ?? 0) },
        ],
      ),
      category: ranking(
        top(data.categories).map((i) => categoryName(i.key)),
        [{ name: accepted, data: top(data.categories).map((i) => i.casesAccepted) }],
      ),
      country: ranking(
        top(data.countries).map((i) => regionName.of(i.key) ?? i.key),
        [{ name: accepted, data: top(data.countries).map((i) => i.casesAccepted) }],
      ),
      family: ranking(
        top(data.families).map((i) => familyName.get(i.key) ?? i.key),
        [{ name: accepted, data: top(data.families).map((i) => i.casesAccepted) }],
      ),
      coverage: ranking(
        data.coverage.families.map((f) => f.name),
        [
          { name: coverageCases, data: data.coverage.families.map((f) => f.cases) },
          { name: coverageMediators, data: data.coverage.families.map((f) => f.mediators) },
        ],
      ),
    };
  }, [data, intl, locale, rtl, year]);

  const period = `from=${year}-01-01&to=${year}-12-31`;
  return (
    <section>
      <DirectorNav />
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
          options={Array.from({ length: 14 }, (_, i) => thisYear - i).map((y) => ({
            value: y,
            label: String(y),
          }))}
        />
        <a href={`/api/v1/reports/official.xlsx?${period}`} download>
          <FormattedMessage id="dashboard.exportXlsx" />
        </a>
        <a href={`/api/v1/reports/official.csv?${period}`} download>
          <FormattedMessage id="dashboard.exportCsv" />
        </a>
      </div>
      {error && <Alert type="error" showIcon role="alert" message={error} />}
      {!error && !data && (
        <div className="page-loading" role="status">
          <Spin />
        </div>
      )}
      {data && charts && (
        <>
          <HeadlineFigures s={data.summary} />
          <div className="chart-grid">
            {(
              [
                ['trend', 'dashboard.trend'],
                ['category', 'dashboard.byCategory'],
                ['country', 'dashboard.byCountry'],
                ['family', 'dashboard.byFamily'],
                ['coverage', 'dashboard.coverage'],
              ] as const
            ).map(([key, title]) => (
              <section key={key} className="panel" aria-labelledby={`chart-${key}`}>
                <h2 id={`chart-${key}`} style={{ marginTop: 0 }}>
                  <FormattedMessage id={title} />
                </h2>
                <EChart option={charts[key]} label={intl.formatMessage({ id: title })} rtl={rtl} />
              </section>
            ))}
          </div>
          {data.coverage.gaps.families.length > 0 && (
            <Alert
              style={{ marginTop: 16 }}
              type="warning"
              showIcon
              message={
                <FormattedMessage
                  id="dashboard.coverage.gaps"
                  values={{
                    count: data.coverage.gaps.families.length,
                    names: data.coverage.families
                      .filter((f) => data.coverage.gaps.families.includes(f.family))
                      .map((f) => f.name)
                      .join(', '),
                  }}
                />
              }
            />
          )}
        </>
      )}
    </section>
  );
}
