import { useCallback, useEffect, useState } from 'react';
import { FormattedMessage, FormattedNumber, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Form from 'antd/es/form';
import Input from 'antd/es/input';
import Spin from 'antd/es/spin';
import Table from 'antd/es/table';
import message from 'antd/es/message';
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
  courtZh?: string;
  courtEn?: string;
  directorEmail: string;
}

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
  const [messageApi, messageHolder] = message.useMessage();
  const [form] = Form.useForm<CreateForm>();
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

  const submit = async (v: CreateForm) => {
    setSaving(true);
    try {
      const court =
        v.courtZh?.trim() && v.courtEn?.trim()
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
      void messageApi.success(
        intl.formatMessage({ id: 'admin.created' }, { email: v.directorEmail.trim() }),
      );
      form.resetFields();
      load();
    } catch (e) {
      void messageApi.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const required = [{ required: true, message: intl.formatMessage({ id: 'admin.required' }) }];
  return (
    <section className="page">
      {messageHolder}
      <h1>
        <FormattedMessage id="admin.title" />
      </h1>
      <p>
        <FormattedMessage id="admin.intro" />
      </p>
      {error && <Alert type="error" showIcon message={error} />}
      {!items && !error && <Spin />}
      {items && (
        <Table<Committee>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: true }}
          dataSource={items}
          caption={intl.formatMessage({ id: 'admin.listCaption' }, { count: items.length })}
          columns={[
            { title: intl.formatMessage({ id: 'admin.col.name' }), render: (_, c) => nameOf(c) },
            { title: intl.formatMessage({ id: 'admin.col.prefix' }), dataIndex: 'referencePrefix' },
            {
              title: intl.formatMessage({ id: 'admin.col.accepted' }),
              render: (_, c) => <FormattedNumber value={c.casesAccepted} />,
            },
            {
              title: intl.formatMessage({ id: 'admin.col.concluded' }),
              render: (_, c) => <FormattedNumber value={c.casesConcluded} />,
            },
            {
              title: intl.formatMessage({ id: 'admin.col.successRate' }),
              render: (_, c) =>
                c.successRate === null ? (
                  '—'
                ) : (
                  <FormattedNumber
                    value={c.successRate}
                    style="percent"
                    maximumFractionDigits={1}
                  />
                ),
            },
          ]}
        />
      )}
      <h2>
        <FormattedMessage id="admin.newCommittee" />
      </h2>
      <Form<CreateForm>
        form={form}
        layout="vertical"
        initialValues={{ timeZone: 'Asia/Shanghai' }}
        onFinish={(v) => void submit(v)}
        style={{ maxWidth: 560 }}
      >
        <Form.Item
          name="nameZh"
          label={intl.formatMessage({ id: 'admin.field.nameZh' })}
          rules={required}
        >
          <Input lang="zh-CN" />
        </Form.Item>
        <Form.Item
          name="nameEn"
          label={intl.formatMessage({ id: 'admin.field.nameEn' })}
          rules={required}
        >
          <Input lang="en" />
        </Form.Item>
        <Form.Item
          name="slug"
          label={intl.formatMessage({ id: 'admin.field.slug' })}
          extra={intl.formatMessage({ id: 'admin.field.slugHelp' })}
          rules={required}
        >
          <Input dir="ltr" />
        </Form.Item>
        <Form.Item
          name="referencePrefix"
          label={intl.formatMessage({ id: 'admin.field.prefix' })}
          rules={required}
        >
          <Input lang="zh-CN" />
        </Form.Item>
        <Form.Item
          name="timeZone"
          label={intl.formatMessage({ id: 'admin.field.timeZone' })}
          rules={required}
        >
          <Input dir="ltr" />
        </Form.Item>
        <Form.Item name="courtZh" label={intl.formatMessage({ id: 'admin.field.courtZh' })}>
          <Input lang="zh-CN" />
        </Form.Item>
        <Form.Item name="courtEn" label={intl.formatMessage({ id: 'admin.field.courtEn' })}>
          <Input lang="en" />
        </Form.Item>
        <Form.Item
          name="directorEmail"
          label={intl.formatMessage({ id: 'admin.field.directorEmail' })}
          extra={intl.formatMessage({ id: 'admin.field.directorEmailHelp' })}
          rules={required}
        >
          <Input type="email" dir="ltr" autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          <FormattedMessage id="admin.create" />
        </Button>
      </Form>
    </section>
  );
}
