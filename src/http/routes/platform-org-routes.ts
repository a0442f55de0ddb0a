import { z } from 'zod';
import { supportedLocales } from '../../domain/messages/supported-locales.js';
import { createCommittee } from '../../use-cases/platform/create-committee.js';
import { listCommitteeHeadlines } from '../../use-cases/platform/list-committees.js';
import { requireActor } from '../authenticate-request.js';
import type { AppDeps } from '../app-deps.js';
import type { AppInstance } from '../build-app.js';

const localizedNames = z
  .partialRecord(z.enum(supportedLocales), z.string().trim().min(1).max(200))
  .describe('A name per locale: zh-CN and en required, any of the eight accepted');

const createBody = z.strictObject({
  slug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .min(2)
    .max(40)
    .describe('The committee in URLs and applications (POST /cases orgSlug)'),
  names: localizedNames,
  referencePrefix: z
    .string()
    .regex(/^\p{L}{1,8}$/u)
    .describe('The case reference prefix, e.g. 义外调; unique across committees'),
  timeZone: z.string().min(1).max(64).describe('An IANA time zone, e.g. Asia/Shanghai'),
  dockingCourts: z
    .array(z.strictObject({ names: localizedNames }))
    .max(20)
    .default([])
    .describe('Courts whose docking centres take this committee’s agreements'),
  director: z.strictObject({
    email: z.email().max(254),
    name: z.string().trim().min(1).max(200).optional(),
    locale: z.enum(supportedLocales).optional(),
  }),
});

const headline = z.object({
  id: z.string(),
  slug: z.string(),
  names: z.record(z.string(), z.string()),
  referencePrefix: z.string(),
  timeZone: z.string(),
  createdAt: z.string(),
  year: z.number(),
  casesAccepted: z.number(),
  casesConcluded: z.number(),
  successRate: z.number().nullable(),
});

/** The platform administrator's committees (issue #17 item 7); everyone else gets 404. */
export function registerPlatformOrgRoutes(app: AppInstance, deps: AppDeps): void {
  app.post(
    '/api/v1/orgs',
    {
      schema: {
        tags: ['platform'],
        summary: 'Create a committee with its first director (platform administrator)',
        description:
          'Creates the organisation, its docking courts and its first director (a new account or an existing one, linked), audited in the new committee’s chain, and e-mails the director a sign-in link. Anyone but a platform administrator gets 404.',
        body: createBody,
        response: {
          201: z.object({ orgId: z.string(), slug: z.string(), directorUserId: z.string() }),
        },
      },
    },
    async (req, reply) => {
      const r = await createCommittee(deps, { actor: requireActor(req), input: req.body });
      return reply.code(201).send(r);
    },
  );

  app.get(
    '/api/v1/orgs',
    {
      schema: {
        tags: ['platform'],
        summary: 'Every committee with this year’s headline figures (platform administrator)',
        description:
          'Counts from the statistics roll-ups only (cases accepted, concluded, success rate), never case contents. Anyone but a platform administrator gets 404.',
        response: { 200: z.object({ items: z.array(headline) }) },
      },
    },
    async (req) => ({ items: await listCommitteeHeadlines(deps, { actor: requireActor(req) }) }),
  );
}
