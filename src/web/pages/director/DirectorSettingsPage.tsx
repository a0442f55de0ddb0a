import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Spin from 'antd/es/spin';
import Switch from 'antd/es/switch';
import message from 'antd/es/message';
import { AmountInput } from '../../app/AmountInput';
import { api } from '../../app/api-client';
import { useErrorMessage } from '../../app/use-error-message';
import { DirectorNav, useDirectorOrgId } from './DirectorNav';

type Weights = Record<string, number>;

interface OrgSettings {
  timeZone: string;
  publicFigures: boolean;
  matchingWeights: Weights;
  defaultMatchingWeights: Weights;
}

/** Public figures on or off, and the weights of team matching (DESIGN §3). */
export default function DirectorSettingsPage() {
  const intl = useIntl();
  const orgId = useDirectorOrgId();
  const errorMessage = useErrorMessage();
  // A hook-bound message follows the app's theme and direction (the static one cannot).
  const [messageApi, messageHolder] = message.useMessage();
  const [settings, setSettings] = useState<OrgSettings | null>(null);
  const [weights, setWeights] = useState<Weights>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!orgId) return;
    api
      .get<OrgSettings>(`/api/v1/orgs/${orgId}/settings`)
      .then((s) => {
        setSettings(s);
        setWeights(s.matchingWeights);
      })
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [orgId]);

  const togglePublic = async (enabled: boolean) => {
    try {
      const r = await api.put<{ publicFigures: boolean }>(
        `/api/v1/orgs/${orgId}/settings/public-figures`,
        { enabled },
      );
      setSettings((s) => (s ? { ...s, publicFigures: r.publicFigures } : s));
      void messageApi.success(intl.formatMessage({ id: 'director.settings.saved' }));
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const saveWeights = async () => {
    setSaving(true);
    setError(null);
    try {
      const r = await api.put<{ weights: Weights }>(
        `/api/v1/orgs/${orgId}/matching-weights`,
        weights,
      );
      setWeights(r.weights);
      void messageApi.success(intl.formatMessage({ id: 'director.settings.saved' }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section>
      {messageHolder}
      <DirectorNav />
      <h1>
        <FormattedMessage id="director.settings.title" />
      </h1>
      {error && <Alert type="error" showIcon role="alert" message={error} />}
      {!settings && !error && (
        <div className="page-loading" role="status">
          <Spin />
        </div>
      )}
      {settings && (
        <>
          <section className="panel" aria-labelledby="settings-public">
            <h2 id="settings-public" style={{ marginTop: 0 }}>
              <FormattedMessage id="director.settings.publicFigures" />
            </h2>
            <p>
              <FormattedMessage id="director.settings.publicFiguresHelp" />
            </p>
            <label className="inline-field">
              <Switch
                checked={settings.publicFigures}
                onChange={(v) => void togglePublic(v)}
                aria-describedby="settings-public"
              />
              <span>
                <FormattedMessage
                  id={
                    settings.publicFigures
                      ? 'director.settings.publicFiguresOn'
                      : 'director.settings.publicFiguresOff'
                  }
                />
              </span>
            </label>
          </section>
          <section className="panel" aria-labelledby="settings-weights">
            <h2 id="settings-weights" style={{ marginTop: 0 }}>
              <FormattedMessage id="director.settings.weights" />
            </h2>
            <p>
              <FormattedMessage id="director.settings.weightsHelp" />
            </p>
            <div className="weights-grid">
              {Object.keys(settings.defaultMatchingWeights).map((k) => (
                <label key={k} className="weight-field">
                  <span>
                    <FormattedMessage id={`director.weight.${k}`} />
                  </span>
                  <AmountInput
                    inputMode="numeric"
                    value={String(weights[k] ?? 0)}
                    onChange={(v) => setWeights((w) => ({ ...w, [k]: Number(v) || 0 }))}
                  />
                  <small>
                    <FormattedMessage
                      id="director.settings.default"
                      values={{ value: settings.defaultMatchingWeights[k] }}
                    />
                  </small>
                </label>
              ))}
            </div>
            <div className="toolbar" style={{ marginTop: 12 }}>
              <Button type="primary" loading={saving} onClick={() => void saveWeights()}>
                <FormattedMessage id="director.settings.saveWeights" />
              </Button>
              <Button onClick={() => setWeights(settings.defaultMatchingWeights)}>
                <FormattedMessage id="director.settings.resetWeights" />
              </Button>
            </div>
          </section>
        </>
      )}
    </section>
  );
}
