/**
 * The rules of the monthly log (src/lib/rules/metrics.ts) on files each test writes into its own
 * temporary content folder, with the test's own settings: every limit from both sides, each problem
 * naming the file, the line and the field in Korean. Also the survey figures the settings name.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkContent } from '@/lib/rules/content';
import { checkMetrics, type MetricsCheckOptions } from '@/lib/rules/metrics';
import { formatProblem, type Problem } from '@/lib/rules/problems';
import type { SiteConfig } from '@/lib/rules/site-config';

/** 2 March 2026, 00:00 in Seoul: February has just ended, March has just begun. */
const NOW = new Date('2026-03-02T00:00:00+09:00');

const CONFIG: Pick<SiteConfig, 'timeZone' | 'operations'> = {
  timeZone: 'Asia/Seoul',
  operations: {
    fields: [
      { id: 'staff', label: '담당자', kind: 'count', unit: '명' },
      { id: 'signupShare', label: '소셜 경로 신청 비율', kind: 'percent' },
      { id: 'replyMinutesMean', label: '평균 응답 시간', kind: 'minutes' },
    ],
  },
};

let root: string;
let dir: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'metrics-rules-'));
  dir = join(root, 'content');
  mkdirSync(join(dir, 'metrics'), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(name: string, value: unknown): void {
  writeFileSync(join(dir, 'metrics', name), typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`);
}

const check = (options: Partial<MetricsCheckOptions> = {}) =>
  checkMetrics({ contentDir: dir, projectRoot: root, now: NOW, config: CONFIG, configSource: '', ...options });
/** [file name, line, field, message] of each problem. */
const found = (problems: Problem[]) => problems.map((p) => [p.file.split('/').at(-1), p.line, p.field, p.message]);
/** The problems of one month file whose only figure is `field: value`. */
const withFigure = (field: string, value: unknown) => {
  write('2026-01.json', { month: '2026-01', [field]: value });
  return check().problems;
};

describe('a month file', () => {
  it('accepts every figure, the declared ones too, and a note and a first day', () => {
    write('2026-01.json', {
      month: '2026-01',
      countedFrom: '2026-01-20',
      followers: 310,
      tweets: 118,
      mentionsAnswered: 46,
      replyMinutesMedian: 105,
      blogVisitors: 1900,
      blogSubscribers: 38,
      staff: 1,
      signupShare: 37,
      replyMinutesMean: 190,
      note: '20일부터 셌습니다.',
    });
    const result = check();
    expect(result.problems).toEqual([]);
    expect(result.entries).toHaveLength(1);
    expect(result.entries[0]!.data).toMatchObject({ month: '2026-01', followers: 310, staff: 1 });
  });

  it('accepts a month with figures left out (not recorded)', () => {
    write('2026-02.json', { month: '2026-02' });
    expect(check().problems).toEqual([]);
  });

  it('refuses an unknown field, naming the line, the fields it may have and the near one', () => {
    write('2026-01.json', { month: '2026-01', folowers: 310 });
    const [problem] = check().problems;
    expect(problem).toMatchObject({
      kind: 'metrics',
      severity: 'error',
      line: 3,
      field: 'folowers',
      message: '"folowers": 알 수 없는 항목입니다.',
      suggestion: 'followers',
    });
    expect(problem!.expected).toContain('staff');
    expect(formatProblem(problem!)).toMatch(
      /^오류 \S*content\/metrics\/2026-01\.json:3 · folowers\n  문제: "folowers": 알 수 없는 항목입니다\.\n  기대: 쓸 수 있는 항목: month, countedFrom, note, followers/,
    );
  });

  it('knows only the fields its own site declares', () => {
    write('2026-01.json', { month: '2026-01', staff: 1 });
    expect(found(check({ config: { timeZone: 'Asia/Seoul' } }).problems)).toEqual([['2026-01.json', 3, 'staff', '"staff": 알 수 없는 항목입니다.']]);
  });

  it('takes a count of 0 but not -1, and only whole counts', () => {
    expect(withFigure('followers', 0)).toEqual([]);
    expect(found(withFigure('followers', -1))).toEqual([['2026-01.json', 3, 'followers', '-1입니다. 음수는 기록할 수 없습니다.']]);
    expect(found(withFigure('staff', 1.5))).toEqual([['2026-01.json', 3, 'staff', '1.5입니다. 개수는 정수입니다.']]);
  });

  it('takes minutes from 0, with decimals', () => {
    expect(withFigure('replyMinutesMedian', 0)).toEqual([]);
    expect(withFigure('replyMinutesMedian', 52.5)).toEqual([]);
    expect(found(withFigure('replyMinutesMedian', -0.5))).toEqual([['2026-01.json', 3, 'replyMinutesMedian', '-0.5입니다. 음수는 기록할 수 없습니다.']]);
  });

  it('takes a percentage from 0 to 100', () => {
    expect(withFigure('signupShare', 0)).toEqual([]);
    expect(withFigure('signupShare', 100)).toEqual([]);
    expect(found(withFigure('signupShare', 100.1))).toEqual([['2026-01.json', 3, 'signupShare', '100.1입니다. 비율은 100을 넘을 수 없습니다.']]);
    expect(found(withFigure('signupShare', -1))).toEqual([['2026-01.json', 3, 'signupShare', '-1입니다. 음수는 기록할 수 없습니다.']]);
  });

  it('explains a number written as text, and null', () => {
    const [text] = withFigure('followers', '1,480');
    expect(text).toMatchObject({ field: 'followers', message: '"1,480"은(는) 따옴표로 감싼 글자입니다.', fix: '따옴표와 쉼표 없이 숫자만 쓰세요 (예: 1480).' });
    expect(withFigure('followers', null)[0]).toMatchObject({ field: 'followers', message: 'null입니다.' });
  });

  it('needs a month in the form YYYY-MM', () => {
    write('a.json', { followers: 1 });
    write('b.json', { month: '2026-1' });
    expect(found(check().problems)).toEqual([
      ['a.json', 1, 'month', '필드가 없습니다.'],
      ['b.json', 2, 'month', '"2026-1"은(는) 달 형식이 아닙니다.'],
    ]);
  });

  it('reports a JSON syntax error with its line', () => {
    write('2026-01.json', '{\n  "month": "2026-01",\n  "followers": 1,\n}\n');
    const [problem] = check().problems;
    expect(problem).toMatchObject({ kind: 'metrics', line: 4, severity: 'error' });
    expect(problem!.message).toMatch(/^JSON 문법 오류/);
  });

  it('ignores files whose name starts with "_" (notes)', () => {
    write('_draft.json', { month: 'soon' });
    expect(check().problems).toEqual([]);
  });
});

describe('the month and the clock', () => {
  it('takes a month that has ended in the site time zone, not the one still running', () => {
    write('2026-02.json', { month: '2026-02' });
    const march = new Date('2026-03-01T00:00:00+09:00');
    expect(check({ now: march }).problems).toEqual([]);
    // One millisecond earlier February has not ended in Seoul.
    const [problem] = check({ now: new Date(march.getTime() - 1) }).problems;
    expect(problem).toMatchObject({ field: 'month', line: 2, message: '2026년 2월은(는) 아직 끝나지 않은 달입니다.' });
  });

  it('refuses a month in the future', () => {
    write('2026-04.json', { month: '2026-04' });
    expect(found(check().problems)).toEqual([['2026-04.json', 2, 'month', '2026년 4월은(는) 아직 오지 않은 달입니다.']]);
  });

  it('counts months in the site time zone, not UTC', () => {
    // At 2026-03-01 00:30 in Seoul it is still February in UTC: February has ended for the site.
    write('2026-02.json', { month: '2026-02' });
    expect(check({ now: new Date('2026-03-01T00:30:00+09:00') }).problems).toEqual([]);
    expect(check({ now: new Date('2026-03-01T00:30:00+09:00'), config: { ...CONFIG, timeZone: 'UTC' } }).problems).toHaveLength(1);
  });
});

describe('rules between files and fields', () => {
  it('refuses the same month twice, naming the other file', () => {
    write('2026-01.json', { month: '2026-01' });
    write('2026-01-fixed.json', { month: '2026-01' });
    const problems = check().problems;
    expect(found(problems)).toEqual([
      ['2026-01.json', 2, 'month', expect.stringMatching(/^2026년 1월은\(는\) \S*2026-01-fixed\.json에도 기록되어 있습니다\.$/)],
    ]);
    expect(check().entries).toHaveLength(1);
  });

  it('refuses a file named for one month holding another (a copied file)', () => {
    write('2026-01.json', { month: '2025-12', followers: 5 });
    expect(found(check().problems)).toEqual([['2026-01.json', 2, 'month', '파일 이름은 2026-01인데 month는 "2025-12"입니다.']]);
  });

  it('takes a first day inside the month, from its 1st to its last', () => {
    write('2026-02.json', { month: '2026-02', countedFrom: '2026-02-28' });
    expect(check().problems).toEqual([]);
    write('2026-02.json', { month: '2026-02', countedFrom: '2026-02-01' });
    expect(check().problems).toEqual([]);
    for (const day of ['2026-03-01', '2026-01-31', '2026-02-30']) {
      write('2026-02.json', { month: '2026-02', countedFrom: day });
      expect(found(check().problems)).toEqual([['2026-02.json', 3, 'countedFrom', `${day}은(는) 2026년 2월의 날이 아닙니다.`]]);
    }
  });
});

describe('survey figures named in the settings', () => {
  const SOURCE = `const config = {
  operations: {
    compare: [
      { survey: 'fx', quote: '하루 한 번 이상 관리', beside: 'posts' },
      { survey: 'fx', question: 'staf' },
      { survey: 'fxx', question: 'staff' },
      { survey: 'fx', quote: '매일 올린다' },
    ],
  },
};
`;
  const compare = {
    timeZone: 'Asia/Seoul',
    operations: {
      compare: [
        { survey: 'fx', quote: '하루 한 번 이상 관리', beside: 'posts' as const },
        { survey: 'fx', question: 'staf' },
        { survey: 'fxx', question: 'staff' },
        { survey: 'fx', quote: '매일 올린다' },
      ],
    },
  };
  const survey = { note: '운영 주기는 "하루 한 번 이상 관리"한다는 설명만 보도되었습니다.', sources: [], questions: [{ id: 'staff' }] };

  it('refuses an unknown question or a quote the survey does not hold, at their lines; warns about a missing survey when asked', () => {
    mkdirSync(join(dir, 'surveys'));
    writeFileSync(join(dir, 'surveys/fx.json'), JSON.stringify(survey));
    // Builds and npm run check leave a missing survey out of the page without a word.
    expect(check({ config: compare, configSource: SOURCE }).problems.map((p) => p.field)).toEqual([
      'operations.compare[1].question',
      'operations.compare[3].quote',
    ]);
    const problems = check({ config: compare, configSource: SOURCE, warnMissingSurveys: true }).problems;
    expect(problems.map((p) => [p.file, p.line, p.field, p.severity, p.suggestion])).toEqual([
      ['src/site.config.ts', 5, 'operations.compare[1].question', 'error', 'staff'],
      ['src/site.config.ts', 6, 'operations.compare[2].survey', 'warning', 'fx'],
      ['src/site.config.ts', 7, 'operations.compare[3].quote', 'error', undefined],
    ]);
    expect(problems[2]!.message).toBe('"매일 올린다"은(는) 조사 "fx"의 note에 없는 글귀입니다.');
  });

  it('says nothing when the site has no surveys at all, even when asked', () => {
    expect(check({ config: compare, configSource: SOURCE, warnMissingSurveys: true }).problems).toEqual([]);
  });
});

describe('in the whole-folder check', () => {
  it('runs in checkContent with the data checks, so builds, dev and npm run check refuse a bad month', () => {
    mkdirSync(join(dir, 'posts'), { recursive: true });
    mkdirSync(join(dir, 'authors'), { recursive: true });
    writeFileSync(join(dir, 'posts/a.md'), '---\ntitle: 글\ndescription: 요약\npubDate: 2010-08-10\nauthor: kim\ncategory: x\n---\n본문\n');
    writeFileSync(join(dir, 'authors/kim.json'), JSON.stringify({ name: '김', role: '담당', bio: '소개' }));
    write('2010-08.json', { month: '2010-08', followers: -5 });
    const problems = checkContent({ contentDir: dir, projectRoot: root, now: NOW, only: ['data'] }).problems;
    expect(problems.filter((p) => p.kind === 'metrics').map((p) => [p.field, p.message])).toEqual([['followers', '-5입니다. 음수는 기록할 수 없습니다.']]);
  });
});
