import type { CaseRelation } from './authorize-case-access.js';

/**
 * The channels of a case thread. `everyone`: the parties and the team; `team`: the mediation
 * team and committee staff; a caucus: the team and committee staff with ONE side alone (the
 * parties of that role). The other side never learns that a caucus message exists.
 *
 * Who is "the team" in a caucus: the case's mediators, interpreter included (the 三必 rule puts
 * an interpreter at every step, and a private talk with a foreign party is one), the committee's
 * officers who run the case, and the director, who answers for every mediation and already reads
 * team-only posts. Court liaisons are not: what a side says in confidence must not reach a court
 * that may later decide the dispute.
 */
export const caseSides = ['applicant', 'respondent'] as const;
export type CaseSide = (typeof caseSides)[number];

export const messageChannels = [
  'everyone',
  'team',
  'caucus_applicant',
  'caucus_respondent',
] as const;
export type MessageChannel = (typeof messageChannels)[number];

export const caucusChannels = ['caucus_applicant', 'caucus_respondent'] as const;
export type CaucusChannel = (typeof caucusChannels)[number];

export function caucusOf(side: CaseSide): CaucusChannel {
  return `caucus_${side}`;
}

export function sideOfChannel(channel: string): CaseSide | undefined {
  return channel === 'caucus_applicant'
    ? 'applicant'
    : channel === 'caucus_respondent'
      ? 'respondent'
      : undefined;
}

export function isCaucus(channel: string): channel is CaucusChannel {
  return sideOfChannel(channel) !== undefined;
}

const insiders: readonly CaseRelation[] = ['mediator', 'officer', 'director'];

/** Whether the viewer belongs to the mediation team side of every channel. */
export function isCaseInsider(relations: readonly CaseRelation[]): boolean {
  return relations.some((r) => insiders.includes(r));
}

/**
 * The channels the viewer may read, in display order. `sides` are the roles of the parties the
 * viewer is (a user may represent more than one party, even on both sides).
 */
export function readableChannels(
  relations: readonly CaseRelation[],
  sides: readonly string[],
): MessageChannel[] {
  if (isCaseInsider(relations)) return [...messageChannels];
  if (relations.length === 0) return [];
  const own = relations.includes('party')
    ? caseSides.filter((s) => sides.includes(s)).map(caucusOf)
    : [];
  return ['everyone', ...own];
}

/** The channels the viewer may post to: parties write to everyone and their own caucus. */
export function writableChannels(
  relations: readonly CaseRelation[],
  sides: readonly string[],
): MessageChannel[] {
  if (isCaseInsider(relations)) return [...messageChannels];
  if (!relations.includes('party')) return [];
  return readableChannels(relations, sides);
}

export interface ThreadMessage {
  id: string;
  channel: string;
  createdAt: string;
  authorUserId: string | null;
}

export interface ReadPosition {
  channel: string;
  lastReadAt: string;
  lastReadMessageId: string;
}

/** Whether message `m` comes after the position (messages are ordered by time, then id). */
export function isAfter(
  m: { createdAt: string; id: string },
  p: ReadPosition | undefined,
): boolean {
  if (!p) return true;
  return m.createdAt > p.lastReadAt || (m.createdAt === p.lastReadAt && m.id > p.lastReadMessageId);
}

/**
 * Per channel: how many messages the reader has not read and the first of them. One's own
 * messages are never unread.
 */
export function summariseUnread(
  channels: readonly MessageChannel[],
  messages: readonly ThreadMessage[],
  positions: readonly ReadPosition[],
  readerUserId: string,
): {
  channel: MessageChannel;
  unread: number;
  firstUnreadId: string | null;
  lastReadMessageId: string | null;
}[] {
  return channels.map((channel) => {
    const p = positions.find((x) => x.channel === channel);
    const unread = messages.filter(
      (m) => m.channel === channel && m.authorUserId !== readerUserId && isAfter(m, p),
    );
    return {
      channel,
      unread: unread.length,
      firstUnreadId: unread[0]?.id ?? null,
      lastReadMessageId: p?.lastReadMessageId ?? null,
    };
  });
}
