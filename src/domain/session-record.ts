import { z } from 'zod';

/** A party or team member of the case, as a session's schedule and record name them. */
export const sessionPersonSchema = z.object({
  kind: z.enum(['party', 'mediator']),
  id: z.string(),
  name: z.string(),
  /** applicant | respondent for parties; lead | lawyer | third | interpreter for the team. */
  role: z.string(),
});
export type SessionPerson = z.infer<typeof sessionPersonSchema>;

/** mediation_sessions.participants_json: who is invited. */
export const sessionParticipantsSchema = z.array(sessionPersonSchema);

/**
 * mediation_sessions.record_json: the record (笔录) of a held session. The minutes in their
 * original language, translations by language code, and who attended (each of whom confirms).
 */
export const sessionRecordSchema = z.object({
  lang: z.string(),
  text: z.string(),
  translations: z.record(z.string(), z.string()),
  attendees: z.array(sessionPersonSchema),
  recordedBy: z.string(),
  recordedAt: z.string(),
  /**
   * "三必": a party attended without a mediator who speaks their language and no interpreter was
   * present; the officer recorded why. Shown in the record and in the dossier.
   */
  interpreterAbsence: z
    .object({ reason: z.string(), recordedBy: z.string(), recordedByName: z.string() })
    .optional(),
  /** For a correction (record version 2 and later): why the record was corrected. */
  correctionReason: z.string().optional(),
});
export type SessionRecord = z.infer<typeof sessionRecordSchema>;

// Through the schemas on the way in too, so that a caller's extra fields never reach the row.
export const sessionParticipantsJson = (people: SessionPerson[]): string =>
  JSON.stringify(sessionParticipantsSchema.parse(people));

export const sessionRecordJson = (record: SessionRecord): string =>
  JSON.stringify(sessionRecordSchema.parse(record));

/** Rows are written only through the functions above; anything else is a bug and throws. */
export const parseSessionParticipants = (json: string): SessionPerson[] =>
  sessionParticipantsSchema.parse(JSON.parse(json));

export const parseSessionRecord = (json: string): SessionRecord =>
  sessionRecordSchema.parse(JSON.parse(json));
