import type { NotificationKind } from './notification-catalog.js';

/**
 * E-mail categories a user may switch off (users.email_preferences_json: {"messages": false}).
 * In-app notifications are always kept; preferences govern e-mail only.
 */
export const emailCategories = [
  'case_updates',
  'team',
  'sessions',
  'messages',
  'agreements',
  'court',
  'performance',
  'reminders',
] as const;
export type EmailCategory = (typeof emailCategories)[number];

const categoryByKind: Record<NotificationKind, EmailCategory> = {
  'case.submitted': 'case_updates',
  'case.submitted.staff': 'case_updates',
  'case.accepted': 'case_updates',
  'case.rejected': 'case_updates',
  'case.rejection_appeal_decided': 'case_updates',
  'party.invited': 'case_updates',
  'case.concluded': 'case_updates',
  'case.rejection_appealed': 'case_updates',
  'team.assigned': 'team',
  'team.objection_raised': 'team',
  'session.scheduled': 'sessions',
  'session.changed': 'sessions',
  'session.cancelled': 'sessions',
  'session.recorded': 'sessions',
  'message.posted': 'messages',
  'evidence.uploaded': 'messages',
  'agreement.ready_to_sign': 'agreements',
  'translation.requested': 'agreements',
  'agreement.in_effect': 'agreements',
  'confirmation.filed': 'court',
  'confirmation.accepted': 'court',
  'confirmation.decided': 'court',
  'referral.made': 'court',
  'referral.decided': 'court',
  'police.referred': 'court',
  'payment.recorded': 'performance',
  'payment.reported': 'performance',
  'payment.verified': 'performance',
  'payment.disputed': 'performance',
  'instalment.due_soon': 'performance',
  'instalment.missed': 'performance',
  'follow_up.due': 'reminders',
  'reminder.mediation_due': 'reminders',
  'reminder.confirmation_window': 'reminders',
  'reminder.court_acceptance': 'reminders',
};

/**
 * Notices that cannot be switched off, because the law or the committee's rules attach
 * consequences to them: the receipt of an application and an invitation to a case (both carry
 * the follow link), the acceptance or rejection decision and the appeal decision (reasoned
 * decisions), the
 * agreement taking effect and the 30-day judicial-confirmation window it opens, every step
 * of a court filing, a referral to court or police, a missed instalment (it can lead to a
 * breach), and the cancellation of a session (a party must not travel to a session that is
 * no longer held).
 */
export const requiredKinds: ReadonlySet<NotificationKind> = new Set<NotificationKind>([
  'case.submitted',
  'case.accepted',
  'case.rejected',
  'case.rejection_appeal_decided',
  'case.rejection_appealed',
  'party.invited',
  'agreement.in_effect',
  'reminder.confirmation_window',
  'confirmation.filed',
  'confirmation.accepted',
  'confirmation.decided',
  'referral.made',
  'referral.decided',
  'police.referred',
  'instalment.missed',
  'session.cancelled',
]);

export const categoryOf = (kind: NotificationKind): EmailCategory => categoryByKind[kind];

export type EmailPreferences = Partial<Record<EmailCategory, boolean>>;

/** Reads stored preferences leniently: unknown keys and non-boolean values are ignored. */
export function parseEmailPreferences(json: string | null | undefined): EmailPreferences {
  let raw: unknown;
  try {
    raw = JSON.parse(json ?? '{}');
  } catch {
    return {};
  }
  const out: EmailPreferences = {};
  if (raw && typeof raw === 'object') {
    for (const c of emailCategories) {
      const v = (raw as Record<string, unknown>)[c];
      if (typeof v === 'boolean') out[c] = v;
    }
  }
  return out;
}

export function wantsEmail(prefs: EmailPreferences, kind: NotificationKind): boolean {
  if (requiredKinds.has(kind)) return true;
  return prefs[categoryOf(kind)] !== false;
}
