import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from '../../domain/password-policy.js';
import { changePassword } from '../../use-cases/auth/change-password.js';
import { confirmTotp } from '../../use-cases/auth/confirm-totp.js';
import { enrollTotp } from '../../use-cases/auth/enroll-totp.js';
import { finishPasskeyRegistration } from '../../use-cases/auth/finish-passkey-registration.js';
import { listPasskeys } from '../../use-cases/auth/list-passkeys.js';
import { listSignInOptions } from '../../use-cases/auth/list-sign-in-options.js';
import { removePasskey } from '../../use-cases/auth/remove-passkey.js';
import { MAX_PASSKEY_NAME_LENGTH, renamePasskey } from '../../use-cases/auth/rename-passkey.js';
import { startPasskeyRegistration } from '../../use-cases/auth/start-passkey-registration.js';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { requireActor } from '../authenticate-request.js';
import { webauthnResponseSchema } from './auth-routes.js';
import { totpCodeSchema } from './totp-code-schema.js';
import type { AppInstance } from '../build-app.js';
import type { AppDeps } from '../app-deps.js';

/** The signed-in user's own security settings: password and two-factor sign-in. */
const b64url = z.string().max(16_384);
const attestationSchema = webauthnResponseSchema(
  z.strictObject({
    clientDataJSON: b64url,
    attestationObject: b64url,
    authenticatorData: b64url.optional(),
    transports: z.array(z.string().max(32)).max(10).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: b64url.optional(),
  }),
);

const passkeySchema = z
  .object({
    id: z.string(),
    name: z.string().nullable().describe('The name the party gave it; null: none given'),
    kind: z
      .enum(['synced', 'device', 'security_key'])
      .describe(
        'synced: backed up across devices; device: kept on one device; security_key: USB/NFC/BLE',
      ),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
  })
  .describe('A passkey of the signed-in account');
const passkeyParams = z.strictObject({ passkeyId: z.string().min(1).max(1024) });

export function registerAccountRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/v1/me/sign-in-options',
    {
      schema: {
        tags: ['auth'],
        summary:
          'How the signed-in user can sign in: whether a password is set, and their passkeys',
        response: {
          200: z.object({ hasPassword: z.boolean(), passkeys: z.array(passkeySchema) }),
        },
      },
    },
    async (req) => listSignInOptions(deps, { actor: requireActor(req) }),
  );

  app.get(
    '/api/v1/me/passkeys',
    {
      schema: {
        tags: ['auth'],
        summary: "The signed-in user's passkeys: name or kind, created, last used",
        description: 'Oldest first. Staff have none (passkeys are for parties).',
        response: { 200: z.object({ passkeys: z.array(passkeySchema) }) },
      },
    },
    async (req) => ({ passkeys: await listPasskeys(deps, { actor: requireActor(req) }) }),
  );

  app.delete(
    '/api/v1/me/passkeys/:passkeyId',
    {
      schema: {
        tags: ['auth'],
        summary: 'Remove a passkey of the signed-in user (a lost or replaced device); audited',
        description:
          "It signs nobody in from then on. Another account's passkey, or an unknown id: 404. The e-mailed sign-in link keeps working, so removing the last passkey locks nobody out.",
        params: passkeyParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await removePasskey(deps, { actor: requireActor(req), passkeyId: req.params.passkeyId });
      return reply.status(204).send(null);
    },
  );

  app.patch(
    '/api/v1/me/passkeys/:passkeyId',
    {
      schema: {
        tags: ['auth'],
        summary: 'Name a passkey of the signed-in user ("my phone"); an empty name clears it',
        description: "Audited. Another account's passkey, or an unknown id: 404.",
        params: passkeyParams,
        body: z.strictObject({ name: z.string().max(MAX_PASSKEY_NAME_LENGTH * 4) }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await renamePasskey(deps, {
        actor: requireActor(req),
        passkeyId: req.params.passkeyId,
        name: req.body.name,
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/me/passkeys/options',
    {
      schema: {
        tags: ['auth'],
        summary: 'Start adding a passkey to the signed-in party account (staff: 403)',
        description:
          'A discoverable credential with user verification, for this deployment (RP ID: the host of ACCORD_PUBLIC_URL). The challenge is kept server-side for five minutes.',
        response: { 200: z.object({ options: z.record(z.string(), z.unknown()) }) },
      },
    },
    async (req) => ({
      options: { ...(await startPasskeyRegistration(deps, { actor: requireActor(req) })) },
    }),
  );

  app.post(
    '/api/v1/me/passkeys',
    {
      schema: {
        tags: ['auth'],
        summary: 'Store the passkey the browser created (answers the challenge from …/options)',
        body: z.strictObject({ response: attestationSchema }),
        response: { 201: z.object({ id: z.string(), createdAt: z.string() }) },
      },
    },
    async (req, reply) => {
      const r = await finishPasskeyRegistration(deps, {
        actor: requireActor(req),
        response: req.body.response as RegistrationResponseJSON,
      });
      return reply.status(201).send(r);
    },
  );

  app.post(
    '/api/v1/me/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change the password (ends every other session)',
        description:
          'currentPassword is required when the account has a password; a party without one (signed in by e-mailed link or passkey) sets the first one with the session alone.',
        body: z.strictObject({
          currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH).optional(),
          newPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH),
        }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await changePassword(deps, {
        actor: requireActor(req),
        sessionId: req.sessionId,
        ...req.body,
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/me/totp/enroll',
    {
      schema: {
        tags: ['auth'],
        summary: 'Start two-factor enrolment: returns the otpauth:// URI for an authenticator app',
        response: { 200: z.object({ otpauthUri: z.string(), secret: z.string() }) },
      },
    },
    async (req) => enrollTotp(deps, { actor: requireActor(req) }),
  );

  app.post(
    '/api/v1/me/totp/confirm',
    {
      schema: {
        tags: ['auth'],
        summary: 'Confirm enrolment with a current code; sign-in needs a code from then on',
        body: z.strictObject({ code: totpCodeSchema }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await confirmTotp(deps, {
        actor: requireActor(req),
        sessionId: req.sessionId,
        code: req.body.code,
      });
      return reply.status(204).send(null);
    },
  );
}
