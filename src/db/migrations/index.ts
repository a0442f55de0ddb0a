import type { Migration } from 'kysely';
import * as foundation from './2026-11-28T1000_foundation.js';
import * as cases from './2026-11-28T1100_cases.js';
import * as roster from './2026-11-28T1300_roster.js';
import * as statistics from './2026-11-28T1500_statistics.js';
import * as notifications from './2026-11-28T1600_notifications.js';
import * as trust from './2026-11-28T1800_trust.js';
import * as accounts from './2026-11-28T2C00_accounts.js';
import * as lifecycle from './2026-11-28T2D00_lifecycle.js';
import * as rateLimitExpiry from './2026-11-29T0000_rate_limit_expiry.js';
import * as translationRecords from './2026-12-07T1000_translation_records.js';
import * as signInLinks from './2026-12-08T0100_sign_in_links.js';
import * as conversation from './2026-12-08T0200_conversation.js';
import * as paymentReports from './2026-12-08T0300_payment_reports.js';
import * as passkeyNames from './2026-12-08T0500_passkey_names.js';
import * as platformAdmin from './2026-12-08T0600_platform_admin.js';

/** Every migration, in order. Add new files here; never edit or reorder shipped ones. */
export const migrations: Record<string, Migration> = {
  '2026-11-28T1000_foundation': foundation,
  '2026-11-28T1100_cases': cases,
  '2026-11-28T1300_roster': roster,
  '2026-11-28T1500_statistics': statistics,
  '2026-11-28T1600_notifications': notifications,
  '2026-11-28T1800_trust': trust,
  '2026-11-28T2C00_accounts': accounts,
  '2026-11-28T2D00_lifecycle': lifecycle,
  '2026-11-29T0000_rate_limit_expiry': rateLimitExpiry,
  '2026-12-07T1000_translation_records': translationRecords,
  '2026-12-08T0100_sign_in_links': signInLinks,
  '2026-12-08T0200_conversation': conversation,
  '2026-12-08T0300_payment_reports': paymentReports,
  '2026-12-08T0500_passkey_names': passkeyNames,
  '2026-12-08T0600_platform_admin': platformAdmin,
};
