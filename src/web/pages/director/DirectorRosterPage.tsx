import { useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Drawer from 'antd/es/drawer';
import Table from 'antd/es/table';
import Tag from 'antd/es/tag';
import { api, ApiError, type ApiErrorBody } from '../../app/api-client';
import { useLocale } from '../../app/LocaleContext';
import { useErrorMessage } from '../../app/use-error-message';
import { AvailabilityEditors } from '../mediator/AvailabilityEditors';
import { DirectorNav, useDirectorOrgId } from './DirectorNav';
import { usePagedList } from './use-paged-list';

interface Mediator {
  id: string;
  displayName: string;
  kind: string;
  nationality: string;
  languages: { code: string; proficiency: string }[];
  caseLimit: number;
  active: boolean;
}

interface ChecklistItem {
  item: string;
  status: 'passed' | 'failed' | 'pending';
  automatic: boolean;
  languageCount: number | null;
}

interface Checklist {
  required: boolean;
  admitted: boolean;
  items: ChecklistItem[];
}

interface ImportReport {
  encoding: string;
  rows: number;
  created: number;
  updated: number;
  errors: { row: number; field: string; code: string }[];
}

const statusColour = { passed: 'green', failed: 'red', pending: 'gold' } as const;

/** One mediator's admission checklist (DESIGN §1), with the officer's pass/fail decisions. */
function AdmissionChecklist({ mediatorId }: { mediatorId: string }) {
  const errorMessage = useErrorMessage();
  const [list, setList] = useState<Checklist | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api
      .get<Checklist>(`/api/v1/mediators/${mediatorId}/admission`)
      .then(setList)
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [mediatorId]);
  const decide = async (item: string, status: 'passed' | 'failed') => {
    try {
      setList(
        await api.put<Checklist>(`/api/v1/mediators/${mediatorId}/admission/${item}`, { status }),
      );
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  if (error) return <Alert type="error" showIcon role="alert" message={error} />;
  if (!list) return null;
  return (
    <div className="admission">
      <p>
        <Tag color={list.admitted ? 'green' : 'gold'}>
          <FormattedMessage
            id={list.admitted ? 'director.roster.admitted' : 'director.roster.notAdmitted'}
          />
        </Tag>
      </p>
      <ul className="checklist">
        {list.items.map((i) => (
          <li key={i.item}>
            <Tag color={statusColour[i.status]}>
              <FormattedMessage id={`director.roster.status.${i.status}`} />
            </Tag>
            <span>
              <FormattedMessage
                id={`director.roster.item.${i.item}`}
                values={{ count: i.languageCount ?? 0 }}
              />
            </span>
            {!i.automatic && (
              <span className="checklist-actions">
                <Button size="small" onClick={() => void decide(i.item, 'passed')}>
                  <FormattedMessage id="director.roster.pass" />
                </Button>
                <Button size="small" danger onClick={() => void decide(i.item, 'failed')}>
                  <FormattedMessage id="director.roster.fail" />
                </Button>
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The roster: who mediates, in which languages, admitted or not; CSV in and out. */
export default function DirectorRosterPage() {
  const intl = useIntl();
  const { locale } = useLocale();
  const orgId = useDirectorOrgId();
  const errorMessage = useErrorMessage();
  const fileInput = useRef<HTMLInputElement>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  /** The mediator whose hours and leave the drawer edits. */
  const [editing, setEditing] = useState<Mediator | null>(null);
  const { items, loading, error, setError, more, reload } = usePagedList<Mediator, string>(
    orgId,
    async (cursor) => {
      const r = await api.get<{ items: Mediator[]; nextCursor: string | null }>(
        `/api/v1/orgs/${orgId}/mediators`,
        { limit: 50, cursor },
      );
      return { items: r.items, next: r.nextCursor };
    },
  );

  // The import endpoint takes the raw CSV bytes (it detects UTF-8 or GBK itself), not JSON.
  const importCsv = async (file: File) => {
    setError(null);
    const res = await fetch(`/api/v1/orgs/${orgId}/mediators/import`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'text/csv', accept: 'application/json' },
      body: await file.arrayBuffer(),
    });
    const body: unknown = await res.json();
    if (!res.ok) {
      const e = (body as ApiErrorBody).error;
      setError(errorMessage(new ApiError(res.status, e.code, e.message, e.field)));
      return;
    }
    setReport(body as ImportReport);
    reload();
  };

  const languageName = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
  const regionName = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  return (
    <section>
      <DirectorNav />
      <h1>
        <FormattedMessage id="director.roster.title" />
      </h1>
      <div className="toolbar">
        <Button onClick={() => fileInput.current?.click()}>
          <FormattedMessage id="director.roster.import" />
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".csv,text/csv"
          hidden
          aria-label={intl.formatMessage({ id: 'director.roster.import' })}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void importCsv(f);
            e.target.value = '';
          }}
        />
        <a href={`/api/v1/orgs/${orgId}/mediators/export.csv`} download>
          <FormattedMessage id="director.roster.export" />
        </a>
      </div>
      {report && (
        <Alert
          role="status"
          showIcon
          type={report.errors.length ? 'warning' : 'success'}
          style={{ marginBottom: 12 }}
          message={
            <FormattedMessage
              id="director.roster.importReport"
              values={{
                rows: report.rows,
                created: report.created,
                updated: report.updated,
                errors: report.errors.length,
              }}
            />
          }
          description={
            report.errors.length > 0 && (
              <ul>
                {report.errors.slice(0, 20).map((e) => (
                  <li key={`${e.row}-${e.field}`}>
                    <FormattedMessage
                      id="director.roster.importError"
                      values={{ row: e.row, field: e.field, code: e.code }}
                    />
                  </li>
                ))}
              </ul>
            )
          }
        />
      )}
      {error && <Alert type="error" showIcon role="alert" message={error} />}
      <Table<Mediator>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: intl.formatMessage({ id: 'director.roster.empty' }) }}
        expandable={{
          expandedRowRender: (m) => <AdmissionChecklist mediatorId={m.id} />,
          columnTitle: intl.formatMessage({ id: 'director.roster.admission' }),
        }}
        columns={[
          { title: intl.formatMessage({ id: 'director.roster.name' }), dataIndex: 'displayName' },
          {
            title: intl.formatMessage({ id: 'director.roster.kind' }),
            dataIndex: 'kind',
            render: (k: string) => <FormattedMessage id={`director.roster.kind.${k}`} />,
          },
          {
            title: intl.formatMessage({ id: 'director.roster.nationality' }),
            dataIndex: 'nationality',
            render: (c: string) => regionName.of(c.toUpperCase()) ?? c,
          },
          {
            title: intl.formatMessage({ id: 'director.roster.languages' }),
            dataIndex: 'languages',
            render: (ls: Mediator['languages']) =>
              ls.map((l) => languageName.of(l.code) ?? l.code).join(' · '),
          },
          {
            title: intl.formatMessage({ id: 'director.roster.caseLimit' }),
            dataIndex: 'caseLimit',
          },
          {
            title: intl.formatMessage({ id: 'calendar.director.column' }),
            key: 'availability',
            render: (_: unknown, m: Mediator) => (
              <Button
                size="small"
                onClick={() => setEditing(m)}
                aria-label={intl.formatMessage(
                  { id: 'calendar.director.openNamed' },
                  { name: m.displayName },
                )}
              >
                <FormattedMessage id="calendar.director.open" />
              </Button>
            ),
          },
          {
            title: intl.formatMessage({ id: 'director.roster.active' }),
            dataIndex: 'active',
            render: (a: boolean) => (
              <Tag color={a ? 'green' : 'default'}>
                <FormattedMessage
                  id={a ? 'director.roster.isActive' : 'director.roster.inactive'}
                />
              </Tag>
            ),
          },
        ]}
      />
      {more}
      <Drawer
        open={!!editing}
        onClose={() => setEditing(null)}
        width="min(720px, 100vw)"
        title={
          editing && (
            <FormattedMessage
              id="calendar.director.title"
              values={{ name: <span dir="auto">{editing.displayName}</span> }}
            />
          )
        }
      >
        {editing && (
          <div className="calendar-sections" data-testid="director-availability">
            <p className="calendar-muted" style={{ margin: 0 }}>
              <FormattedMessage
                id="calendar.director.intro"
                values={{ name: <span dir="auto">{editing.displayName}</span> }}
              />
            </p>
            {/* Keyed by mediator: another mediator's drawer starts from their own hours. */}
            <AvailabilityEditors
              key={editing.id}
              mediatorId={editing.id}
              mediatorName={editing.displayName}
            />
          </div>
        )}
      </Drawer>
    </section>
  );
}
