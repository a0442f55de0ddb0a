import {
  caseSources,
  nationalCategories,
  nationalCategoryZh,
  type CaseSource,
  type NationalCategory,
} from '../dispute-categories.js';

/** English names of the national people's-mediation categories, for the report's en sheet. */
export const nationalCategoryEn: Record<NationalCategory, string> = {
  marriage_family: 'Marriage and family',
  neighbourhood: 'Neighbourhood',
  housing_homestead: 'Housing and homestead',
  contract: 'Contract',
  production_operation: 'Production and operation',
  damages: 'Damages',
  forest_land: 'Forest and land',
  land_expropriation: 'Land expropriation and demolition',
  environmental_pollution: 'Environmental pollution',
  labour: 'Labour disputes',
  consumer: 'Consumer',
  medical: 'Medical',
  road_traffic: 'Road traffic',
  property_management: 'Property management',
  other: 'Other',
};

export const caseSourceNames: Record<CaseSource, { zh: string; en: string }> = {
  application: { zh: '当事人申请', en: 'Party application' },
  own_initiative: { zh: '主动调解', en: "Committee's own initiative" },
  court_referral: { zh: '法院委托移送', en: 'Court referral' },
  police_referral: { zh: '公安移送', en: 'Police referral' },
  government_referral: { zh: '政府部门移送', en: 'Government referral' },
};

export interface OfficialReportRow {
  category: NationalCategory | 'total';
  accepted: number;
  succeeded: number;
  concluded: number;
  successRate: number | null;
  amountAgreedCny: number;
  acceptedBySource: Record<CaseSource, number>;
}

export const officialReportHeadings = {
  zh: {
    title: '人民调解案件统计表',
    category: '纠纷类别',
    accepted: '受理数（件）',
    succeeded: '调解成功数（件）',
    successRate: '调解成功率',
    amountAgreed: '协议涉及金额（元）',
    sourcePrefix: '案件来源：',
    total: '合计',
    period: '统计期间',
  },
  en: {
    title: "People's mediation case statistics",
    category: 'Dispute category',
    accepted: 'Accepted (cases)',
    succeeded: 'Mediated successfully (cases)',
    successRate: 'Success rate',
    amountAgreed: 'Amount agreed (CNY)',
    sourcePrefix: 'Source: ',
    total: 'Total',
    period: 'Period',
  },
} as const;

export type ReportLanguage = keyof typeof officialReportHeadings;

export function categoryName(c: NationalCategory | 'total', lang: ReportLanguage): string {
  if (c === 'total') return officialReportHeadings[lang].total;
  return lang === 'zh' ? nationalCategoryZh[c] : nationalCategoryEn[c];
}

export { caseSources, nationalCategories };
