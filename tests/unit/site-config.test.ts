import { describe, expect, it } from 'vitest';
import { lineOf, siteConfigProblems } from '@/lib/rules/site-config';

/** A valid config as an owner writes it; each test breaks one thing. */
const SOURCE = `import type { SiteConfig } from './lib/rules/site-config.ts';

const config = {
  name: '한빛 블로그',
  description: '한빛의 이야기',
  url: 'https://blog.hanbit.example',
  lang: 'ko',
  ogLocale: 'ko_KR',
  timeZone: 'Asia/Seoul',
  twitterHandle: '',
  organization: '한빛',
  categories: [
    { id: 'news', name: '소식', description: '회사 소식' },
    { id: 'people', name: '사람들', description: '함께 일하는 사람들' },
  ],
  pageSize: 6,
  feedLength: 20,
  readingCharsPerMinute: 500,
  relatedPosts: 3,
};
`;

function valid(): any {
  return {
    name: '한빛 블로그',
    description: '한빛의 이야기',
    url: 'https://blog.hanbit.example',
    lang: 'ko',
    ogLocale: 'ko_KR',
    timeZone: 'Asia/Seoul',
    twitterHandle: '',
    organization: '한빛',
    categories: [
      { id: 'news', name: '소식', description: '회사 소식' },
      { id: 'people', name: '사람들', description: '함께 일하는 사람들' },
    ],
    pageSize: 6,
    feedLength: 20,
    readingCharsPerMinute: 500,
    relatedPosts: 3,
  };
}

const problemsOf = (change: (c: any) => void) => {
  const c = valid();
  change(c);
  return siteConfigProblems(c, SOURCE);
};
const fields = (change: (c: any) => void) => problemsOf(change).map((p) => p.field);

describe('siteConfigProblems', () => {
  it('accepts a valid config, with or without a Twitter handle', () => {
    expect(siteConfigProblems(valid(), SOURCE)).toEqual([]);
    expect(fields((c) => (c.twitterHandle = 'hanbit_blog'))).toEqual([]);
  });

  it('names the file, line and field of a URL without its scheme, with the expected form', () => {
    const [p] = problemsOf((c) => (c.url = 'blog.hanbit.example'));
    expect(p).toMatchObject({
      file: 'src/site.config.ts',
      line: 6,
      field: 'url',
      message: '"blog.hanbit.example"입니다.',
      expected: expect.stringContaining('https://'),
      severity: 'error',
    });
    for (const url of ['ftp://blog.hanbit.example', 'https://localhost', 'https://blog.example/?a=1', 'https://blog.example/#top']) {
      expect(fields((c) => (c.url = url)), url).toEqual(['url']);
    }
    expect(fields((c) => (c.url = 'http://blog.hanbit.example/sub'))).toEqual([]);
  });

  it('category ids: lowercase ASCII words joined by "-", unique; names unique', () => {
    const [space] = problemsOf((c) => (c.categories[1].id = 'Investor Relations'));
    expect(space).toMatchObject({ field: 'categories[1].id', line: 14, message: '"Investor Relations"입니다.', expected: expect.stringContaining('영문 소문자') });
    for (const id of ['IR', 'investor_relations', '투자', '-ir', 'ir-']) expect(fields((c) => (c.categories[1].id = id)), id).toEqual(['categories[1].id']);
    expect(fields((c) => (c.categories[1].id = 'investor-relations2'))).toEqual([]);
    const [dup] = problemsOf((c) => (c.categories[1].id = 'news'));
    expect(dup).toMatchObject({ field: 'categories[1].id', line: 14, message: '"news"은(는) 이미 categories[0]의 id입니다.' });
    expect(fields((c) => (c.categories[1].name = '소식'))).toEqual(['categories[1].name']);
    expect(fields((c) => (c.categories = []))).toEqual(['categories']);
    expect(fields((c) => delete c.categories[0].description)).toEqual(['categories[0].description']);
  });

  it('the handle without "@", and says so', () => {
    const [at] = problemsOf((c) => (c.twitterHandle = '@hanbit'));
    expect(at).toMatchObject({ field: 'twitterHandle', line: 10, fix: '"@"를 빼고 "hanbit"로 쓰세요.' });
    for (const handle of ['hanbit blog', 'a_very_long_handle_name', 'https://twitter.com/hanbit']) expect(fields((c) => (c.twitterHandle = handle)), handle).toEqual(['twitterHandle']);
  });

  it('a real IANA time zone', () => {
    for (const zone of ['Asia/Seoul', 'UTC', 'America/New_York']) expect(fields((c) => (c.timeZone = zone)), zone).toEqual([]);
    for (const zone of ['KST', 'Seoul', 'Asia/Busan', '+09:00', '']) expect(fields((c) => (c.timeZone = zone)), zone).toEqual(['timeZone']);
    expect(problemsOf((c) => (c.timeZone = 'Seoul'))[0]).toMatchObject({ line: 9, fix: expect.stringContaining('"Asia/Seoul"') });
  });

  it('positive whole page sizes, within reason', () => {
    for (const key of ['pageSize', 'feedLength', 'readingCharsPerMinute']) {
      for (const bad of [0, -1, 2.5, '6']) expect(fields((c) => (c[key] = bad)), `${key}=${bad}`).toEqual([key]);
    }
    expect(fields((c) => (c.pageSize = 1))).toEqual([]);
    expect(fields((c) => (c.relatedPosts = 0))).toEqual([]);
    expect(fields((c) => (c.relatedPosts = -1))).toEqual(['relatedPosts']);
    expect(problemsOf((c) => (c.pageSize = 0))[0]).toMatchObject({ line: 16, message: '0입니다.', fix: '1 이상 100 이하의 정수를 따옴표 없이 쓰세요.' });
  });

  it('unknown keys, with the nearest known one', () => {
    const [p] = problemsOf((c) => (c.pagesize = 10));
    expect(p).toMatchObject({ field: 'pagesize', message: '"pagesize": 알 수 없는 설정입니다.', suggestion: 'pageSize' });
    expect(fields((c) => (c.categories[0].slug = 'x'))).toEqual(['categories[0].slug']);
  });

  it('a missing or empty field', () => {
    expect(problemsOf((c) => delete c.organization)[0]).toMatchObject({ field: 'organization', message: '설정이 없습니다.' });
    expect(problemsOf((c) => (c.name = '  '))[0]).toMatchObject({ field: 'name', message: '비어 있습니다.', line: 4 });
  });

  it('reports every problem at once, in line order', () => {
    const found = problemsOf((c) => Object.assign(c, { url: 'blog', timeZone: 'KST', pageSize: 0 }));
    expect(found.map((p) => [p.field, p.line])).toEqual([
      ['url', 6],
      ['timeZone', 9],
      ['pageSize', 16],
    ]);
  });
});

describe('lineOf', () => {
  it('finds keys of the config object, not of interfaces above it', () => {
    const source = `interface X {\n  url: string;\n}\nconst config: X = {\n  url: 'a',\n};\n`;
    expect(lineOf(source, ['url'])).toBe(5);
    expect(lineOf(source, ['nothing'])).toBe(4);
  });
});

describe('operations (the manager’s report)', () => {
  /** The valid config with an `operations` block, as an owner writes it: `operations:` is line 20. */
  const OPS_SOURCE = SOURCE.replace(
    '  relatedPosts: 3,\n};',
    `  relatedPosts: 3,
  operations: {
    postsPerWeek: 7,
    tweetsPerDay: 10,
    weeks: 26,
    fields: [
      { id: 'staff', label: '담당자', kind: 'count', unit: '명' },
      { id: 'replyMinutesMean', label: '평균 응답 시간', kind: 'minutes' },
    ],
    compare: [
      { survey: 'kicom-2010', quote: '하루 1회 이상 관리', beside: 'posts' },
      { survey: 'kicom-2010', question: 'staff' },
    ],
  },
};`,
  );
  const withOps = (): any => ({
    ...valid(),
    operations: {
      postsPerWeek: 7,
      tweetsPerDay: 10,
      weeks: 26,
      fields: [
        { id: 'staff', label: '담당자', kind: 'count', unit: '명' },
        { id: 'replyMinutesMean', label: '평균 응답 시간', kind: 'minutes' },
      ],
      compare: [
        { survey: 'kicom-2010', quote: '하루 1회 이상 관리', beside: 'posts' },
        { survey: 'kicom-2010', question: 'staff' },
      ],
    },
  });
  const opsProblems = (change: (c: any) => void) => {
    const c = withOps();
    change(c.operations);
    return siteConfigProblems(c, OPS_SOURCE);
  };
  const opsFields = (change: (c: any) => void) => opsProblems(change).map((p) => p.field);

  it('is optional, and accepted as an owner writes it', () => {
    expect(siteConfigProblems(valid(), SOURCE)).toEqual([]);
    expect(siteConfigProblems(withOps(), OPS_SOURCE)).toEqual([]);
    expect(siteConfigProblems({ ...valid(), operations: {} }, SOURCE)).toEqual([]);
  });

  it('asOf: a month YYYY-MM, for an archive whose report ends there', () => {
    for (const v of ['2011-06', '1999-12']) expect(opsFields((o) => (o.asOf = v)), v).toEqual([]);
    for (const v of ['2011-6', '2011-13', '2011-06-30', 201106]) expect(opsFields((o) => (o.asOf = v)), String(v)).toEqual(['operations.asOf']);
  });

  it('targets above 0 and up to their limit; weeks from 1 to 260', () => {
    for (const [key, ok, bad] of [
      ['postsPerWeek', [0.5, 3.5, 7, 100], [0, -1, 100.5, '7']],
      ['tweetsPerDay', [1, 10, 1000], [0, 1001, '10']],
      ['weeks', [1, 26, 260], [0, 261, 2.5]],
    ] as const) {
      for (const v of ok) expect(opsFields((o) => (o[key] = v)), `${key}=${v}`).toEqual([]);
      for (const v of bad) expect(opsFields((o) => (o[key] = v)), `${key}=${v}`).toEqual([`operations.${key}`]);
    }
    expect(opsProblems((o) => (o.postsPerWeek = 0))[0]).toMatchObject({ line: 21, message: '0입니다.', expected: expect.stringContaining('한 주(월~일)') });
  });

  it('declared figures: a key of their own, a known kind, a unit only for counts', () => {
    expect(opsProblems((o) => (o.fields[1].id = 'followers'))[0]).toMatchObject({ field: 'operations.fields[1].id', line: 26, message: '"followers"은(는) 모든 기록에 이미 있는 기본 항목입니다.' });
    expect(opsProblems((o) => (o.fields[1].id = 'staff'))[0]).toMatchObject({ field: 'operations.fields[1].id', message: '"staff"은(는) 이미 operations.fields[0]의 id입니다.' });
    for (const id of ['Staff', 'staff-count', '담당자', '1staff']) expect(opsFields((o) => (o.fields[0].id = id)), id).toEqual(['operations.fields[0].id']);
    expect(opsFields((o) => (o.fields[0].kind = 'people'))).toEqual(['operations.fields[0].kind']);
    expect(opsFields((o) => (o.fields[1].unit = '분'))).toEqual(['operations.fields[1].unit']);
    expect(opsFields((o) => (o.fields[0].label = ' '))).toEqual(['operations.fields[0].label']);
  });

  it('survey figures: a question or a quote, not both, not neither; a known place beside', () => {
    const [both] = opsProblems((o) => (o.compare[1].quote = '글귀'));
    expect(both).toMatchObject({ field: 'operations.compare[1]', line: 30, message: 'question과 quote가 함께 있습니다.' });
    expect(opsProblems((o) => delete o.compare[0].quote)[0]).toMatchObject({ field: 'operations.compare[0]', line: 29, message: 'question도 quote도 없습니다.' });
    expect(opsFields((o) => (o.compare[0].beside = 'footer'))).toEqual(['operations.compare[0].beside']);
    expect(opsFields((o) => (o.compare[0].survey = 'KICOM 2010'))).toEqual(['operations.compare[0].survey']);
  });

  it('unknown keys inside, with the nearest known one', () => {
    expect(opsProblems((o) => (o.postPerWeek = 7))[0]).toMatchObject({ field: 'operations.postPerWeek', message: '"postPerWeek": 알 수 없는 설정입니다.', suggestion: 'postsPerWeek' });
    expect(opsFields((o) => (o.compare[0].quotes = 'x'))).toEqual(['operations.compare[0].quotes']);
  });
});
