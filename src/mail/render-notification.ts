import { IntlMessageFormat } from 'intl-messageformat';
import { rtlLocales, type Locale } from '../domain/messages/supported-locales.js';
import { notificationCatalogs, type NotificationKind } from './notification-catalog.js';

export type RenderValues = Record<string, string | number | boolean>;

const formatters = new Map<string, IntlMessageFormat>();

function format(locale: Locale, message: string, values: RenderValues): string {
  const key = locale + '\u0000' + message;
  let f = formatters.get(key);
  if (!f) {
    f = new IntlMessageFormat(message, locale);
    formatters.set(key, f);
  }
  // ICU `select` needs strings; booleans become 'true'/'false'.
  const v: Record<string, string | number> = {};
  for (const [k, x] of Object.entries(values)) v[k] = typeof x === 'boolean' ? String(x) : x;
  return String(f.format(v));
}

/** The short title of a notification in `locale`, as shown in-app and in the e-mail subject. */
export function renderNotificationTitle(locale: Locale, kind: NotificationKind): string {
  return notificationCatalogs[locale].kinds[kind].title;
}

export function renderNotificationBody(
  locale: Locale,
  kind: NotificationKind,
  values: RenderValues,
): string {
  return format(locale, notificationCatalogs[locale].kinds[kind].body, values);
}

export interface EmailContent {
  locale: Locale;
  kind: NotificationKind;
  reference: string;
  orgName: string;
  /** Values for the ICU body (dueOn, days, seq, …); `reference` is added automatically. */
  values: RenderValues;
  caseUrl: string;
  /** A one-time sign-in link for a party without an account. */
  follow?: { url: string; validDays: number };
  session?: { when: string; timeZone: string; where?: string; onlineUrl?: string };
  required: boolean;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  dir: 'rtl' | 'ltr';
}

const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/**
 * A localised e-mail: the subject names only the event and the case reference (no names, no
 * amounts, since subjects show on lock screens and in logs); the body links to the case.
 */
export function renderEmail(c: EmailContent): RenderedEmail {
  const cat = notificationCatalogs[c.locale];
  const dir = rtlLocales.includes(c.locale) ? 'rtl' : 'ltr';
  const values = { ...c.values, reference: c.reference };
  const title = cat.kinds[c.kind].title;
  const subject = format(c.locale, cat.subject, { title, reference: c.reference });
  const body = format(c.locale, cat.kinds[c.kind].body, values);
  const lines: string[] = [body];
  if (c.session) {
    lines.push(
      format(c.locale, cat.sessionWhen, { when: c.session.when, timeZone: c.session.timeZone }),
    );
    if (c.session.where) lines.push(format(c.locale, cat.sessionWhere, { where: c.session.where }));
    if (c.session.onlineUrl)
      lines.push(format(c.locale, cat.sessionOnline, { url: c.session.onlineUrl }));
  }
  const link = c.follow
    ? {
        label: cat.followCase,
        url: c.follow.url,
        hint: format(c.locale, cat.followHint, { days: c.follow.validDays }),
      }
    : { label: cat.openCase, url: c.caseUrl, hint: undefined };
  const footer = [
    format(c.locale, cat.footer, { reference: c.reference, org: c.orgName }),
    c.required ? cat.footerRequired : cat.footerOptional,
  ];

  const text = [
    ...lines,
    '',
    `${link.label}: ${link.url}`,
    ...(link.hint ? [link.hint] : []),
    '',
    '--',
    ...footer,
  ].join('\n');

  const align = dir === 'rtl' ? 'right' : 'left';
  const html = `<!doctype html>
<html lang="${c.locale}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body dir="${dir}" style="font-family:system-ui,sans-serif;line-height:1.5;text-align:${align};color:#1f1f1f">
<h1 style="font-size:20px">${escapeHtml(title)}</h1>
${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}
<p><a href="${escapeHtml(link.url)}" style="display:inline-block;padding:8px 16px;background:#1677ff;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(link.label)}</a></p>
${link.hint ? `<p style="font-size:13px;color:#595959">${escapeHtml(link.hint)}</p>` : ''}
<hr>
${footer.map((l) => `<p style="font-size:12px;color:#8c8c8c">${escapeHtml(l)}</p>`).join('\n')}
</body>
</html>`;
  return { subject, text, html, dir };
}
