// Unit tests compile this pure module under the server tsconfig too, hence the .js import suffix.
import type { Agreement, PartyCaseDetail, PartySession, Performance } from './party-types.js';

/** One thing the party has to do (or attend), with its date when there is one. */
export type NextStep =
  | { kind: 'confirmPoints'; remaining: number }
  | { kind: 'signAgreement' }
  | { kind: 'attendSession'; at: string; timeZone: string }
  | { kind: 'confirmRecord'; at: string; timeZone: string }
  /** Part of the agreement exists in no language the party reads: confirming must wait. */
  | { kind: 'awaitAgreementTranslation' }
  /** The session record exists in no language the party reads. */
  | { kind: 'awaitRecordTranslation'; at: string; timeZone: string }
  | {
      kind: 'instalment';
      seq: number;
      dueOn: string;
      amount: string;
      currency: string;
      overdue: boolean;
    }
  | { kind: 'applyConfirmation'; by: string }
  /** A rejected case the party has not appealed yet: the one step still open to them. */
  | { kind: 'appealRejection' };

/** Joint applications for judicial confirmation are due within 30 days of the agreement taking effect (DESIGN §2). */
const confirmationWindowDays = 30;

/**
 * "What you must do next, and by when", from what the case page already loaded; the earliest
 * dated step first, undated agreement steps on top because they block everything after them.
 */
export function listNextSteps(o: {
  detail: PartyCaseDetail;
  agreement: Agreement | null;
  sessions: PartySession[];
  performance: Performance | null;
  now: Date;
}): NextStep[] {
  const mine = o.detail.parties.filter((p) => p.isYou).map((p) => p.id);
  const steps: NextStep[] = [];
  if (o.detail.allowedActions.includes('appeal_rejection')) steps.push({ kind: 'appealRejection' });
  const a = o.agreement;
  if (a && a.status === 'final' && !a.oral) {
    for (const partyId of mine) {
      const confirmed = a.parties.find((p) => p.id === partyId)?.pointsConfirmed ?? [];
      const remaining = a.content.points.filter((p) => !confirmed.includes(p.no)).length;
      const signed = a.signatures.some((s) => s.partyId === partyId);
      const unreadable =
        (a.readability?.find((r) => r.partyId === partyId)?.missingSections.length ?? 0) > 0;
      if (unreadable && (remaining > 0 || !signed))
        steps.push({ kind: 'awaitAgreementTranslation' });
      else if (remaining > 0) steps.push({ kind: 'confirmPoints', remaining });
      else if (!signed) steps.push({ kind: 'signAgreement' });
    }
  }
  const dated: (NextStep & { sortKey: string })[] = [];
  for (const s of o.sessions) {
    if (s.status === 'scheduled' && new Date(s.startsAt) > o.now) {
      dated.push({
        kind: 'attendSession',
        at: s.startsAt,
        timeZone: s.timeZone,
        sortKey: s.startsAt,
      });
    }
    const attended = s.record?.attendees.some((p) => p.kind === 'party' && mine.includes(p.id));
    const confirmed = s.record?.confirmedBy.some((p) => p.kind === 'party' && mine.includes(p.id));
    if (s.record && attended && !confirmed) {
      dated.push({
        kind: s.record.readableByMe === false ? 'awaitRecordTranslation' : 'confirmRecord',
        at: s.startsAt,
        timeZone: s.timeZone,
        sortKey: s.startsAt,
      });
    }
  }
  for (const i of o.performance?.instalments ?? []) {
    if (i.status === 'due' || i.status === 'missed') {
      dated.push({
        kind: 'instalment',
        seq: i.seq,
        dueOn: i.dueOn,
        amount: i.amount,
        currency: i.currency,
        overdue: i.dueOn < o.now.toISOString().slice(0, 10),
        sortKey: i.dueOn,
      });
    }
  }
  const effectiveAt = a?.status === 'in_effect' ? a.effectiveAt : null;
  if (effectiveAt && o.detail.allowedActions.includes('apply_confirmation')) {
    const filed = o.detail.courtFilings.some((f) => f.kind === 'confirmation');
    const by = new Date(new Date(effectiveAt).getTime() + confirmationWindowDays * 86_400_000);
    if (!filed && by > o.now) {
      const iso = by.toISOString();
      dated.push({ kind: 'applyConfirmation', by: iso, sortKey: iso });
    }
  }
  dated.sort((x, y) => x.sortKey.localeCompare(y.sortKey));
  return [...steps, ...dated.map(({ sortKey: _, ...s }) => s as NextStep)];
}
