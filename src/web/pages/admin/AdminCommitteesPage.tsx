import { useCallback, useEffect, useState } from 'react';
import { FormattedMessage, FormattedNumber, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Input from 'antd/es/input';
import { AreaMessages } from '../../app/AreaMessages';
import { api } from '../../app/api-client';
import { useErrorMessage } from '../../app/use-error-message';
import { adminMessages } from './admin-messages';

interface Committee {
  id: string;
  slug: string;
  names: Record<string, string>;
  referencePrefix: string;
  timeZone: string;
  year: number;
  casesAccepted: number;
  casesConcluded: number;
  successRate: number | null;
}

interface CreateForm {
  slug: string;
  nameZh: string;
  nameEn: string;
  referencePrefix: string;
  timeZone: string;
  courtZh: string;
  courtEn: string;
  directorEmail: string;
}

// Inline styles rather than a stylesheet: one file less for every page's preload map, which the
// public first load (250 KB budget) carries.
const cell = {
  padding: 8,
  textAlign: 'start',
  borderBlockEnd: '1px solid #f0f0f0',
  verticalAlign: 'top',
} as const;
const head = { ...cell, background: '#fafafa', whiteSpace: 'nowrap' } as const;
const rowHead = { ...cell, fontWeight: 'normal', minWidth: '12em' } as const;
const help = { color: '#596673', marginBlockStart: 4 } as const;

const emptyForm: CreateForm = {
  slug: '',
  nameZh: '',
  nameEn: '',
  referencePrefix: '',
  timeZone: 'Asia/Shanghai',
  courtZh: '',
  courtEn: '',
  directorEmail: '',
};
const requiredFields: (keyof CreateForm)[] = [
  'nameZh',
  'nameEn',
  'slug',
  'referencePrefix',
  'timeZone',
  'directorEmail',
];

/** The platform administrator's committees: headline figures only, and a new committee. */
export default function AdminCommitteesPage() {
  return (
    <AreaMessages loaders={adminMessages}>
      <Committees />
    </AreaMessages>
  );
}

function Committees() {
  const intl = useIntl();
  const errorMessage = useErrorMessage();
  const [values, setValues] = useState<CreateForm>(emptyForm);
  const [missing, setMissing] = useState<(keyof CreateForm)[]>([]);
  const [notice, setNotice] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const [items, setItems] = useState<Committee[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const load = useCallback(() => {
    api
      .get<{ items: Committee[] }>('/api/v1/orgs')
      .then((r) => setItems(r.items))
      .catch((e: unknown) => setError(errorMessage(e)));
    // errorMessage changes with the locale only; the list does not need reloading then.
  }, []);
  useEffect(load, [load]);

  const nameOf = (c: Committee) => c.names[intl.locale] ?? c.names.en ?? c.names['zh-CN'] ?? c.slug;

  const submit = async () => {
    const v = values;
    const empty = requiredFields.filter((k) => !v[k].trim());
    setMissing(empty);
    if (empty.length > 0) return;
    setSaving(true);
    setNotice(null);
    try {
      const court =
        v.courtZh.trim() && v.courtEn.trim()
          ? [{ names: { 'zh-CN': v.courtZh.trim(), en: v.courtEn.trim() } }]
          : [];
      await api.post('/api/v1/orgs', {
        slug: v.slug.trim(),
        names: { 'zh-CN': v.nameZh.trim(), en: v.nameEn.trim() },
        referencePrefix: v.referencePrefix.trim(),
        timeZone: v.timeZone.trim(),
        dockingCourts: court,
        director: { email: v.directorEmail.trim() },
      });
      setNotice({
        type: 'success',
        text: intl.formatMessage({ id: 'admin.created' }, { email: v.directorEmail.trim() }),
      });
      setValues(emptyForm);
      load();
    } catch (e) {
      setNotice({ type: 'error', text: errorMessage(e) });
    } finally {
      setSaving(false);
    }
  };

  const field = (
    key: keyof CreateForm,
    opts: { lang?: string; ltr?: boolean; type?: string; help?: string } = {},
  ) => {
    const id = `admin-${key}`;
    const required = requiredFields.includes(key);
    const invalid = missing.includes(key);
    return (
      <div key={key}>
        <label htmlFor={id} className="field-label">
          <FormattedMessage id={`admin.field.${key}`} />
        </label>
        <Input
          id={id}
          lang={opts.lang}
          dir={opts.ltr ? 'ltr' : undefined}
          type={opts.type}
          required={required}
          aria-invalid={invalid || undefined}
          aria-describedby={opts.help || invalid ? `${id}-help` : undefined}
          status={invalid ? 'error' : undefined}
          value={values[key]}
          onChange={(e) => setValues((old) => ({ ...old, [key]: e.target.value }))}
        />
        {(opts.help || invalid) && (
          <div id={`${id}-help`} style={help}>
            {invalid ? intl.formatMessage({ id: 'admin.required' }) : opts.help}
          </div>
        )}
      </div>
    );
  };

  return (
    <section className="page">
      <h1>
        <FormattedMessage id="admin.title" />
      </h1>
      <p>
        <FormattedMessage id="admin.intro" />
      </p>
      {error && <Alert type="error" showIcon message={error} />}
      {!items && !error && (
        // The page-loading class, which waitUntilSettled and the shell's loading state share.
        <div className="page-loading" role="status" />
      )}
      {items && (
        // A plain table (antd's Table would regroup the chunks the public pages share). It scrolls sideways on a phone, so keyboard users can reach it too.
        <div
          tabIndex={0}
          role="region"
          aria-label={intl.formatMessage({ id: 'admin.title' })}
          style={{ overflowX: 'auto', marginBlockEnd: 24, background: '#fff', borderRadius: 6 }}
        >
          <table style={{ width: '100%', borderCollapse: 'collapse' }}>
            <caption
              style={{ captionSide: 'top', textAlign: 'start', padding: 8, color: '#596673' }}
            >
              <FormattedMessage id="admin.listCaption" values={{ count: items.length }} />
            </caption>
            <thead>
              <tr>
                <th scope="col" style={head}>
                  <FormattedMessage id="admin.col.name" />
                </th>
                <th scope="col" style={head}>
                  <FormattedMessage id="admin.col.prefix" />
                </th>
                <th scope="col" style={head}>
                  <FormattedMessage id="admin.col.accepted" />
                </th>
                <th scope="col" style={head}>
                  <FormattedMessage id="admin.col.concluded" />
                </th>
                <th scope="col" style={head}>
                  <FormattedMessage id="admin.col.successRate" />
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <th scope="row" style={rowHead}>
                    {nameOf(c)}
                  </th>
                  <td lang="zh-CN" style={cell}>
                    {c.referencePrefix}
                  </td>
                  <td style={cell}>
                    <FormattedNumber value={c.casesAccepted} />
                  </td>
                  <td style={cell}>
                    <FormattedNumber value={c.casesConcluded} />
                  </td>
                  <td style={cell}>
                    {c.successRate === null ? (
                      '—'
                    ) : (
                      <FormattedNumber
                        value={c.successRate}
                        style="percent"
                        maximumFractionDigits={1}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>
        <FormattedMessage id="admin.newCommittee" />
      </h2>
      <form
        style={{ maxWidth: 560 }}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {field('nameZh', { lang: 'zh-CN' })}
        {field('nameEn', { lang: 'en' })}
        {field('slug', { ltr: true, help: intl.formatMessage({ id: 'admin.field.slugHelp' }) })}
        {field('referencePrefix', { lang: 'zh-CN' })}
        {field('timeZone', { ltr: true })}
        {field('courtZh', { lang: 'zh-CN' })}
        {field('courtEn', { lang: 'en' })}
        {field('directorEmail', {
          ltr: true,
          type: 'email',
          help: intl.formatMessage({ id: 'admin.field.directorEmailHelp' }),
        })}
        {notice && (
          <Alert
            type={notice.type}
            showIcon
            message={notice.text}
            role={notice.type === 'error' ? 'alert' : 'status'}
            style={{ marginBlockStart: 16 }}
          />
        )}
        <Button type="primary" htmlType="submit" loading={saving} style={{ marginBlockStart: 16 }}>
          <FormattedMessage id="admin.create" />
        </Button>
      </form>
    </section>
  );
}
