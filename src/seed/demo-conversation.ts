import { createHash } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Database } from '../db/schema.js';
import type { MessageTranslation } from '../domain/machine-translator.js';
import type { MessageChannel } from '../domain/message-channels.js';
import { storageKeyOf } from '../documents/store/document-store.js';
import { demoAccounts, demoId, demoIds } from './seed-demo-committee.js';

/**
 * The committee at work on the party account's cases: a thread in the parties' languages
 * (Arabic and Chinese) with the mediator's translations, a team-only note, a message in each
 * side's private caucus, attachments that open the evidence, and evidence at each visibility.
 * Read positions leave the newest messages unread for the officer and the mediator, so that the
 * unread markers show at their first sign-in. Every name and number is fictional.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

const account = (email: string) => {
  const a = demoAccounts.find((x) => x.email === email)!;
  return { userId: demoIds.user(email), name: a.name };
};
const ahmed = account('party@demo.example');
const officer = account('officer@demo.example');
const karim = account('mediator@demo.example');
const lawyer = account('lawyer@demo.example');

/** A one-page PDF with a few lines of ASCII text: enough for the preview and the dossier. */
export function demoPdf(lines: readonly string[]): Buffer {
  const text = lines
    .map((l, i) => `BT /F1 ${i === 0 ? 16 : 11} Tf 56 ${780 - i * 22} Td (${l}) Tj ET`)
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

interface DemoFile {
  key: string;
  filename: string;
  lines: string[];
  visibility: 'all' | 'team' | 'committee';
  channel: MessageChannel | null;
  uploadedBy: string;
  atMs: number;
  messageKey: string | null;
}

interface DemoMessage {
  key: string;
  channel: MessageChannel;
  author: { userId: string; name: string };
  language: string;
  body: string;
  atMs: number;
  /** Translated by the mediator, who reads both languages, some minutes after the post. */
  translation?: { language: string; text: string };
}

export interface DemoConversationRows {
  messages: Insertable<Database['messages']>[];
  documents: Insertable<Database['documents']>[];
  readPositions: Insertable<Database['message_read_positions']>[];
  /** The bytes of each document, for the document store. */
  files: { sha256: string; bytes: Buffer }[];
}

function rowsOf(
  orgId: string,
  caseKey: string,
  caseId: string,
  messages: DemoMessage[],
  files: DemoFile[],
  positions: { userId: string; channel: MessageChannel; messageKey: string }[],
): DemoConversationRows {
  const messageId = (key: string) => demoId(`message:${caseKey}:${key}`);
  const byKey = new Map(messages.map((m) => [m.key, m]));
  const out: DemoConversationRows = { messages: [], documents: [], readPositions: [], files: [] };
  for (const m of messages) {
    const translations: MessageTranslation[] = m.translation
      ? [
          {
            language: m.translation.language,
            text: m.translation.text,
            method: 'human',
            translatedBy: karim,
            provider: null,
            at: iso(m.atMs + 20 * 60_000),
          },
        ]
      : [];
    out.messages.push({
      id: messageId(m.key),
      org_id: orgId,
      case_id: caseId,
      author_user_id: m.author.userId,
      author_label: m.author.name,
      visibility: m.channel,
      language: m.language,
      body: m.body,
      translations_json: JSON.stringify(translations),
      created_at: iso(m.atMs),
    });
  }
  for (const f of files) {
    const bytes = demoPdf(f.lines);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    out.files.push({ sha256, bytes });
    out.documents.push({
      id: demoId(`evidence:${caseKey}:${f.key}`),
      org_id: orgId,
      case_id: caseId,
      kind: 'evidence',
      filename: f.filename,
      media_type: 'application/pdf',
      size_bytes: bytes.length,
      sha256,
      storage_key: storageKeyOf(sha256),
      visibility: f.visibility,
      channel: f.channel,
      uploaded_by: f.uploadedBy,
      message_id: f.messageKey === null ? null : messageId(f.messageKey),
      created_at: iso(f.atMs),
    });
  }
  for (const p of positions) {
    const m = byKey.get(p.messageKey)!;
    out.readPositions.push({
      org_id: orgId,
      case_id: caseId,
      user_id: p.userId,
      channel: p.channel,
      last_read_at: iso(m.atMs),
      last_read_message_id: messageId(m.key),
      updated_at: iso(m.atMs + HOUR),
    });
  }
  return out;
}

/**
 * The party account's case in mediation (show-ar-mediation): Ahmed Mansour, an Arabic-speaking
 * buyer, against a Yiwu operator; Karim Haddad leads, 王建国 is the lawyer.
 * `dayMs` is today's midnight (UTC), so that the thread sits in the case's first week.
 */
export function demoMediationConversation(
  orgId: string,
  caseId: string,
  dayMs: number,
): DemoConversationRows {
  const at = (daysAgo: number, hourUtc: number) => dayMs - daysAgo * DAY + hourUtc * HOUR;
  const messages: DemoMessage[] = [
    {
      key: 'invoice',
      channel: 'everyone',
      author: ahmed,
      language: 'ar',
      body: 'السلام عليكم. أرفقت فاتورة الشحنة. وصلت 40 كرتونة من أصل 120 تالفة بسبب سوء التغليف.',
      atMs: at(5, 2),
      translation: {
        language: 'zh',
        text: '您好。我已附上这批货的发票。120箱中有40箱因包装不当而损坏。',
      },
    },
    {
      key: 'schedule',
      channel: 'everyone',
      author: officer,
      language: 'zh',
      body: '已收到发票，谢谢。第一次调解定于周四上午在调解室2进行，译员全程在场。',
      atMs: at(5, 6),
      translation: {
        language: 'ar',
        text: 'شكرًا، وصلت الفاتورة. الجلسة الأولى صباح الخميس في قاعة الوساطة 2، بحضور مترجم طوال الجلسة.',
      },
    },
    {
      key: 'team-note',
      channel: 'team',
      author: lawyer,
      language: 'zh',
      body: '被申请人的质检报告日期晚于发货日期，下次调解时请核实。检验笔记只留在调解组内部。',
      atMs: at(4, 1),
    },
    {
      key: 'caucus-applicant',
      channel: 'caucus_applicant',
      author: karim,
      language: 'ar',
      body: 'أحمد، هذا بيننا فقط: هل تقبل استرداد جزء من المبلغ مع استبدال الكراتين التالفة بدلًا من الاسترداد الكامل؟',
      atMs: at(3, 8),
      translation: {
        language: 'zh',
        text: '艾哈迈德，仅限我们之间：如果不全额退款，而是部分退款并更换损坏的货物，您能接受吗？',
      },
    },
    {
      key: 'caucus-applicant-answer',
      channel: 'caucus_applicant',
      author: ahmed,
      language: 'ar',
      body: 'نعم، إذا تم الاستبدال قبل نهاية الشهر. أرفقت صور الكراتين التالفة.',
      atMs: at(3, 10),
      translation: {
        language: 'zh',
        text: '可以，只要在月底前完成换货。我已附上损坏纸箱的照片。',
      },
    },
    {
      key: 'caucus-respondent',
      channel: 'caucus_respondent',
      author: lawyer,
      language: 'zh',
      body: '请于周三前提交出厂检验记录和装箱单。调解员会与您单独讨论换货方案。',
      atMs: at(2, 3),
    },
    {
      key: 'proposal',
      channel: 'everyone',
      author: karim,
      language: 'ar',
      body: 'أرسلنا مسودة اقتراح التسوية إلى الطرفين. يرجى قراءتها قبل الجلسة القادمة.',
      atMs: at(1, 2),
      translation: { language: 'zh', text: '调解方案草案已发给双方，请在下次调解前阅读。' },
    },
    {
      key: 'question',
      channel: 'everyone',
      author: ahmed,
      language: 'ar',
      body: 'قرأت المسودة. متى تكون الترجمة العربية الكاملة جاهزة؟',
      atMs: at(0, 0) - 3 * HOUR,
    },
  ];
  const files: DemoFile[] = [
    {
      key: 'invoice',
      filename: 'invoice-INV-2026-0412.pdf',
      lines: [
        'Commercial invoice INV-2026-0412',
        'Seller: a Yiwu market operator (demo)',
        'Buyer: Ahmed Mansour (demo)',
        '120 cartons of glass tableware, FOB Ningbo',
        'Total: USD 26,000.00',
      ],
      visibility: 'all',
      channel: null,
      uploadedBy: ahmed.userId,
      atMs: at(5, 2) - 60_000,
      messageKey: 'invoice',
    },
    {
      key: 'inspection',
      filename: 'inspection-notes.pdf',
      lines: [
        'Inspection notes (mediation team only)',
        'Quality report dated 3 days after shipment.',
        'Ask the operator for the factory inspection record.',
      ],
      visibility: 'team',
      channel: null,
      uploadedBy: lawyer.userId,
      atMs: at(4, 1) - 60_000,
      messageKey: 'team-note',
    },
    {
      key: 'photos',
      filename: 'damaged-cartons.pdf',
      lines: [
        'Photos of damaged cartons (private caucus)',
        '40 of 120 cartons crushed on arrival, Jebel Ali port.',
      ],
      visibility: 'all',
      channel: 'caucus_applicant',
      uploadedBy: ahmed.userId,
      atMs: at(3, 10) - 60_000,
      messageKey: 'caucus-applicant-answer',
    },
    {
      key: 'identity',
      filename: 'identity-check.pdf',
      lines: ['Identity check (committee only)', 'Passport and business licence seen at intake.'],
      visibility: 'committee',
      channel: null,
      uploadedBy: officer.userId,
      atMs: at(5, 1),
      messageKey: null,
    },
  ];
  return rowsOf(orgId, 'show-ar-mediation', caseId, messages, files, [
    // The mediator read the first exchange and his own caucus question; what came since is new.
    { userId: karim.userId, channel: 'everyone', messageKey: 'schedule' },
    { userId: karim.userId, channel: 'team', messageKey: 'team-note' },
    { userId: karim.userId, channel: 'caucus_applicant', messageKey: 'caucus-applicant' },
    // The officer read the party's first message only.
    { userId: officer.userId, channel: 'everyone', messageKey: 'invoice' },
    // The party read everything but the newest message to everyone.
    { userId: ahmed.userId, channel: 'everyone', messageKey: 'schedule' },
    { userId: ahmed.userId, channel: 'caucus_applicant', messageKey: 'caucus-applicant' },
  ]);
}

/**
 * The party account's case in performance (show-ahmed): the first instalment arrived
 * `paidDaysAgo` days ago and the party says so; the officer answers.
 */
export function demoPerformanceConversation(
  orgId: string,
  caseId: string,
  dayMs: number,
  paidDaysAgo: number,
): DemoConversationRows {
  const at = (daysAgo: number, hourUtc: number) => dayMs - daysAgo * DAY + hourUtc * HOUR;
  const messages: DemoMessage[] = [
    {
      key: 'paid',
      channel: 'everyone',
      author: ahmed,
      language: 'ar',
      body: 'وصلت الدفعة الأولى إلى حسابي اليوم. شكرًا للجنة وللوسيط.',
      atMs: at(paidDaysAgo, 9),
      translation: { language: 'zh', text: '第一笔款项今天已到账。感谢调解委员会和调解员。' },
    },
    {
      key: 'next',
      channel: 'everyone',
      author: officer,
      language: 'zh',
      body: '已记录第一笔付款。第二笔款项下月到期，到期前我们会提醒双方。',
      atMs: at(paidDaysAgo - 1, 2),
      translation: {
        language: 'ar',
        text: 'سجّلنا الدفعة الأولى. تستحق الدفعة الثانية الشهر القادم، وسنذكّر الطرفين قبل موعدها.',
      },
    },
  ];
  return rowsOf(
    orgId,
    'show-ahmed',
    caseId,
    messages,
    [],
    [
      { userId: officer.userId, channel: 'everyone', messageKey: 'paid' },
      { userId: ahmed.userId, channel: 'everyone', messageKey: 'next' },
    ],
  );
}
