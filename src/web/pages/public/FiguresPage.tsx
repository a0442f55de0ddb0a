import { useEffect, useState, type ReactNode } from 'react';
import { FormattedMessage, FormattedNumber } from 'react-intl';
import Alert from 'antd/es/alert';
import Spin from 'antd/es/spin';
import { api } from '../../app/api-client';
import { useErrorMessage } from '../../app/use-error-message';

interface PublicFigures {
  casesAccepted: number | null;
  casesSucceeded: number | null;
  successRate: number | null;
  amountRecoveredCny: number | null;
  suppressed: boolean;
  to: string;
}

interface PublicSummary {
  org: { slug: string; name: string; nameEn: string };
  allTime: PublicFigures;
  currentYear: PublicFigures & { year: number };
}

function FigureList({ f }: { f: PublicFigures }) {
  // The server withholds small groups (null) so that no single case can be recognised.
  const show = (v: number | null, node: (v: number) => ReactNode) => (v === null ? '—' : node(v));
  return (
    <dl className="figures" style={{ margin: 0 }}>
      <div className="figure">
        <dt className="label">
          <FormattedMessage id="stats.casesAccepted" />
        </dt>
        <dd className="value" style={{ margin: 0 }}>
          {show(f.casesAccepted, (v) => (
            <FormattedNumber value={v} />
          ))}
        </dd>
      </div>
      <div className="figure">
        <dt className="label">
          <FormattedMessage id="stats.casesSucceeded" />
        </dt>
        <dd className="value" style={{ margin: 0 }}>
          {show(f.casesSucceeded, (v) => (
            <FormattedNumber value={v} />
          ))}
        </dd>
      </div>
      <div className="figure">
        <dt className="label">
          <FormattedMessage id="stats.successRate" />
        </dt>
        <dd className="value" style={{ margin: 0 }}>
          {show(f.successRate, (v) => (
            <FormattedNumber value={v} style="percent" maximumFractionDigits={1} />
          ))}
        </dd>
      </div>
      <div className="figure">
        <dt className="label">
          <FormattedMessage id="stats.amountRecoveredCny" />
        </dt>
        <dd className="value" style={{ margin: 0 }}>
          {show(f.amountRecoveredCny, (v) => (
            <FormattedNumber value={v} style="currency" currency="CNY" notation="compact" />
          ))}
        </dd>
      </div>
    </dl>
  );
}

export default function FiguresPage() {
  const errorMessage = useErrorMessage();
  const [data, setData] = useState<PublicSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api
      .get<PublicSummary>('/api/v1/public/summary')
      .then(setData)
      .catch((e: unknown) => setError(errorMessage(e)));
  }, []); // published once per visit

  return (
    <section>
      <h1>
        <FormattedMessage id="figures.title" />
      </h1>
      {error && <Alert type="error" showIcon role="alert" message={error} />}
      {!data && !error && (
        <div className="page-loading" role="status">
          <Spin />
        </div>
      )}
      {data && (
        <>
          <p className="lead">
            {document.documentElement.lang === 'zh-CN' ? data.org.name : data.org.nameEn}
          </p>
          <h2>
            <FormattedMessage id="figures.allTime" values={{ date: new Date(data.allTime.to) }} />
          </h2>
          <FigureList f={data.allTime} />
          <h2>
            <FormattedMessage id="figures.year" values={{ year: String(data.currentYear.year) }} />
          </h2>
          <FigureList f={data.currentYear} />
          <p className="lead" style={{ marginTop: 16 }}>
            <FormattedMessage id="figures.note" />
          </p>
        </>
      )}
    </section>
  );
}
