import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import Input from 'antd/es/input';
import Radio from 'antd/es/radio';
import { CaseTable } from '../cases/CaseTable';

const queues = ['submitted', 'accepted', 'in_mediation', 'agreed', 'performing'] as const;

/** The officer's work queue: new applications first, then cases waiting for the next lifecycle step. */
export default function OfficerQueuePage() {
  const intl = useIntl();
  const [status, setStatus] = useState<(typeof queues)[number]>('submitted');
  const [q, setQ] = useState('');
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
          value={status}
          onChange={(e) => setStatus(e.target.value as (typeof queues)[number])}
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
          onSearch={setQ}
          style={{ maxWidth: 320 }}
        />
      </div>
      <CaseTable
        query={{ status, q: q || undefined }}
        caption={intl.formatMessage({ id: `queue.tab.${status}` })}
      />
    </section>
  );
}
