import type { MediatorKind, Proficiency } from '../domain/roles.js';

/**
 * The demo roster: 20 foreign mediators from 15 countries whose languages cover 9 ISO 639-5
 * families (sem, ira, inc, zle, trk, roa, bnt, gmw, zhx), and 51 Chinese lawyers, notaries,
 * market operators and interpreters. Every name is fictional.
 */
export interface DemoMediator {
  key: string;
  name: string;
  kind: MediatorKind;
  nationality: string;
  languages: { code: string; proficiency: Proficiency }[];
  expertise: string[];
  caseLimit: number;
  timeZone: string;
}

const L = (code: string, proficiency: Proficiency) => ({ code, proficiency });
const foreign = (
  key: string,
  name: string,
  nationality: string,
  native: string,
  extra: string[],
  expertise: string[],
  timeZone = 'Asia/Shanghai',
): DemoMediator => ({
  key,
  name,
  kind: 'foreign',
  nationality,
  languages: [L(native, 'native'), L('zh', 'fluent'), ...extra.map((c) => L(c, 'working'))],
  expertise,
  caseLimit: 5,
  timeZone,
});

export const demoForeignMediators: DemoMediator[] = [
  foreign('f01', 'Karim Haddad', 'EG', 'ar', ['en'], ['goods_quality', 'payment']),
  foreign('f02', 'Nour Saleh', 'SY', 'ar', ['en', 'fr'], ['delivery', 'deposit']),
  foreign('f03', 'Omar Khalil', 'JO', 'ar', ['en'], ['agency', 'payment']),
  foreign('f04', 'Yusuf Al-Amri', 'YE', 'ar', ['en'], ['goods_quality', 'contract_other']),
  foreign('f05', 'Dariush Farahani', 'IR', 'fa', ['en'], ['payment', 'delivery']),
  foreign('f06', 'Zarmina Noori', 'AF', 'fa', ['en', 'ur'], ['deposit', 'goods_quality']),
  foreign('f07', 'Imran Qureshi', 'PK', 'ur', ['en'], ['payment', 'agency']),
  foreign('f08', 'Arjun Mehra', 'IN', 'hi', ['en'], ['intellectual_property', 'goods_quality']),
  foreign('f09', 'Dmitri Volkov', 'RU', 'ru', ['en'], ['delivery', 'payment'], 'Europe/Moscow'),
  foreign('f10', 'Olga Sokolova', 'RU', 'ru', ['en'], ['goods_quality', 'deposit']),
  foreign('f11', 'Taras Melnyk', 'UA', 'uk', ['ru', 'en'], ['payment', 'contract_other']),
  foreign('f12', 'Emre Yildiz', 'TR', 'tr', ['en'], ['goods_quality', 'delivery']),
  foreign('f13', 'Aziz Karimov', 'UZ', 'uz', ['ru', 'en'], ['payment', 'agency']),
  foreign(
    'f14',
    'Lucia Navarro',
    'ES',
    'es',
    ['en', 'fr'],
    ['intellectual_property', 'contract_other'],
  ),
  foreign('f15', 'Mateo Restrepo', 'CO', 'es', ['en'], ['deposit', 'payment']),
  foreign('f16', 'Wanjiru Kamau', 'KE', 'sw', ['en'], ['goods_quality', 'delivery']),
  foreign('f17', 'Hassan Mostafa', 'EG', 'ar', ['en'], ['payment', 'deposit']),
  foreign('f18', 'Selin Aksoy', 'TR', 'tr', ['en', 'ar'], ['agency', 'goods_quality']),
  foreign('f19', 'Priya Nair', 'IN', 'hi', ['en'], ['payment', 'delivery']),
  foreign('f20', 'Camila Ortiz', 'CO', 'es', ['en'], ['goods_quality', 'agency']),
];

const surnames = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '郑',
];
const givenNames = [
  '建国',
  '丽华',
  '志强',
  '晓燕',
  '海涛',
  '静怡',
  '文博',
  '雅琴',
  '俊杰',
  '秀英',
  '明辉',
  '佳怡',
  '国平',
  '慧敏',
  '永康',
  '婷婷',
  '立新',
  '春梅',
  '宏伟',
  '思远',
];
const lawyerExpertise = [
  ['goods_quality', 'payment'],
  ['delivery', 'deposit'],
  ['agency', 'contract_other'],
  ['intellectual_property'],
  ['payment', 'deposit'],
];
const secondLanguages = ['en', 'en', 'en', 'ar', 'ru', 'es', 'fr', 'en'];

/** 28 lawyers, 8 notaries, 10 market operators and 5 interpreters, names fictional and fixed. */
export function demoPartTimeMediators(): DemoMediator[] {
  const out: DemoMediator[] = [];
  const plan: [MediatorKind, number][] = [
    ['lawyer', 28],
    ['notary', 8],
    ['market_operator', 10],
    ['interpreter', 5],
  ];
  let i = 0;
  for (const [kind, count] of plan) {
    for (let k = 0; k < count; k++, i++) {
      const name = surnames[i % surnames.length]! + givenNames[(i * 7) % givenNames.length]!;
      const second = secondLanguages[i % secondLanguages.length]!;
      const languages = [
        L('zh', 'native'),
        L(second, kind === 'interpreter' ? 'fluent' : 'working'),
      ];
      if (kind === 'interpreter') languages.push(L(i % 2 ? 'ar' : 'ru', 'fluent'));
      out.push({
        key: `${kind}-${String(k + 1).padStart(2, '0')}`,
        name,
        kind,
        nationality: 'CN',
        languages: dedupe(languages),
        expertise: lawyerExpertise[i % lawyerExpertise.length]!,
        caseLimit: kind === 'lawyer' ? 6 : 4,
        timeZone: 'Asia/Shanghai',
      });
    }
  }
  return out;
}

function dedupe(langs: { code: string; proficiency: Proficiency }[]) {
  const seen = new Set<string>();
  return langs.filter((l) => (seen.has(l.code) ? false : (seen.add(l.code), true)));
}
