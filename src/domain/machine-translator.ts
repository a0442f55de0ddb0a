/**
 * Machine translation of case messages, behind an interface. Accord bundles no provider: case
 * files are confidential, and sending them to a translation service is a deployment decision
 * (and, for personal data, a cross-border transfer under PIPL). With none configured, only
 * interpreters and mediators translate, and every translation says who made it.
 */
export interface MachineTranslator {
  /** Shown next to the translation, e.g. "acme-mt". */
  readonly name: string;
  translate(text: string, from: string, to: string): Promise<string>;
}

export interface MessageTranslation {
  language: string;
  text: string;
  method: 'human' | 'machine';
  /** The person who translated, or who requested a machine translation. */
  translatedBy: { userId: string; name: string };
  /** The machine translator's name when method is 'machine'. */
  provider: string | null;
  at: string;
}
