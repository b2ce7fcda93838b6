/** Raw material for the demo seed: common Chinese surnames and given-name characters, places. */

/** Roughly in order of frequency; earlier ones are picked more often (see seed.ts). */
export const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡',
  '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金',
  '石', '廖', '贾', '夏', '韦', '付', '方', '白', '邹', '孟', '熊', '秦', '邱', '江', '尹', '薛', '段', '雷', '侯', '龙',
  '欧阳', '司马',
] as const;

export const MALE_GIVEN = [
  '伟', '强', '磊', '军', '勇', '杰', '涛', '明', '超', '辉', '华', '平', '刚', '鹏', '浩', '宇', '俊', '峰', '斌', '波',
  '志', '建', '国', '文', '博', '凯', '晨', '阳', '子', '睿', '宏', '海', '天', '龙', '飞', '昊', '航', '哲', '轩', '然',
] as const;

export const FEMALE_GIVEN = [
  '芳', '娜', '敏', '静', '丽', '艳', '娟', '霞', '燕', '玲', '婷', '雪', '慧', '颖', '琳', '洁', '倩', '欣', '怡', '悦',
  '佳', '晓', '梦', '雨', '思', '萱', '雯', '蕾', '薇', '月', '秀', '兰', '红', '梅', '琪', '彤', '妍', '诗', '涵', '瑶',
] as const;

/** Mobile prefixes of the three carriers (13x, 15x, 18x). */
export const PHONE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157', '158', '159', '180', '181', '182', '183', '186', '187', '188', '189'] as const;

/** Native place with the ID-card area code of one of its districts. */
export const NATIVE_PLACES = [
  { native: '广东深圳', area: '440305' },
  { native: '广东深圳', area: '440304' },
  { native: '广东广州', area: '440106' },
  { native: '广东梅州', area: '441402' },
  { native: '湖南长沙', area: '430102' },
  { native: '湖北武汉', area: '420106' },
  { native: '广西南宁', area: '450103' },
  { native: '四川成都', area: '510104' },
  { native: '江西赣州', area: '360702' },
  { native: '河南信阳', area: '411502' },
  { native: '福建厦门', area: '350203' },
  { native: '陕西西安', area: '610113' },
] as const;

export const NATIONS = ['汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '汉族', '壮族', '回族', '满族', '土家族'] as const;

/** ID card check digit (GB 11643). */
export function idCardCheckDigit(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * weights[i], 0);
  return '10X98765432'[sum % 11];
}
