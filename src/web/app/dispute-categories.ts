/**
 * The commercial subcategories of the application (DESIGN §6 codes), in display order. Their own
 * module: the officer's filters need them without pulling the application form's draft code into
 * a shared chunk of the public first load.
 */
export const categories = [
  'goods_quality',
  'payment',
  'delivery',
  'deposit',
  'agency',
  'intellectual_property',
  'contract_other',
] as const;
export type Category = (typeof categories)[number];
