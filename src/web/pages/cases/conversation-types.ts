/** GET /api/v1/cases/:id/documents (evidence-routes.ts). */
export interface EvidenceFile {
  id: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  visibility: 'all' | 'team' | 'committee' | string;
  messageId: string | null;
  /** The private caucus the file was shared in, or null. */
  channel: string | null;
  createdAt: string;
}

export interface MessageTranslation {
  language: string;
  text: string;
  method: 'human' | 'machine';
  translatedBy: { userId: string; name: string };
  provider: string | null;
  at: string;
}

export type Channel = 'everyone' | 'team' | 'caucus_applicant' | 'caucus_respondent';

/** GET /api/v1/cases/:id/messages (message-routes.ts). */
export interface ThreadMessage {
  id: string;
  author: string;
  authorUserId: string | null;
  channel: Channel;
  language: string;
  body: string;
  translations: MessageTranslation[];
  attachments: EvidenceFile[];
  createdAt: string;
}

export interface ChannelState {
  channel: Channel;
  unread: number;
  firstUnreadId: string | null;
  lastReadMessageId: string | null;
  writable: boolean;
}

export interface Thread {
  items: ThreadMessage[];
  channels: ChannelState[];
}

/** Types the server shows in place (evidence-routes.ts); anything else downloads. */
export const previewableTypes = ['image/png', 'image/jpeg', 'image/webp', 'application/pdf'];

export const evidenceUrl = (caseId: string, d: EvidenceFile, preview: boolean) =>
  `/api/v1/cases/${caseId}/documents/${d.id}/content${
    preview && previewableTypes.includes(d.mediaType) ? '?preview=1' : ''
  }`;
