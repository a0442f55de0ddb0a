import { useEffect, useMemo, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Input from 'antd/es/input';
import Radio from 'antd/es/radio';
import Select from 'antd/es/select';
import { api } from '../../app/api-client';
import { AreaMessages } from '../../app/AreaMessages';
import { useLocale } from '../../app/LocaleContext';
import { countryOptions, languageOptions } from '../../app/reference-data';
import { useSession } from '../../app/session';
import { categories } from '../../app/dispute-categories';
import { CaseTable } from '../cases/CaseTable';
import { queueMessages } from './queue-messages';

const queues = ['submitted', 'accepted', 'in_mediation', 'agreed', 'performing'] as const;
const dues = ['overdue', 'week'] as const;

interface Filters {
  language?: string;
  country?: string;
  category?: string;
  due?: string;
  mediatorId?: string;
}

/** The officer's committee's mediators, for the team filter; an empty list if they cannot load. */
function useMediators(): { value: string; label: string }[] {
  const { user } = useSession();
  const orgId = user?.memberships.find((m) => m.role === 'officer' || m.role === 'director')?.orgId;
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    if (!orgId) return;
    let cancelled = false;
    api
      .get<{ items: { id: string; displayName: string }[] }>(`/api/v1/orgs/${orgId}/mediators`, {
        limit: 200,
      })
      .then((r) => {
        if (!cancelled) setOptions(r.items.map((m) => ({ value: m.id, label: m.displayName })));
      })
      // The filter is a convenience: without the roster the queue still works, unfiltered by mediator.
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [orgId]);
  return options;
}

/** The officer's work queue: new applications first, then cases waiting for the next lifecycle step. */
export default function OfficerQueuePage() {
  return (
    <AreaMessages loaders={queueMessages}>
      <QueuePage />
    </AreaMessages>
  );
}

function QueuePage() {
  const intl = useIntl();
  const { locale } = useLocale();
  const [status, setStatus] = useState<(typeof queues)[number]>('submitted');
  const [q, setQ] = useState('');
  const [typed, setTyped] = useState('');
  const [filters, setFilters] = useState<Filters>({});
  const mediators = useMediators();
  const languages = useMemo(() => languageOptions(locale), [locale]);
  const countries = useMemo(() => countryOptions(locale), [locale]);
  const set = (k: keyof Filters) => (v: string | undefined) =>
    setFilters((f) => ({ ...f, [k]: v }));
  const filterSelect = (
    k: keyof Filters,
    label: string,
    options: { value: string; label: string }[],
  ) => (
    <Select
      aria-label={label}
      placeholder={label}
      allowClear
      showSearch
      optionFilterProp="label"
      value={filters[k]}
      onChange={set(k)}
      options={options}
      style={{ minWidth: 160 }}
    />
  );
  const searching = q !== '';
  const clearSearch = () => {
    setQ('');
    setTyped('');
  };

  return (
    <section>
      <h1>
        <FormattedMessage id="queue.title" />
      </h1>
      <div className="toolbar">
        {/* Radio buttons wrap onto a second line on a phone, where a segmented bar would overflow. */}
        <Radio.Group
          aria-label={intl.formatMessage({ id: 'cases.status' })}
          optionType="button"
          value={searching ? undefined : status}
          onChange={(e) => {
            setStatus(e.target.value as (typeof queues)[number]);
            // Choosing a tab means "this status": the search across all statuses ends.
            clearSearch();
          }}
          options={queues.map((s) => ({
            value: s,
            label: intl.formatMessage({ id: `queue.tab.${s}` }),
          }))}
          style={{ display: 'flex', flexWrap: 'wrap', rowGap: 6 }}
        />
        <Input.Search
          aria-label={intl.formatMessage({ id: 'queue.search' })}
          placeholder={intl.formatMessage({ id: 'queue.search' })}
          allowClear
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value);
            if (e.target.value === '') setQ('');
          }}
          onSearch={(v) => setQ(v.trim())}
          style={{ maxWidth: 320 }}
        />
      </div>
      <div
        className="toolbar"
        role="group"
        aria-label={intl.formatMessage({ id: 'queue.filters' })}
        style={{ flexWrap: 'wrap', gap: 8 }}
      >
        {filterSelect('language', intl.formatMessage({ id: 'queue.filter.language' }), languages)}
        {filterSelect('country', intl.formatMessage({ id: 'queue.filter.country' }), countries)}
        {filterSelect(
          'category',
          intl.formatMessage({ id: 'queue.filter.category' }),
          categories.map((c) => ({ value: c, label: intl.formatMessage({ id: `category.${c}` }) })),
        )}
        {filterSelect(
          'due',
          intl.formatMessage({ id: 'queue.filter.due' }),
          dues.map((d) => ({
            value: d,
            label: intl.formatMessage({ id: `queue.filter.due.${d}` }),
          })),
        )}
        {filterSelect('mediatorId', intl.formatMessage({ id: 'queue.filter.mediator' }), mediators)}
        {Object.values(filters).some(Boolean) && (
          <Button onClick={() => setFilters({})}>
            <FormattedMessage id="queue.clearFilters" />
          </Button>
        )}
      </div>
      {searching && (
        // A reference or a name is looked for in every status: a case is rarely where one expects.
        <Alert
          type="info"
          showIcon
          role="status"
          style={{ marginBottom: 12 }}
          message={<FormattedMessage id="queue.allStatuses" values={{ q }} />}
          action={
            <Button size="small" onClick={clearSearch}>
              <FormattedMessage id="queue.clearSearch" />
            </Button>
          }
        />
      )}
      <CaseTable
        query={{ ...(searching ? { q } : { status }), ...filters }}
        caption={
          searching
            ? intl.formatMessage({ id: 'queue.resultsCaption' }, { q })
            : intl.formatMessage({ id: `queue.tab.${status}` })
        }
      />
    </section>
  );
}
