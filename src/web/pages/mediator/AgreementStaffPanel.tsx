import { useCallback, useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Modal from 'antd/es/modal';
import Select from 'antd/es/select';
import Tag from 'antd/es/tag';
import { AreaMessages } from '../../app/AreaMessages';
import { ApiError, api } from '../../app/api-client';
import { useSession } from '../../app/session';
import { useErrorMessage } from '../../app/use-error-message';
import type { CaseDetail } from '../cases/case-types';
import {
  baseLanguage,
  useLanguageList,
  useLanguageName,
  useSectionName,
} from '../party/agreement-labels';
import { agreementMessages } from '../party/agreement-messages';
import { LocalText } from '../party/LocalText';
import '../party/agreement.css';
import type { Agreement, LocalizedText } from '../party/party-types';
import { AgreementDraftForm, MissingCounts, partyLanguages } from './AgreementDraftForm';

type Props = { detail: CaseDetail; onDone(): void };

/** The team's agreement panel with the agreement area's strings (i18n/messages/agreement/). */
export function AgreementStaffPanel(props: Props) {
  return (
    <AreaMessages loaders={agreementMessages}>
      <StaffAgreement {...props} />
    </AreaMessages>
  );
}

/** Every text of an agreement in reading order, keyed as the API keys sections. */
function sectionsOf(content: Agreement['content']): { key: string; text: LocalizedText }[] {
  return [
    { key: 'facts', text: content.facts },
    { key: 'disputedMatters', text: content.disputedMatters },
    { key: 'responsibilities', text: content.responsibilities },
    ...content.points.map((p) => ({ key: `points.${p.no}`, text: p.text })),
    { key: 'performanceMethod', text: content.performanceMethod },
  ];
}

/** The languages an agreement's text exists in: its original and every translation given. */
function languagesOfAgreement(content: Agreement['content']): string[] {
  const out = new Set<string>();
  for (const { text } of sectionsOf(content)) {
    out.add(baseLanguage(text.lang));
    for (const [l, t] of Object.entries(text.translations))
      if (t.trim() !== '') out.add(baseLanguage(l));
  }
  return [...out];
}

const existsIn = (text: LocalizedText, language: string) =>
  baseLanguage(text.lang) === language || (text.translations[language] ?? '').trim() !== '';

/** The checklist: per language any party reads, the sections missing and who translates them. */
function translationStatusOf(a: Agreement, detail: CaseDetail) {
  if (a.translationStatus) return a.translationStatus;
  const sections = sectionsOf(a.content);
  return partyLanguages(detail).map((language) => ({
    language,
    missingSections: sections.filter((s) => !existsIn(s.text, language)).map((s) => s.key),
    assignee: null,
  }));
}

/** Per party: the languages they read and what they cannot read yet (the API's, else counted here). */
function readabilityOf(a: Agreement, detail: CaseDetail) {
  return a.parties.map((p) => {
    const r = a.readability?.find((x) => x.partyId === p.id);
    if (r) return { party: p, languages: r.languages, missingSections: r.missingSections };
    const cp = detail.parties.find((x) => x.id === p.id);
    const languages = cp
      ? [...new Set([cp.preferredLanguage, ...cp.languages].map(baseLanguage))]
      : [];
    return {
      party: p,
      languages,
      missingSections: sectionsOf(a.content)
        .filter((s) => !languages.some((l) => existsIn(s.text, l)))
        .map((s) => s.key),
    };
  });
}

interface MissingParty {
  partyId: string;
  sections: string[];
  languages: string[];
}

/**
 * The team's side of the agreement: draft it side by side in every language the parties read,
 * follow the translation checklist, preview what each party will read, edit a draft (or revise
 * a frozen text before the seal), freeze the text after a confirmation, sign as the mediator,
 * and (an officer) apply the committee's seal once every party has signed.
 */
function StaffAgreement({ detail, onDone }: Props) {
  const intl = useIntl();
  const { user } = useSession();
  const errorMessage = useErrorMessage();
  const languageName = useLanguageName();
  const languageList = useLanguageList();
  const sectionName = useSectionName();
  const [items, setItems] = useState<Agreement[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState(false);
  const [askRevise, setAskRevise] = useState(false);
  const [askFinalise, setAskFinalise] = useState(false);
  const [missing, setMissing] = useState<MissingParty[] | null>(null);
  const canDraft = detail.allowedActions.includes('draft_agreement');
  const isOfficer = (user?.memberships ?? []).some(
    (m) => m.role === 'officer' || m.role === 'director',
  );
  const myMediatorIds = user?.mediatorIds ?? [];
  const onTeam = detail.team.some((m) => myMediatorIds.includes(m.mediatorId));

  const load = useCallback(() => {
    api
      .get<{ items: Agreement[] }>(`/api/v1/cases/${detail.id}/agreements`)
      .then((r) => setItems(r.items))
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [detail.id, detail.version]);
  useEffect(load, [load]);

  const run = async (path: string, body: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await api.post(path, { version: detail.version, ...body });
      onDone();
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  if (!items) return null;
  const current = items
    .filter((a) => a.status !== 'superseded')
    .sort((x, y) => y.version - x.version)[0];
  if (!current && !canDraft) return null;
  const base = current ? `/api/v1/cases/${detail.id}/agreements/${current.id}` : '';
  const partiesSigned =
    current?.parties.every((p) => current.signatures.some((s) => s.partyId === p.id)) ?? false;
  const mediatorSigned = current?.signatures.some((s) => s.signerKind === 'mediator') ?? false;
  const iCanSign =
    current?.status === 'final' &&
    onTeam &&
    !current.signatures.some((s) => s.mediatorId && myMediatorIds.includes(s.mediatorId));
  const editable = !!current && canDraft && ['draft', 'final'].includes(current.status);
  const partyName = (id: string) => detail.parties.find((p) => p.id === id)?.name ?? '';

  const finalise = async (sightTranslation: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`${base}/finalise`, {
        version: detail.version,
        ...(sightTranslation ? { sightTranslation: true } : {}),
      });
      setAskFinalise(false);
      setMissing(null);
      onDone();
    } catch (e) {
      const details = e instanceof ApiError ? (e.details as { parties?: MissingParty[] }) : null;
      if (e instanceof ApiError && e.code === 'TRANSLATION_MISSING' && details?.parties)
        setMissing(details.parties);
      else {
        setAskFinalise(false);
        setError(errorMessage(e));
      }
    } finally {
      setBusy(false);
    }
  };

  const textLanguages = current ? languagesOfAgreement(current.content) : [];
  return (
    <section aria-labelledby="agreement-staff-title" style={{ marginTop: 16 }}>
      <h2 id="agreement-staff-title">
        <FormattedMessage id="agreementStaff.title" />
      </h2>
      {!current && canDraft && <AgreementDraftForm detail={detail} onDone={onDone} />}
      {current && editing && (
        <AgreementDraftForm
          detail={detail}
          initial={current}
          onDone={() => {
            setEditing(false);
            onDone();
          }}
          onCancel={() => setEditing(false)}
        />
      )}
      {current && !editing && (
        <div className="panel" data-testid="agreement-staff">
          <p>
            <Tag color={current.status === 'in_effect' ? 'green' : 'blue'}>
              <FormattedMessage id={`agreementStaff.status.${current.status}`} />
            </Tag>
            <FormattedMessage id="agreementStaff.version" values={{ version: current.version }} />{' '}
            <span className="party-muted">
              <FormattedMessage
                id="agreement.staff.languages"
                values={{ count: textLanguages.length, languages: languageList(textLanguages) }}
              />
            </span>
          </p>
          <ol className="agreement-points">
            {current.content.points.map((p) => (
              <li key={p.no}>
                <bdi lang={p.text.lang} dir="auto">
                  {p.text.text}
                </bdi>
              </li>
            ))}
          </ol>
          <ul className="signature-list">
            {current.parties.map((p) => (
              <li key={p.id}>
                <FormattedMessage
                  id="agreementStaff.partyProgress"
                  values={{
                    name: <bdi>{p.name}</bdi>,
                    confirmed: p.pointsConfirmed.length,
                    total: current.content.points.length,
                    signed: current.signatures.some((s) => s.partyId === p.id) ? 'yes' : 'no',
                  }}
                />
              </li>
            ))}
            <li>
              <FormattedMessage
                id="agreementStaff.mediatorSigned"
                values={{ signed: mediatorSigned ? 'yes' : 'no' }}
              />
            </li>
          </ul>
          <TranslationChecklist
            detail={detail}
            agreement={current}
            canAssign={isOfficer || onTeam}
            isOfficer={isOfficer}
            onAssigned={load}
          />
          <PartyPreview
            detail={detail}
            agreement={current}
            canAttest={onTeam && current.status === 'final'}
            onAttested={load}
          />
          <div className="toolbar">
            {editable && current.status === 'draft' && (
              <Button onClick={() => setEditing(true)}>
                <FormattedMessage id="agreement.staff.edit" />
              </Button>
            )}
            {editable && current.status === 'final' && (
              <Button onClick={() => setAskRevise(true)}>
                <FormattedMessage id="agreement.staff.revise" />
              </Button>
            )}
            {current.status === 'draft' && canDraft && (
              <Button
                type="primary"
                loading={busy}
                onClick={() => {
                  setMissing(null);
                  setAskFinalise(true);
                }}
              >
                <FormattedMessage id="agreementStaff.finalise" />
              </Button>
            )}
            {iCanSign && (
              <Button
                type="primary"
                loading={busy}
                onClick={() => void run(`${base}/signatures`, { signer: 'mediator' })}
              >
                <FormattedMessage id="agreementStaff.signAsMediator" />
              </Button>
            )}
            {current.status === 'final' && isOfficer && (
              <Button
                type="primary"
                loading={busy}
                disabled={!partiesSigned || !mediatorSigned}
                title={
                  !partiesSigned || !mediatorSigned
                    ? intl.formatMessage({ id: 'agreementStaff.sealWaiting' })
                    : undefined
                }
                onClick={() => void run(`${base}/seal`, {})}
              >
                <FormattedMessage id="agreementStaff.seal" />
              </Button>
            )}
          </div>
        </div>
      )}
      {current && (
        <Modal
          open={askRevise}
          title={<FormattedMessage id="agreement.revise.title" />}
          okText={<FormattedMessage id="agreement.revise.ok" />}
          cancelText={<FormattedMessage id="agreement.cancel" />}
          onCancel={() => setAskRevise(false)}
          onOk={() => {
            setAskRevise(false);
            setEditing(true);
          }}
        >
          <p>
            <FormattedMessage
              id="agreement.revise.body"
              values={{ version: current.version, next: current.version + 1 }}
            />
          </p>
        </Modal>
      )}
      {current && (
        <Modal
          open={askFinalise}
          title={<FormattedMessage id="agreement.finalise.title" />}
          onCancel={() => setAskFinalise(false)}
          footer={
            <div className="agreement-modal-actions">
              <Button onClick={() => setAskFinalise(false)}>
                <FormattedMessage id="agreement.cancel" />
              </Button>
              {missing ? (
                <Button type="primary" loading={busy} onClick={() => void finalise(true)}>
                  <FormattedMessage id="agreement.finalise.sight" />
                </Button>
              ) : (
                <Button type="primary" loading={busy} onClick={() => void finalise(false)}>
                  <FormattedMessage id="agreement.finalise.ok" />
                </Button>
              )}
            </div>
          }
        >
          <p>
            <FormattedMessage
              id="agreement.finalise.body"
              values={{
                version: current.version,
                count: textLanguages.length,
                languages: languageList(textLanguages),
              }}
            />
          </p>
          <p>
            <FormattedMessage id="agreement.finalise.begins" />
          </p>
          {missing && (
            <Alert
              type="warning"
              showIcon
              role="alert"
              data-testid="finalise-missing"
              message={<FormattedMessage id="agreement.finalise.missingTitle" />}
              description={
                <>
                  <ul className="agreement-missing-list">
                    {missing.map((m) => (
                      <li key={m.partyId}>
                        <FormattedMessage
                          id="agreement.finalise.missingParty"
                          values={{
                            name: <bdi>{partyName(m.partyId)}</bdi>,
                            sections: intl.formatList(m.sections.map(sectionName), {
                              type: 'conjunction',
                            }),
                            languages: intl.formatList(m.languages.map(languageName), {
                              type: 'disjunction',
                            }),
                          }}
                        />
                      </li>
                    ))}
                  </ul>
                  <p>
                    <FormattedMessage id="agreement.finalise.sightHelp" />
                  </p>
                </>
              }
            />
          )}
        </Modal>
      )}
      {error && (
        <Alert type="error" showIcon role="alert" message={error} style={{ marginTop: 12 }} />
      )}
    </section>
  );
}

/**
 * Per language the parties read: how many sections and points are still missing ("3 points
 * missing in Persian") and who is to translate them, a team member or the case's interpreter.
 */
function TranslationChecklist({
  detail,
  agreement,
  canAssign,
  isOfficer,
  onAssigned,
}: {
  detail: CaseDetail;
  agreement: Agreement;
  canAssign: boolean;
  isOfficer: boolean;
  onAssigned(): void;
}) {
  const intl = useIntl();
  const { user } = useSession();
  const languageName = useLanguageName();
  const errorMessage = useErrorMessage();
  const [people, setPeople] = useState<{ userId: string; name: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const status = translationStatusOf(agreement, detail);

  // The team's members as people to assign. The case page names their accounts where it can;
  // an officer may read each profile for it; a mediator may always take the work on themselves.
  useEffect(() => {
    if (!canAssign) return;
    let cancelled = false;
    const named = detail.team.filter((m) => m.userId);
    const direct = named.map((m) => ({ userId: m.userId!, name: m.displayName }));
    const mine = detail.team.find((m) => user?.mediatorIds.includes(m.mediatorId));
    if (user && mine && !mine.userId) direct.push({ userId: user.id, name: mine.displayName });
    const lookUp = isOfficer ? detail.team.filter((m) => !m.userId) : [];
    void Promise.all(
      lookUp.map((m) =>
        api
          .get<{ userId: string | null }>(`/api/v1/mediators/${m.mediatorId}`)
          .then((p) => (p.userId ? { userId: p.userId, name: m.displayName } : null))
          .catch(() => null),
      ),
    ).then((xs) => {
      if (!cancelled)
        setPeople([...direct, ...xs.filter((x): x is { userId: string; name: string } => !!x)]);
    });
    return () => {
      cancelled = true;
    };
  }, [canAssign, isOfficer, detail.team, user]);

  const assign = async (language: string, assigneeUserId: string) => {
    setError(null);
    setSaved(null);
    try {
      const r = await api.put<{ assignee: { name: string } }>(
        `/api/v1/cases/${detail.id}/translation-assignments/${language}`,
        { assigneeUserId },
      );
      setSaved(
        intl.formatMessage(
          { id: 'agreement.checklist.assigned' },
          { language: languageName(language), name: r.assignee.name },
        ),
      );
      onAssigned();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  if (status.length === 0) return null;
  return (
    <div className="agreement-checklist-panel" data-testid="translation-checklist">
      <h3>
        <FormattedMessage id="agreement.checklist.title" />
      </h3>
      <ul className="agreement-checklist">
        {status.map((s) => {
          const points = s.missingSections.filter((k) => k.startsWith('points.')).length;
          const options = [...people];
          if (s.assignee && !options.some((o) => o.userId === s.assignee!.userId))
            options.push(s.assignee);
          return (
            <li key={s.language}>
              <MissingCounts
                language={languageName(s.language)}
                sections={s.missingSections.length - points}
                points={points}
              />
              {canAssign ? (
                <Select
                  className="agreement-assignee"
                  aria-label={intl.formatMessage(
                    { id: 'agreement.checklist.assignee' },
                    { language: languageName(s.language) },
                  )}
                  placeholder={intl.formatMessage({ id: 'agreement.checklist.unassigned' })}
                  value={s.assignee?.userId}
                  onChange={(v: string) => void assign(s.language, v)}
                  options={options.map((o) => ({ value: o.userId, label: o.name }))}
                />
              ) : (
                s.assignee && (
                  <span className="party-muted">
                    <FormattedMessage
                      id="agreement.checklist.assigneeIs"
                      values={{ name: <bdi>{s.assignee.name}</bdi> }}
                    />
                  </span>
                )
              )}
            </li>
          );
        })}
      </ul>
      {saved && (
        <p role="status" className="party-muted">
          {saved}
        </p>
      )}
      {error && <Alert type="error" showIcon role="alert" message={error} />}
    </div>
  );
}

/**
 * What each party will read, in their own language, and whether they could confirm and sign.
 * Once the text is frozen, an interpreter of the team who read the missing parts aloud to a
 * party attests it here (the API checks that they speak the language): the party may then sign.
 */
function PartyPreview({
  detail,
  agreement,
  canAttest,
  onAttested,
}: {
  detail: CaseDetail;
  agreement: Agreement;
  canAttest: boolean;
  onAttested(): void;
}) {
  const intl = useIntl();
  const errorMessage = useErrorMessage();
  const languageName = useLanguageName();
  const languageList = useLanguageList();
  const sectionName = useSectionName();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const c = agreement.content;

  const attest = async (partyId: string, language: string) => {
    setBusy(partyId);
    setError(null);
    try {
      await api.post(`/api/v1/cases/${detail.id}/agreements/${agreement.id}/sight-translations`, {
        partyId,
        language,
      });
      onAttested();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="agreement-preview" data-testid="agreement-preview">
      <h3>
        <FormattedMessage id="agreement.preview.title" />
      </h3>
      {readabilityOf(agreement, detail).map(({ party, languages, missingSections }) => (
        <details key={party.id} className="agreement-preview-party">
          <summary>
            <bdi>{party.name}</bdi>{' '}
            <span className="party-muted">
              <FormattedMessage
                id="agreement.preview.reads"
                values={{ languages: languageList(languages) }}
              />
            </span>{' '}
            {missingSections.length === 0 ? (
              <Tag color="green">
                <FormattedMessage id="agreement.preview.canConfirm" />
              </Tag>
            ) : (
              <Tag color="orange">
                <FormattedMessage
                  id="agreement.preview.cannotConfirm"
                  values={{ count: missingSections.length }}
                />
              </Tag>
            )}
          </summary>
          {missingSections.length > 0 && (
            <p className="party-muted">
              <FormattedMessage
                id="agreement.preview.missing"
                values={{
                  sections: intl.formatList(missingSections.map(sectionName), {
                    type: 'conjunction',
                  }),
                }}
              />
            </p>
          )}
          {canAttest && missingSections.length > 0 && languages[0] && (
            <Button
              loading={busy === party.id}
              disabled={busy !== null}
              onClick={() => void attest(party.id, languages[0]!)}
            >
              <FormattedMessage
                id="agreement.sight.attest"
                values={{ name: <bdi>{party.name}</bdi>, language: languageName(languages[0]) }}
              />
            </Button>
          )}
          <dl className="party-facts">
            {sectionsOf(c).map((s) => (
              <div key={s.key}>
                <dt>{sectionName(s.key)}</dt>
                <dd>
                  <LocalText
                    value={s.text}
                    reads={languages}
                    section={s.key}
                    provenance={agreement.translations}
                  />
                </dd>
              </div>
            ))}
          </dl>
        </details>
      ))}
      {error && <Alert type="error" showIcon role="alert" message={error} />}
    </div>
  );
}
