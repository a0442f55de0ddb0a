export const staffRoles = ['director', 'officer', 'mediator', 'court_liaison'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const mediatorKinds = [
  'foreign',
  'lawyer',
  'notary',
  'market_operator',
  'interpreter',
] as const;
export type MediatorKind = (typeof mediatorKinds)[number];

export const proficiencies = ['native', 'fluent', 'working'] as const;
export type Proficiency = (typeof proficiencies)[number];
