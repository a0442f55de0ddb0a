/**
 * The key under which a company or person name is compared for conflicts of interest:
 * Unicode-compatibility folded (full-width → half-width), lower-cased, with spaces,
 * punctuation and common legal-form words removed, so that "Yiwu Star Trading Co., Ltd."
 * and "YIWU STAR TRADING CO LTD" and "义乌星贸易有限公司" / "义乌星贸易 有限公司" compare equal.
 */
const legalForms = [
  'co',
  'ltd',
  'limited',
  'llc',
  'inc',
  'corp',
  'corporation',
  'company',
  'gmbh',
  'sarl',
  'sa',
  'plc',
  'llp',
];
const chineseLegalForms = ['有限责任公司', '股份有限公司', '有限公司', '公司'];

export function normalizePartyName(name: string): string {
  let s = name.normalize('NFKC').toLowerCase();
  for (const form of chineseLegalForms) s = s.split(form).join(' ');
  const words = s.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0 && !legalForms.includes(w));
  return words.join('');
}
