import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommittee, type Committee } from '../support/agreement-factories.js';
import { createCase } from '../support/factories.js';
import {
  ensureWebBuild,
  launchBrowser,
  openSignedInPage,
  seriousAxeViolations,
  startWebServer,
  waitUntilSettled,
  type WebServer,
} from './web-harness.js';
import { requireMemberEmail } from '../support/require-user-email.js';

let server: WebServer;
let browser: Browser;
let k: Committee;
const db = () => server.database.db;

const directorEmail = () => requireMemberEmail(db(), k.orgId, 'director');

beforeAll(async () => {
  await ensureWebBuild();
  server = await startWebServer();
  browser = await launchBrowser();
  k = await createCommittee(db());
  // A Yoruba-speaking buyer (Atlantic-Congo, spoken by nobody on the roster) and a Korean one
  // (Korean belongs to no family), each against a Chinese seller, accepted this year.
  for (const [language, country] of [
    ['yo', 'NG'],
    ['ko', 'KR'],
  ] as const) {
    await createCase(db(), {
      orgId: k.orgId,
      status: 'accepted',
      submittedAt: `${new Date().getUTCFullYear()}-01-02T00:00:00.000Z`,
      parties: [
        { role: 'applicant', kind: 'person', country, languages: [language] },
        { role: 'respondent', kind: 'organization', country: 'CN', languages: ['zh'] },
      ],
    });
  }
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the director's dashboard names language families", () => {
  it('in the reader\'s language, never by a bare ISO 639-5 code such as "alv" (French)', async () => {
    const { context, page, problems } = await openSignedInPage(
      browser,
      server,
      await directorEmail(),
      { locale: 'fr-FR', viewport: 'desktop' },
    );
    await page.goto(`${server.url}/director`);
    await waitUntilSettled(page);
    const byFamily = page.locator('section[aria-labelledby="chart-family"]');
    const coverage = page.locator('section[aria-labelledby="chart-coverage"]');
    await byFamily.locator('svg text').first().waitFor();
    await coverage.locator('svg text').first().waitFor();
    // Long names are truncated on the axis; their beginning is enough to tell them apart.
    const familyLabels = await byFamily.locator('svg text').allTextContents();
    expect(familyLabels.some((t) => t.startsWith('langues atlantico'))).toBe(true);
    expect(familyLabels.some((t) => t.startsWith('Sans famille'))).toBe(true);
    const coverageLabels = await coverage.locator('svg text').allTextContents();
    expect(coverageLabels.some((t) => t.startsWith('langues atlantico'))).toBe(true);
    for (const labels of [familyLabels, coverageLabels]) {
      expect(labels).not.toContain('alv');
      expect(labels).not.toContain('und');
    }
    // Nobody on the roster speaks an Atlantic-Congo language: the gap is named in full.
    await page
      .getByRole('alert')
      .getByText('langues atlantico-congolaises', { exact: false })
      .waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);
});
