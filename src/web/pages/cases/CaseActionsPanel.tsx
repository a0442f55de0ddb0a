import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import ConfigProvider from 'antd/es/config-provider';
import { api } from '../../app/api-client';
import { AppealDecisionSection } from './AppealDecisionSection';
import { ExtensionSection } from './ExtensionSection';
import { ReasonedAction } from './ReasonedAction';
import { isCommitteeStaff, type ActionsCaseDetail } from './case-action-types';
import type { CaseDetail, CaseStatus } from './case-types';
import './case-actions.css';

/** antd's red is 3.3:1 on white; this one keeps the danger buttons' text at WCAG AA (6.5:1). */
const dangerTheme = { token: { colorError: '#b42318' } };

/** Relations that may download the dossier (generate-case-dossier.ts): the committee's side and the court. */
const dossierRelations = ['officer', 'director', 'mediator', 'court_liaison'];

/**
 * The lifecycle actions the server allows this viewer on this case (allowedActions), beyond the
 * decision, team, sessions, agreement and filings panels: extending the deadline with the
 * parties' consent, withdrawal, a failed outcome, resuming mediation after a court's refusal,
 * the appeal decision, and the dossier.
 */
export function CaseActionsPanel({ detail, onDone }: { detail: CaseDetail; onDone(): void }) {
  const intl = useIntl();
  const d = detail as ActionsCaseDetail;
  const [done, setDone] = useState<CaseStatus | null>(null);
  const allowed = (a: string) => d.allowedActions.includes(a);
  const canExtend = allowed('extend_deadline') && isCommitteeStaff(d);
  const canWithdraw = allowed('withdraw') && isCommitteeStaff(d);
  const canFail = allowed('conclude_failed');
  // Mediation resumes only on the court's word: the latest confirmation filing was refused.
  const lastConfirmation = d.courtFilings.filter((f) => f.kind === 'confirmation').at(-1);
  const canReopen = allowed('reopen_mediation') && lastConfirmation?.status === 'rejected';
  const canDecideAppeal =
    (allowed('overturn_rejection') || allowed('uphold_rejection')) && !!d.appeal;
  const canDownload = d.relations.some((r) => dossierRelations.includes(r));
  const anyAction = canExtend || canWithdraw || canFail || canReopen || canDecideAppeal;
  if (!anyAction && !canDownload && !done) return null;

  /** Runs a status-changing step, then says what the case became and reloads the page's case. */
  const transition = async (path: string, body: object) => {
    const r = await api.post<{ status: CaseStatus }>(`/api/v1/cases/${d.id}/${path}`, {
      version: d.version,
      ...body,
    });
    setDone(r.status);
    onDone();
  };
  const lang = intl.locale;

  return (
    <ConfigProvider theme={dangerTheme}>
      <section className="panel case-actions" aria-labelledby="case-actions-title">
        <h2 id="case-actions-title">
          <FormattedMessage id="caseActions.title" />
        </h2>
        {done && (
          <Alert
            type="success"
            showIcon
            role="status"
            message={
              <FormattedMessage
                id="caseActions.done"
                values={{ status: <FormattedMessage id={`status.${done}`} /> }}
              />
            }
          />
        )}
        {!anyAction && !done && (
          <p className="case-action-hint">
            <FormattedMessage id="caseActions.none" />
          </p>
        )}
        {canDecideAppeal && (
          <AppealDecisionSection
            detail={d}
            run={(decision, reason) => transition('appeal/decision', { decision, reason })}
          />
        )}
        {canExtend && <ExtensionSection detail={d} onDone={onDone} />}
        {canReopen && (
          <ReasonedAction
            name="reopen"
            run={(reason) => transition('reopen-mediation', { reason })}
          />
        )}
        {canFail && (
          <ReasonedAction
            name="failed"
            danger
            run={(reason) => transition('outcome/failed', { reason })}
          />
        )}
        {canWithdraw && (
          <ReasonedAction
            name="withdraw"
            danger
            run={(reason) => transition('withdraw', { reason })}
          />
        )}
        {canDownload && (
          <div className="case-action" role="group" aria-labelledby="dossier-title">
            <h3 id="dossier-title">
              <FormattedMessage id="caseActions.dossier.title" />
            </h3>
            <p>
              <FormattedMessage id="caseActions.dossier.explain" />
            </p>
            <p className="dossier-links">
              <a
                href={`/api/v1/cases/${encodeURIComponent(d.id)}/dossier.pdf?lang=${encodeURIComponent(lang)}`}
                download
              >
                <FormattedMessage id="caseActions.dossier.pdf" />
              </a>
              <a
                href={`/api/v1/cases/${encodeURIComponent(d.id)}/dossier.zip?lang=${encodeURIComponent(lang)}`}
                download
              >
                <FormattedMessage id="caseActions.dossier.zip" />
              </a>
            </p>
          </div>
        )}
      </section>
    </ConfigProvider>
  );
}
