import { describe, expect, it } from 'vitest';
import {
  hashAgreementText,
  serializeAgreementText,
  type AgreementText,
} from '../../src/domain/agreement-text-hash.js';
import { agreementContent } from '../../src/domain/agreement-content.js';
import {
  eligibleConfirmationCourts,
  confirmationWindow,
} from '../../src/domain/suggest-confirmation-court.js';
import { agreementContentFixture } from '../support/agreement-factories.js';

const party = (id: string, role: string, name: string) => ({
  id,
  role,
  kind: 'person',
  name,
  country: 'EG',
  address: null,
  agentName: null,
  idDocumentType: null,
  idDocumentMasked: null,
});

const text = (
  parties = [party('b', 'respondent', '佳美'), party('a', 'applicant', 'Ahmed')],
): AgreementText => ({
  caseReference: '(2026) 义外调 No. 0042',
  agreementVersion: 1,
  oral: false,
  parties,
  content: agreementContent.parse(agreementContentFixture()),
});

describe('agreement text hash', () => {
  it('is a stable SHA-256 whatever order the parties or keys come in', () => {
    const h = hashAgreementText(text());
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(
      hashAgreementText(text([party('a', 'applicant', 'Ahmed'), party('b', 'respondent', '佳美')])),
    ).toBe(h);
    const reverseKeys = (v: unknown): unknown =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(
            Object.entries(v)
              .reverse()
              .map(([k, x]) => [k, reverseKeys(x)]),
          )
        : Array.isArray(v)
          ? v.map(reverseKeys)
          : v;
    const reordered = {
      ...text(),
      content: reverseKeys(text().content) as AgreementText['content'],
    };
    expect(Object.keys(reordered.content)[0]).not.toBe(Object.keys(text().content)[0]);
    expect(hashAgreementText(reordered)).toBe(h);
    expect(serializeAgreementText(text()).indexOf('Ahmed')).toBeLessThan(
      serializeAgreementText(text()).indexOf('佳美'),
    );
  });

  it('changes with any word of the text or any party detail', () => {
    const h = hashAgreementText(text());
    const t2 = text();
    t2.content.points[1]!.text.text += '.';
    expect(hashAgreementText(t2)).not.toBe(h);
    expect(
      hashAgreementText(
        text([party('a', 'applicant', 'Ahmed H.'), party('b', 'respondent', '佳美')]),
      ),
    ).not.toBe(h);
    expect(hashAgreementText({ ...text(), agreementVersion: 2 })).not.toBe(h);
  });
});

describe('confirmation court and window', () => {
  const courts = [
    { id: 'seat', kind: 'basic', isSeatCourt: true },
    { id: 'sea', kind: 'maritime', isSeatCourt: false },
    { id: 'ref', kind: 'basic', isSeatCourt: false },
  ];
  it('orders maritime, referring, seat, without duplicates', () => {
    expect(
      eligibleConfirmationCourts({ referringCourtId: null, isMaritime: false }, courts),
    ).toEqual([{ courtId: 'seat', reason: 'seat_court' }]);
    expect(
      eligibleConfirmationCourts({ referringCourtId: 'ref', isMaritime: true }, courts).map(
        (c) => c.courtId,
      ),
    ).toEqual(['sea', 'ref', 'seat']);
    expect(
      eligibleConfirmationCourts({ referringCourtId: 'seat', isMaritime: false }, courts),
    ).toEqual([{ courtId: 'seat', reason: 'referring_court' }]);
  });
  it('counts 30 days from taking effect and warns in the last 7', () => {
    const at = '2026-03-02T02:00:00.000Z';
    expect(confirmationWindow(at, new Date('2026-03-24T02:00:00.000Z'))).toMatchObject({
      daysLeft: 8,
      warning: false,
      open: true,
    });
    expect(confirmationWindow(at, new Date('2026-03-25T02:00:00.000Z'))).toMatchObject({
      daysLeft: 7,
      warning: true,
      open: true,
    });
    expect(confirmationWindow(at, new Date('2026-04-01T02:00:00.001Z'))).toMatchObject({
      daysLeft: 0,
      warning: false,
      open: false,
    });
  });
});
