import { describe, expect, it } from 'vitest';
import { supportedLocales } from '../../src/domain/messages/supported-locales.js';
import { caseEventNames } from '../../src/domain/case-events.js';
import { notificationCatalogs, notificationKinds } from '../../src/mail/notification-catalog.js';
import { renderEmail } from '../../src/mail/render-notification.js';
import { categoryOf, requiredKinds, wantsEmail } from '../../src/mail/notification-preferences.js';

describe('notification catalogue', () => {
  it('has every kind in every locale, and every message formats (plurals included)', () => {
    for (const locale of supportedLocales) {
      const cat = notificationCatalogs[locale];
      expect(Object.keys(cat.kinds).sort(), locale).toEqual([...notificationKinds].sort());
      for (const kind of notificationKinds) {
        for (const days of [0, 1, 2, 5, 11, 30]) {
          for (const overdue of [true, false]) {
            const r = renderEmail({
              locale,
              kind,
              reference: '(2026) 义外调 No. 0042',
              orgName: '义乌市涉外纠纷人民调解委员会',
              values: {
                dueOn: '2026-04-01',
                days,
                overdue,
                seq: 2,
                subject: 'agreement',
                language: 'x',
              },
              caseUrl: 'https://accord.test/cases/x',
              follow: { url: 'https://accord.test/follow/t', validDays: days },
              session: { when: 'x', timeZone: 'Asia/Shanghai', where: 'Room 1' },
              required: requiredKinds.has(kind),
            });
            expect(r.subject).toContain('(2026) 义外调 No. 0042');
            expect(r.text).not.toMatch(/\{|\}/);
            expect(r.html).toContain(`dir="${locale === 'ar' || locale === 'fa' ? 'rtl' : 'ltr'}"`);
          }
        }
      }
    }
  });

  it('covers every case event the lifecycle emits', () => {
    for (const e of caseEventNames) {
      if (e === 'deadline.reminder') continue;
      expect(notificationKinds, e).toContain(e);
    }
  });

  it('uses real plural forms', () => {
    const body = (locale: 'ru' | 'ar' | 'en', days: number) =>
      renderEmail({
        locale,
        kind: 'reminder.mediation_due',
        reference: 'R',
        orgName: 'O',
        values: { dueOn: 'D', days, overdue: false, seq: '' },
        caseUrl: 'u',
        required: false,
      }).text;
    expect(body('en', 1)).toContain('in 1 day ');
    expect(body('en', 7)).toContain('in 7 days');
    expect(body('ru', 2)).toContain('через 2 дня');
    expect(body('ru', 5)).toContain('через 5 дней');
    expect(body('ar', 2)).toContain('خلال يومين');
  });

  it('never lets a legally required notice be switched off', () => {
    const everythingOff = Object.fromEntries(notificationKinds.map((k) => [categoryOf(k), false]));
    for (const k of notificationKinds) {
      expect(wantsEmail(everythingOff, k), k).toBe(requiredKinds.has(k));
    }
  });
});
