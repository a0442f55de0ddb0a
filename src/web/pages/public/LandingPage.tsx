import { FormattedMessage } from 'react-intl';
import Button from 'antd/es/button';
import { navigate } from '../../app/router';

const steps = ['apply', 'team', 'agree'] as const;
const promises = ['free', 'language', 'interpreter', 'court'] as const;

export function LandingPage() {
  return (
    <>
      <section className="hero" aria-labelledby="landing-title">
        <h1 id="landing-title">
          <FormattedMessage id="landing.title" />
        </h1>
        <p className="lead">
          <FormattedMessage id="landing.lead" />
        </p>
        <div className="hero-actions">
          <Button type="primary" size="large" onClick={() => navigate('/apply')}>
            <FormattedMessage id="landing.cta.apply" />
          </Button>
          <Button size="large" ghost onClick={() => navigate('/login')}>
            <FormattedMessage id="landing.cta.signIn" />
          </Button>
        </div>
      </section>

      <h2>
        <FormattedMessage id="landing.howItWorks" />
      </h2>
      <ol className="card-grid" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {steps.map((s, i) => (
          <li key={s} className="panel">
            <h3>
              <span className="step-number" aria-hidden="true">
                {i + 1}
              </span>
              <FormattedMessage id={`landing.step.${s}.title`} />
            </h3>
            <p>
              <FormattedMessage id={`landing.step.${s}.text`} />
            </p>
          </li>
        ))}
      </ol>

      <h2>
        <FormattedMessage id="landing.promises" />
      </h2>
      <ul className="card-grid" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {promises.map((p) => (
          <li key={p} className="panel">
            <h3>
              <FormattedMessage id={`landing.promise.${p}.title`} />
            </h3>
            <p>
              <FormattedMessage id={`landing.promise.${p}.text`} />
            </p>
          </li>
        ))}
      </ul>

      <h2>
        <FormattedMessage id="landing.follow.title" />
      </h2>
      <p className="lead">
        <FormattedMessage id="landing.follow.text" />
      </p>
    </>
  );
}
