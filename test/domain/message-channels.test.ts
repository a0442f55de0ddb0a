import { describe, expect, it } from 'vitest';
import { canSeeCaseDocument } from '../../src/domain/document-visibility.js';
import {
  readableChannels,
  summariseUnread,
  writableChannels,
} from '../../src/domain/message-channels.js';

describe('channels of a case thread', () => {
  it('gives the team every channel, a party everyone and its own side, a liaison everyone only', () => {
    expect(readableChannels(['mediator'], [])).toEqual([
      'everyone',
      'team',
      'caucus_applicant',
      'caucus_respondent',
    ]);
    expect(readableChannels(['party'], ['respondent'])).toEqual(['everyone', 'caucus_respondent']);
    // One user representing parties on both sides reads both caucuses (it is the same person).
    expect(readableChannels(['party'], ['applicant', 'respondent'])).toEqual([
      'everyone',
      'caucus_applicant',
      'caucus_respondent',
    ]);
    expect(readableChannels(['court_liaison'], [])).toEqual(['everyone']);
    expect(writableChannels(['court_liaison'], [])).toEqual([]);
    expect(readableChannels([], [])).toEqual([]);
  });

  it("hides another side's caucus file even when its level is everyone", () => {
    const file = { visibility: 'all', channel: 'caucus_applicant' };
    expect(canSeeCaseDocument(['party'], ['everyone', 'caucus_respondent'], file)).toBe(false);
    expect(canSeeCaseDocument(['party'], ['everyone', 'caucus_applicant'], file)).toBe(true);
    expect(canSeeCaseDocument(['party'], ['everyone'], { visibility: 'team', channel: null })).toBe(
      false,
    );
  });

  it("counts unread after the read position (time, then id), never one's own messages", () => {
    const m = (id: string, channel: string, createdAt: string, authorUserId = 'other') => ({
      id,
      channel,
      createdAt,
      authorUserId,
    });
    const messages = [
      m('a', 'everyone', '2026-03-01T10:00:00.000Z'),
      m('b', 'everyone', '2026-03-01T10:00:00.000Z'),
      m('c', 'everyone', '2026-03-01T11:00:00.000Z', 'me'),
      m('d', 'everyone', '2026-03-01T12:00:00.000Z'),
      m('e', 'team', '2026-03-01T09:00:00.000Z'),
    ];
    const [everyone, team] = summariseUnread(
      ['everyone', 'team'],
      messages,
      [{ channel: 'everyone', lastReadAt: '2026-03-01T10:00:00.000Z', lastReadMessageId: 'a' }],
      'me',
    );
    expect(everyone).toEqual({
      channel: 'everyone',
      unread: 2,
      firstUnreadId: 'b',
      lastReadMessageId: 'a',
    });
    expect(team).toEqual({
      channel: 'team',
      unread: 1,
      firstUnreadId: 'e',
      lastReadMessageId: null,
    });
  });
});
