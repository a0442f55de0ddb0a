/**
 * The national people's-mediation categories (全国人民调解统计) and the commercial
 * subcategories of DESIGN §2, each hanging under its national category.
 */
export const nationalCategories = [
  'marriage_family', // 婚姻家庭
  'neighbourhood', // 邻里
  'housing_homestead', // 房屋宅基地
  'contract', // 合同
  'production_operation', // 生产经营
  'damages', // 损害赔偿
  'forest_land', // 山林土地
  'land_expropriation', // 征地拆迁
  'environmental_pollution', // 环境污染
  'labour', // 劳动争议
  'consumer', // 消费
  'medical', // 医疗
  'road_traffic', // 道路交通
  'property_management', // 物业
  'other', // 其它
] as const;
export type NationalCategory = (typeof nationalCategories)[number];

export const nationalCategoryZh: Record<NationalCategory, string> = {
  marriage_family: '婚姻家庭',
  neighbourhood: '邻里',
  housing_homestead: '房屋宅基地',
  contract: '合同',
  production_operation: '生产经营',
  damages: '损害赔偿',
  forest_land: '山林土地',
  land_expropriation: '征地拆迁',
  environmental_pollution: '环境污染',
  labour: '劳动争议',
  consumer: '消费',
  medical: '医疗',
  road_traffic: '道路交通',
  property_management: '物业',
  other: '其它',
};

export const commercialSubcategories = {
  goods_quality: 'contract',
  payment: 'contract',
  delivery: 'contract',
  deposit: 'contract',
  agency: 'contract',
  intellectual_property: 'production_operation',
  contract_other: 'contract',
} as const satisfies Record<string, NationalCategory>;
export type CommercialSubcategory = keyof typeof commercialSubcategories;

export const caseCategories = [
  ...(Object.keys(commercialSubcategories) as CommercialSubcategory[]),
  ...nationalCategories,
] as const;
export type CaseCategory = CommercialSubcategory | NationalCategory;

export function nationalCategoryOf(category: CaseCategory): NationalCategory {
  return category in commercialSubcategories
    ? commercialSubcategories[category as CommercialSubcategory]
    : (category as NationalCategory);
}

export const caseSources = [
  'application',
  'own_initiative',
  'court_referral',
  'police_referral',
  'government_referral',
] as const;
export type CaseSource = (typeof caseSources)[number];
