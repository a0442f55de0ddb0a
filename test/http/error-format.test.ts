import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import { errorCodes } from '../../src/domain/app-error.js';
import { errorMessages } from '../../src/domain/messages/error-messages.js';
import { supportedLocales } from '../../src/domain/messages/supported-locales.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ config: { bodyLimitBytes: 4096 } });
});
afterAll(async () => t.close());

const post = (payload: string, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload,
    headers: { 'content-type': 'application/json', ...headers },
  });

describe('error format', () => {
  it.each([
    ['malformed JSON', '{"email":', 400, 'INVALID_JSON', undefined],
    ['wrong type', '{"email":42,"password":"x"}', 400, 'VALIDATION_FAILED', 'email'],
    [
      'unknown field',
      '{"email":"a@b.example","password":"x","admin":true}',
      400,
      'VALIDATION_FAILED',
      'admin',
    ],
    ['bad email', '{"email":"not-an-email","password":"x"}', 400, 'VALIDATION_FAILED', 'email'],
    [
      'prototype pollution',
      '{"email":"a@b.example","password":"x","__proto__":{"admin":true}}',
      400,
      'INVALID_JSON',
      undefined,
    ],
    [
      'oversized body',
      JSON.stringify({ email: 'a@b.example', password: 'x'.repeat(10_000) }),
      413,
      'PAYLOAD_TOO_LARGE',
      undefined,
    ],
  ])('%s → %i %s', async (_label, payload, status, code, field) => {
    const r = await post(payload);
    expect(r.statusCode).toBe(status);
    const body = r.json();
    expect(body.error.code).toBe(code);
    expect(typeof body.error.message).toBe('string');
    if (field) expect(body.error.field).toBe(field);
  });

  it('answers an unknown route with 404 NOT_FOUND in the same shape', async () => {
    const r = await t.app.inject({ url: '/api/v1/no-such-thing' });
    expect(r.statusCode).toBe(404);
    expect(r.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Not found.' } });
  });

  it("translates the message into the caller's language", async () => {
    const zh = await t.app.inject({
      url: '/api/v1/me',
      headers: { 'accept-language': 'zh-CN,zh;q=0.9' },
    });
    expect(zh.json().error).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录。' });
    const ar = await t.app.inject({ url: '/api/v1/me', headers: { 'accept-language': 'ar-EG' } });
    expect(ar.json().error.message).toBe('يرجى تسجيل الدخول.');
  });

  it('has a message for every code in every locale', () => {
    for (const locale of supportedLocales) {
      expect(Object.keys(errorMessages[locale]).sort()).toEqual(Object.keys(errorCodes).sort());
    }
  });

  it('serves /api/health and an OpenAPI document that lists the login route', async () => {
    expect((await t.app.inject({ url: '/api/health' })).json()).toEqual({ status: 'ok' });
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/v1/auth/login'].post).toBeDefined();
  });

  it('sends security headers and a request id', async () => {
    const r = await t.app.inject({ url: '/api/health' });
    expect(r.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });
});
