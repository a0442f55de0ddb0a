import { z } from 'zod';
import { supportedLocales } from '../../domain/messages/supported-locales.js';
import { emailCategories } from '../../mail/notification-preferences.js';
import { getPreferences } from '../../use-cases/notifications/get-preferences.js';
import { updatePreferences } from '../../use-cases/notifications/update-preferences.js';
import { requireActor } from '../authenticate-request.js';
import type { AppInstance } from '../build-app.js';
import type { AppDeps } from '../app-deps.js';

const preferencesSchema = z.object({
  locale: z.string(),
  timeZone: z.string(),
  email: z.record(z.string(), z.boolean()),
  alwaysSent: z.array(z.string()),
});

const emailShape = Object.fromEntries(emailCategories.map((c) => [c, z.boolean().optional()])) as {
  [K in (typeof emailCategories)[number]]: z.ZodOptional<z.ZodBoolean>;
};

export function registerPreferenceRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/v1/me/preferences',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My language, time zone and e-mail choices',
        response: { 200: preferencesSchema },
      },
    },
    async (req) => getPreferences(deps, { actor: requireActor(req) }),
  );

  app.put(
    '/api/v1/me/preferences',
    {
      schema: {
        tags: ['notifications'],
        summary:
          'Change my language, time zone (IANA) and e-mail choices; legally required notices are always sent',
        body: z.strictObject({
          locale: z.enum(supportedLocales).optional(),
          timeZone: z.string().min(1).max(64).optional(),
          email: z.strictObject(emailShape).optional(),
        }),
        response: { 200: preferencesSchema },
      },
    },
    async (req) => updatePreferences(deps, { actor: requireActor(req), ...req.body }),
  );
}
