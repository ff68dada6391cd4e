import { describe, expect, it } from 'vitest';
import { formatIssue, jsonPath, validateBenchmark, validateSurvey, type SurveyIssue } from '@/lib/surveys/validate';

const FILE = 'content/surveys/test.json';

/** A valid survey; every test changes one thing. */
function survey(): any {
  return {
    title: '테스트 조사',
    publisher: '테스트 발행처',
    year: 2010,
    fieldwork: { start: '2010-03-01', end: '2010-04-12' },
    sample: { n: 100, population: '국내 기업 100곳' },
    sources: [{ id: 'src', title: '기사', url: 'https://example.com/a', provenance: 'press' }],
    questions: [
      {
        id: 'staff',
        text: '담당자는 몇 명입니까?',
        type: 'single',
        base: 50,
        options: [
          { id: 'one', label: '1명' },
          { id: 'two-plus', label: '2명 이상' },
        ],
        results: { one: 64, 'two-plus': 36 },
      },
      {
        id: 'channels',
        text: '어떤 채널을 씁니까?',
        type: 'multi',
        options: [
          { id: 'blog', label: '블로그' },
          { id: 'twitter', label: '트위터' },
        ],
        results: { blog: 80, twitter: 70 },
      },
      { id: 'accounts', text: '계정 수', type: 'numeric', unit: '개', results: { mean: 4.2 } },
    ],
  };
}

const errors = (issues: SurveyIssue[]) => issues.filter((i) => i.level === 'error');
const warnings = (issues: SurveyIssue[]) => issues.filter((i) => i.level === 'warning');
const check = (s: unknown) => validateSurvey(s, FILE);
/** JSON paths of the errors of a survey changed by `change`. */
const errorPaths = (change: (s: any) => void) => {
  const s = survey();
  change(s);
  return errors(check(s)).map((i) => i.path);
};
const withStaff = (results: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
  const s = survey();
  Object.assign(s.questions[0], { results, ...extra });
  return s;
};

describe('validateSurvey', () => {
  it('accepts a valid survey, with or without the optional fields', () => {
    expect(check(survey())).toEqual([]);
    const s = survey();
    Object.assign(s, { $schema: '../../.astro/collections/surveys.schema.json', note: '전체 메모' });
    Object.assign(s.sources[0], { note: '원문 미확인' });
    Object.assign(s.questions[0], { partial: false, sources: ['src'] });
    Object.assign(s.questions[2], { base: 40, results: { mean: 4.2, median: 3 } });
    expect(check(s)).toEqual([]);
    delete s.fieldwork;
    delete s.sources[0].id;
    delete s.questions[0].sources;
    expect(check(s)).toEqual([]);
  });

  it('formats an issue as the file, the JSON path, what was found and what is expected', () => {
    const s = survey();
    s.questions.unshift({ ...s.questions[1], id: 'first' });
    s.questions[1].results = { one: 76, 'two-plus': 36 };
    const [issue, ...rest] = check(s);
    expect(rest).toEqual([]);
    expect(issue).toEqual({
      level: 'error',
      file: FILE,
      path: 'questions[1].results',
      message: '단일 선택 문항의 비율 합이 112.0입니다.',
      expected: '100 ± 0.5 (일부만 보고된 문항이면 "partial": true)',
    });
    expect(formatIssue(issue!)).toBe(
      'content/surveys/test.json: questions[1].results: 단일 선택 문항의 비율 합이 112.0입니다. 기대: 100 ± 0.5 (일부만 보고된 문항이면 "partial": true)',
    );
  });

  it('formats the fix and the "혹시 …?" suggestion after what is expected, and marks a warning', () => {
    const [unknown] = check(withStaff({ one: 64, 'two-plus': 36 }, { parital: true }));
    expect(formatIssue(unknown!)).toBe(
      'content/surveys/test.json: questions[0].parital: "parital": 알 수 없는 필드입니다. ' +
        '기대: 쓸 수 있는 필드: id, text, type, base, partial, sources, options, remainder, approximate, results ' +
        '고치는 법: 철자를 고치거나 필드를 지우세요. 혹시 "partial"?',
    );
    const [warning] = check(withStaff({ one: 64, 'two-plus': 36 }, { base: 29 }));
    expect(formatIssue(warning!)).toMatch(/^경고: content\/surveys\/test\.json: questions\[0\]\.base: 기준 29곳: 30 미만의 소표본입니다\./);
  });

  it('reports every problem of a file at once, the rules between fields as well', () => {
    const s = survey();
    s.year = '2010';
    s.sample.n = 10.5;
    s.sources[0].provenance = 'rumour';
    s.questions[0].results = { one: 64, 'two-plus': 36, three: 5 };
    s.questions[0].sources = ['src', 'nope'];
    s.questions[1].options.push({ id: 'blog', label: '또 블로그' });
    s.questions[2].type = 'number';
    s.questions[2].id = 'staff';
    const found = errors(check(s));
    expect(found.map((i) => i.path).sort()).toEqual(
      [
        'year',
        'sample.n',
        'sources[0].provenance',
        'questions[0].results.three',
        'questions[0].results',
        'questions[0].sources[1]',
        'questions[1].options[2].id',
        'questions[2].type',
        'questions[2].id',
      ].sort(),
    );
    expect(found.every((i) => i.file === FILE)).toBe(true);
  });

  describe('unknown fields (a typo would otherwise be dropped without a word)', () => {
    it('names the field, lists the fields there are, and suggests the near one', () => {
      const [issue, ...rest] = errors(check(withStaff({ one: 64, 'two-plus': 36 }, { parital: true })));
      expect(rest).toEqual([]);
      expect(issue).toMatchObject({
        path: 'questions[0].parital',
        message: '"parital": 알 수 없는 필드입니다.',
        expected: '쓸 수 있는 필드: id, text, type, base, partial, sources, options, remainder, approximate, results',
        suggestion: 'partial',
      });
    });
    it('at every level, one issue per field', () => {
      expect(
        errorPaths((s) => {
          s.titel = 'x';
          s.sample.size = 1;
          s.fieldwork.begin = '2010-03-01';
          s.sources[0].link = 'x';
          s.questions[0].options[0].name = 'x';
          s.questions[2].results.average = 4;
          s.questions[2].options = [];
        }).sort(),
      ).toEqual(
        [
          'titel',
          'sample.size',
          'fieldwork.begin',
          'sources[0].link',
          'questions[0].options[0].name',
          'questions[2].results.average',
          'questions[2].options',
        ].sort(),
      );
    });
    it('lists the fields of the kind of question, without the editors\' "$schema"', () => {
      const s = survey();
      s.questions[2].partial = true;
      s.titel = 'x';
      const [question, top] = errors(check(s));
      expect(question).toMatchObject({ path: 'questions[2].partial', expected: '쓸 수 있는 필드: id, text, type, base, sources, unit, approximate, results' });
      expect(top).toMatchObject({
        path: 'titel',
        expected: '쓸 수 있는 필드: title, publisher, year, fieldwork, method, sample, sources, note, questions',
        suggestion: 'title',
      });
    });
  });

  describe('ids: lowercase letters and digits joined by "-"', () => {
    it('accepts "two-plus", "q1" and "a_b"; rejects spaces, capitals, an empty id and a loose "-"', () => {
      for (const good of ['two-plus', 'q1', 'a_b']) expect(errorPaths((s) => (s.questions[0].id = good))).toEqual([]);
      for (const bad of ['Staff', 'staff count', '', '-staff', 'staff-', 3]) expect(errorPaths((s) => (s.questions[0].id = bad))).toEqual(['questions[0].id']);
      expect(errorPaths((s) => (s.questions[0].options[0].id = 'One Person'))).toContain('questions[0].options[0].id');
      expect(errorPaths((s) => (s.sources[0].id = 'etnews news'))).toEqual(['sources[0].id']);
    });
    it('says what was found and what an id looks like', () => {
      const [issue] = errors(check(withStaff({ one: 64, 'two-plus': 36 }, { id: 'Staff Count' })));
      expect(issue).toMatchObject({
        path: 'questions[0].id',
        message: '"Staff Count"입니다.',
        expected: '문항 id (영문 소문자와 숫자, 낱말 사이는 "-", 예: "two-plus")',
      });
    });
    it('rejects a duplicate question, option or source id at the second one', () => {
      const s = survey();
      s.questions[2].id = 'staff';
      expect(errors(check(s))).toEqual([
        { level: 'error', file: FILE, path: 'questions[2].id', message: '"staff"은(는) 이미 questions[0]의 id입니다.', expected: '문항마다 다른 id' },
      ]);
      expect(errorPaths((x) => (x.questions[0].options[1].id = 'one'))).toEqual(['questions[0].options[1].id', 'questions[0].results["two-plus"]']);
      expect(
        errorPaths((x) => x.sources.push({ id: 'src', title: '또 기사', url: 'https://example.com/b', provenance: 'read' })),
      ).toEqual(['sources[1].id']);
    });
  });

  describe('year, fieldwork and sample', () => {
    it('year: a whole number from 1900 to 2100', () => {
      for (const year of [1900, 2100]) expect(errorPaths((s) => (s.year = year))).toEqual([]);
      for (const year of [1899, 2101, 2010.5, '2010']) expect(errorPaths((s) => (s.year = year))).toEqual(['year']);
      const [issue] = errors(check({ ...survey(), year: '2010' }));
      expect(issue?.message).toBe('"2010"은(는) 따옴표로 감싼 글자입니다.');
      expect(issue?.expected).toContain('따옴표 없는 숫자 1900~2100');
    });
    it('fieldwork: a day or, when only the month is known, a month', () => {
      for (const fieldwork of [
        { start: '2009-11', end: '2010-01' },
        { start: '2010-03-01', end: '2010-03-01' },
        { start: '2010-03', end: '2010-03-15' },
        { start: '2010-03-15', end: '2010-03' },
      ]) {
        expect(errorPaths((s) => (s.fieldwork = fieldwork))).toEqual([]);
      }
      expect(errorPaths((s) => (s.fieldwork = { start: '2010-3-1', end: '2010-13' }))).toEqual(['fieldwork.start', 'fieldwork.end']);
      expect(errorPaths((s) => (s.fieldwork = { start: '2010-03-01' }))).toEqual(['fieldwork.end']);
    });
    it('fieldwork: the start on or before the end', () => {
      const s = survey();
      s.fieldwork = { start: '2010-03-02', end: '2010-03-01' };
      expect(errors(check(s))).toEqual([
        {
          level: 'error',
          file: FILE,
          path: 'fieldwork',
          message: '2010-03-02에 시작해 2010-03-01에 끝납니다.',
          expected: '시작(start)이 끝(end)과 같거나 앞선 날짜',
        },
      ]);
      expect(errorPaths((x) => (x.fieldwork = { start: '2010-04', end: '2010-03-31' }))).toEqual(['fieldwork']);
    });
    it('sample.n: a whole number above 0', () => {
      expect(errorPaths((s) => (s.sample.n = 50))).toEqual([]);
      for (const n of [0, -1, 99.5, '100', undefined]) expect(errorPaths((s) => (s.sample.n = n))).toEqual(['sample.n']);
      expect(errorPaths((s) => (s.sample.population = ' '))).toEqual(['sample.population']);
      expect(errorPaths((s) => (s.sample = 100))).toEqual(['sample']);
    });
    it('title and publisher: non-empty text', () => {
      const [issue] = errors(check({ ...survey(), title: '  ' }));
      expect(issue).toMatchObject({ path: 'title', message: '비어 있습니다.', expected: '조사 제목 (빈칸이 아닌 글)' });
      expect(errorPaths((s) => delete s.publisher)).toEqual(['publisher']);
    });
  });

  describe('sources', () => {
    it('url: an http:// or https:// address', () => {
      for (const url of ['http://example.com', 'https://www.etnews.com/201008100001?a=b']) expect(errorPaths((s) => (s.sources[0].url = url))).toEqual([]);
      for (const url of ['ftp://example.com', 'example.com', 'https://exa mple.com', 'https://', undefined]) {
        expect(errorPaths((s) => (s.sources[0].url = url))).toEqual(['sources[0].url']);
      }
    });
    it('provenance: read, press or secondhand', () => {
      for (const provenance of ['read', 'press', 'secondhand']) expect(errorPaths((s) => (s.sources[0].provenance = provenance))).toEqual([]);
      const s = survey();
      s.sources[0].provenance = 'blog';
      delete s.sources[0].url;
      const found = errors(check(s));
      expect(found.map((i) => i.path)).toEqual(['sources[0].url', 'sources[0].provenance']);
      expect(found[0]?.message).toBe('필드가 없습니다.');
      expect(found[1]).toMatchObject({ message: '"blog"입니다.', expected: expect.stringContaining('"read"') });
    });
    it('at least one', () => {
      const [issue] = errors(check({ ...survey(), sources: [] }));
      expect(issue).toMatchObject({ path: 'sources', message: '빈 목록입니다.' });
    });
    it('a question cites only declared source ids, with a near one suggested', () => {
      const [issue, ...rest] = errors(check(withStaff({ one: 64, 'two-plus': 36 }, { sources: ['src', 'scr'] })));
      expect(rest).toEqual([]);
      expect(issue).toEqual({
        level: 'error',
        file: FILE,
        path: 'questions[0].sources[1]',
        message: '"scr"은(는) 이 설문의 출처 id가 아닙니다.',
        expected: 'sources에 적은 출처 id: src',
        fix: 'id를 고치거나, 그 출처에 "id"를 붙이세요.',
        suggestion: 'src',
      });
      expect(errorPaths((s) => (s.questions[0].sources = ['nothing-like-it']))).toEqual(['questions[0].sources[0]']);
      expect(errorPaths((s) => (s.questions[0].sources = []))).toEqual(['questions[0].sources']);
      const noIds = survey();
      delete noIds.sources[0].id;
      noIds.questions[0].sources = ['src'];
      expect(errors(check(noIds))[0]).toMatchObject({ path: 'questions[0].sources[0]', fix: '인용할 출처에 "id": "…"를 붙이세요.' });
    });
  });

  describe('base: a whole number above 0, at most sample.n; under 30 warns', () => {
    it('accepts base equal to sample.n, rejects one more', () => {
      expect(check(withStaff({ one: 64, 'two-plus': 36 }, { base: 100 }))).toEqual([]);
      expect(errors(check(withStaff({ one: 64, 'two-plus': 36 }, { base: 101 })))).toEqual([
        {
          level: 'error',
          file: FILE,
          path: 'questions[0].base',
          message: '101(으)로 sample.n(100)보다 많습니다.',
          expected: 'sample.n(100) 이하',
          fix: '기준 수(base)나 표본 수(sample.n)를 원자료와 맞춰 보세요.',
        },
      ]);
    });
    it('rejects 0, a fraction and text', () => {
      for (const base of [0, 12.5, '50']) expect(errorPaths((s) => (s.questions[0].base = base))).toEqual(['questions[0].base']);
    });
    it('does not warn at 30, warns (without failing) at 29', () => {
      expect(check(withStaff({ one: 64, 'two-plus': 36 }, { base: 30 }))).toEqual([]);
      const issues = check(withStaff({ one: 64, 'two-plus': 36 }, { base: 29 }));
      expect(errors(issues)).toEqual([]);
      expect(warnings(issues)).toEqual([
        {
          level: 'warning',
          file: FILE,
          path: 'questions[0].base',
          message: '기준 29곳: 30 미만의 소표본입니다.',
          fix: '페이지에 "소표본"으로 표시됩니다. 원자료의 수치가 맞다면 고칠 것은 없습니다.',
        },
      ]);
    });
    it('warns once about a sample.n under 30 for the questions without a base', () => {
      const s = survey();
      s.sample.n = 30;
      delete s.questions[0].base;
      expect(check(s)).toEqual([]);
      s.sample.n = 29;
      const issues = check(s);
      expect(errors(issues)).toEqual([]);
      // Three questions without a base, one warning.
      expect(warnings(issues).map((i) => `${i.path}: ${i.message}`)).toEqual(['sample.n: 표본 29곳: 30 미만의 소표본입니다.']);
    });
  });

  describe('choice questions', () => {
    it('shares: numbers from 0 to 100', () => {
      expect(errorPaths((s) => (s.questions[1].results = { blog: 100, twitter: 0 }))).toEqual([]);
      expect(errorPaths((s) => (s.questions[1].results = { blog: 80, twitter: -0.1 }))).toEqual(['questions[1].results.twitter']);
      expect(errorPaths((s) => (s.questions[1].results = { blog: 100.1, twitter: 70 }))).toEqual(['questions[1].results.blog']);
      const [issue] = errors(check(withStaff({ one: '64', 'two-plus': 36 })));
      expect(issue).toMatchObject({
        path: 'questions[0].results.one',
        message: '"64"은(는) 따옴표로 감싼 글자입니다.',
        expected: '기준 응답자 중 비율 (0~100의 숫자)',
      });
    });
    it('results name options, and an unknown one gets a suggestion', () => {
      const found = errors(check(withStaff({ one: 64, two: 36 }, { partial: true })));
      expect(found).toEqual([
        {
          level: 'error',
          file: FILE,
          path: 'questions[0].results.two',
          message: '"two"은(는) 이 문항의 선택지가 아닙니다.',
          expected: '선택지 id: one, two-plus',
          suggestion: 'two-plus',
        },
      ]);
      expect(jsonPath(['questions', 0, 'results', 'two plus'])).toBe('questions[0].results["two plus"]');
    });
    it('every option has a share unless the question is partial', () => {
      expect(errors(check(withStaff({ one: 100 })))).toEqual([
        {
          level: 'error',
          file: FILE,
          path: 'questions[0].results',
          message: '선택지 "two-plus"의 비율이 없습니다.',
          expected: '선택지마다 비율',
          fix: '비율을 적거나, 일부 답만 보고된 문항이면 "partial": true를 쓰세요.',
        },
      ]);
      expect(errors(check(withStaff({ one: 31 }, { partial: true })))).toEqual([]);
    });
    it('a single-choice question sums to 100 ± 0.5: 99.5 and 100.5 pass, 99.4 and 100.6 fail', () => {
      expect(errors(check(withStaff({ one: 49.5, 'two-plus': 50 })))).toEqual([]);
      expect(errors(check(withStaff({ one: 50.5, 'two-plus': 50 })))).toEqual([]);
      for (const [one, total] of [
        [49.4, '99.4'],
        [50.6, '100.6'],
      ] as const) {
        const [issue, ...rest] = errors(check(withStaff({ one, 'two-plus': 50 })));
        expect(rest).toEqual([]);
        expect(issue).toMatchObject({ path: 'questions[0].results', message: `단일 선택 문항의 비율 합이 ${total}입니다.` });
      }
    });
    it('a partial single-choice question sums to at most 100.5', () => {
      expect(errors(check(withStaff({ one: 50.5, 'two-plus': 50 }, { partial: true })))).toEqual([]);
      const [issue, ...rest] = errors(check(withStaff({ one: 50.6, 'two-plus': 50 }, { partial: true })));
      expect(rest).toEqual([]);
      expect(issue).toMatchObject({ path: 'questions[0].results', message: '단일 선택 문항의 비율 합이 100.6입니다.', expected: '100 이하 (반올림 오차 0.5까지)' });
    });
    it('does not add up shares that are not percentages', () => {
      expect(errorPaths((s) => (s.questions[0].results = { one: 164, 'two-plus': 36 }))).toEqual(['questions[0].results.one']);
    });
    it('lets a multi-choice question sum past 100', () => {
      expect(errorPaths((s) => (s.questions[1].results = { blog: 90, twitter: 90 }))).toEqual([]);
    });
    it('"partial" is true or false', () => {
      expect(errorPaths((s) => (s.questions[0].partial = 'yes'))).toEqual(['questions[0].partial']);
    });
    it('options: at least one { "id", "label" }', () => {
      expect(errorPaths((s) => (s.questions[1].options = []))).toEqual(['questions[1].options', 'questions[1].results.blog', 'questions[1].results.twitter']);
      expect(errorPaths((s) => (s.questions[1].options[0].label = ''))).toEqual(['questions[1].options[0].label']);
    });
  });

  describe('numeric questions', () => {
    it('a unit, and a mean or median of 0 or more', () => {
      expect(errorPaths((s) => (s.questions[2].results = { median: 0 }))).toEqual([]);
      expect(errorPaths((s) => (s.questions[2].results = { mean: -0.1 }))).toEqual(['questions[2].results.mean']);
      expect(errorPaths((s) => (s.questions[2] = { id: 'accounts', text: '계정 수', type: 'numeric', results: { average: 4 } }))).toEqual([
        'questions[2].unit',
        'questions[2].results.average',
        'questions[2].results',
      ]);
      const [empty] = errors(check({ ...survey(), questions: [{ ...survey().questions[2], results: {} }] }));
      expect(empty).toMatchObject({ path: 'questions[0].results', message: '"mean"도 "median"도 없습니다.', expected: '"mean"(평균)과 "median"(중앙값) 중 하나 이상' });
    });
  });

  describe('what the source said: method, unit, remainder, approximate figures', () => {
    it('method: a questionnaire or an observation', () => {
      expect(errorPaths((s) => (s.method = 'observation'))).toEqual([]);
      expect(errorPaths((s) => (s.method = 'questionnaire'))).toEqual([]);
      const [issue] = errors(check({ ...survey(), method: 'survey' }));
      expect(issue).toMatchObject({ path: 'method', message: '"survey"입니다.', expected: expect.stringContaining('"observation"') });
    });
    it('sample.unit: a Korean counter; nPrecision: exact, about or at-least', () => {
      for (const unit of ['곳', '명', '개사', '개 계정']) expect(errorPaths((s) => (s.sample.unit = unit))).toEqual([]);
      for (const unit of ['', 'people', '명 ', '200명', '아주아주아주긴단위이름']) expect(errorPaths((s) => (s.sample.unit = unit))).toEqual(['sample.unit']);
      for (const p of ['exact', 'about', 'at-least']) expect(errorPaths((s) => (s.sample.nPrecision = p))).toEqual([]);
      expect(errorPaths((s) => (s.sample.nPrecision = 'approx'))).toEqual(['sample.nPrecision']);
    });
    it('counts warnings in the sample unit', () => {
      const s = withStaff({ one: 64, 'two-plus': 36 }, { base: 12 });
      s.sample.unit = '명';
      expect(warnings(check(s)).map((i) => i.message)).toEqual(['기준 12명: 30 미만의 소표본입니다.']);
    });
    const uses = (extra: Record<string, unknown>) => {
      const s = survey();
      s.questions[0] = { id: 'uses', text: '소셜미디어를 씁니까?', type: 'single', base: 42, options: [{ id: 'yes', label: '이용함' }], results: { yes: 75 }, ...extra };
      return s;
    };
    it('remainder: a named answer for what the shares leave, on a single-choice question', () => {
      expect(errors(check(uses({ remainder: { id: 'no', label: '이용하지 않음' } })))).toEqual([]);
      // It implies partial: the option's share alone need not add up to 100.
      expect(errors(check(uses({ remainder: { id: 'no', label: '이용하지 않음' }, partial: true })))).toEqual([]);
      expect(errorPaths((s) => Object.assign(s, uses({ remainder: { id: 'No', label: '' } })))).toEqual(['questions[0].remainder.id', 'questions[0].remainder.label']);
      expect(errorPaths((s) => Object.assign(s, uses({ remainder: { id: 'yes', label: '또' } })))).toEqual(['questions[0].remainder.id']);
    });
    it('remainder: never on a multi-choice question, never written in results, never when nothing is left', () => {
      const [multi] = errors(check(uses({ type: 'multi', remainder: { id: 'no', label: '없음' } })));
      expect(multi).toMatchObject({ path: 'questions[0].remainder', message: '복수 선택 문항에 "remainder"가 있습니다.' });
      const [written] = errors(check(uses({ remainder: { id: 'no', label: '이용하지 않음' }, results: { yes: 75, no: 25 } })));
      expect(written).toMatchObject({ path: 'questions[0].results.no', message: '"no"은(는) 나머지 답(remainder)입니다.' });
      const [full] = errors(check(uses({ remainder: { id: 'no', label: '이용하지 않음' }, results: { yes: 99.6 } })));
      expect(full).toMatchObject({ path: 'questions[0].remainder', message: '선택지 비율 합이 99.6이라 나머지 답에 남는 비율이 없습니다.' });
      expect(errors(check(uses({ remainder: { id: 'no', label: '이용하지 않음' }, results: { yes: 99.4 } })))).toEqual([]);
    });
    it('approximate: ids of reported figures, each once', () => {
      expect(errors(check(uses({ approximate: ['yes'], partial: true })))).toEqual([]);
      const [unknown] = errors(check(uses({ approximate: ['yse'], partial: true })));
      expect(unknown).toMatchObject({ path: 'questions[0].approximate[0]', suggestion: 'yes' });
      expect(errorPaths((s) => Object.assign(s, uses({ approximate: ['yes', 'yes'], partial: true })))).toEqual(['questions[0].approximate[1]']);
      expect(errorPaths((s) => Object.assign(s, uses({ approximate: [], partial: true })))).toEqual(['questions[0].approximate']);
      expect(errorPaths((s) => (s.questions[2].approximate = ['mean']))).toEqual([]);
      expect(errorPaths((s) => (s.questions[2].approximate = ['median']))).toEqual(['questions[2].approximate[0]']);
    });
  });

  describe('the rest of the file', () => {
    it('rejects an unknown question type, and still checks its id and text', () => {
      const [issue] = errors(check(withStaff({ one: 64, 'two-plus': 36 }, { type: 'choice' })));
      expect(issue).toMatchObject({
        path: 'questions[0].type',
        message: '"choice"입니다.',
        expected: '"single"(답 하나), "multi"(여러 답) 또는 "numeric"(숫자)',
      });
      expect(errorPaths((s) => Object.assign(s.questions[0], { type: undefined, id: 'Staff', text: '' }))).toEqual([
        'questions[0].type',
        'questions[0].id',
        'questions[0].text',
      ]);
    });
    it('rejects something that is not a survey at all', () => {
      expect(errors(check([1, 2]))).toEqual([
        { level: 'error', file: FILE, path: '', message: '[1,2]은(는) [ ] 목록입니다.', expected: expect.stringContaining('설문 {') },
      ]);
      expect(errors(check({})).map((i) => `${i.path}: ${i.message}`)).toEqual([
        'title: 필드가 없습니다.',
        'publisher: 필드가 없습니다.',
        'year: 필드가 없습니다.',
        'sample: 필드가 없습니다.',
        'sources: 필드가 없습니다.',
        'questions: 필드가 없습니다.',
      ]);
      expect(errorPaths((s) => (s.questions = []))).toEqual(['questions']);
      expect(errorPaths((s) => (s.questions[1] = 'channels'))).toEqual(['questions[1]']);
    });
  });
});

describe('validateBenchmark', () => {
  const BFILE = 'content/benchmarks/test.json';
  const benchmark = (answers: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    survey: 'test',
    organization: '다온에듀',
    asOf: '2010-08-10',
    answers,
    ...extra,
  });
  const check = (b: unknown) => validateBenchmark(b, survey(), BFILE, ['test']);
  const paths = (b: unknown) => check(b).map((i) => i.path);

  it('accepts answers that fit each question type', () => {
    expect(check(benchmark({ staff: 'one', channels: ['blog', 'twitter'], accounts: 1 }, { notes: { staff: '혼자 합니다.' } }))).toEqual([]);
    expect(check(benchmark({}, { $schema: '../../.astro/collections/benchmarks.schema.json' }))).toEqual([]);
  });
  it('single: one option id, not a list and not an unknown id', () => {
    expect(check(benchmark({ staff: ['one'] }))).toEqual([
      {
        level: 'error',
        file: BFILE,
        path: 'answers.staff',
        message: '["one"]은(는) [ ] 목록입니다.',
        expected: '단일 선택 문항이라 선택지 id 하나 (선택지: one, two-plus)',
      },
    ]);
    expect(check(benchmark({ staff: 'two' }))).toEqual([
      {
        level: 'error',
        file: BFILE,
        path: 'answers.staff',
        message: '"two"은(는) 문항 "staff"의 선택지가 아닙니다.',
        expected: '선택지 id: one, two-plus',
        suggestion: 'two-plus',
      },
    ]);
    expect(check(benchmark({ staff: 'three' }))[0]?.suggestion).toBeUndefined();
  });
  it('single: the named remainder is an answer too, and is listed with the options', () => {
    const s = survey();
    s.questions[0] = { id: 'uses', text: '씁니까?', type: 'single', options: [{ id: 'yes', label: '이용함' }], results: { yes: 75 }, remainder: { id: 'no', label: '이용하지 않음' } };
    const against = (b: unknown) => validateBenchmark(b, s, BFILE, ['test']);
    expect(against(benchmark({ uses: 'no' }))).toEqual([]);
    expect(against(benchmark({ uses: 'yes' }))).toEqual([]);
    expect(against(benchmark({ uses: 'non' }))[0]).toMatchObject({ expected: '선택지 id: yes, no', suggestion: 'no' });
  });
  it('multi: a non-empty list of distinct option ids', () => {
    expect(paths(benchmark({ channels: 'blog' }))).toEqual(['answers.channels']);
    expect(paths(benchmark({ channels: [] }))).toEqual(['answers.channels']);
    expect(check(benchmark({ channels: ['blog', 'blg'] }))).toEqual([
      expect.objectContaining({ path: 'answers.channels[1]', message: '"blg"은(는) 문항 "channels"의 선택지가 아닙니다.', suggestion: 'blog' }),
    ]);
    expect(check(benchmark({ channels: ['blog', 'blog'] }))).toEqual([
      expect.objectContaining({ path: 'answers.channels[1]', message: '"blog"이(가) 두 번 있습니다.', expected: '선택지마다 한 번' }),
    ]);
    expect(paths(benchmark({ channels: ['blog', 3, 'blog'] }))).toEqual(['answers.channels[1]', 'answers.channels[2]']);
  });
  it('numeric: a number, 0 or more', () => {
    expect(check(benchmark({ accounts: 0 }))).toEqual([]);
    expect(check(benchmark({ accounts: -1 }))).toEqual([
      { level: 'error', file: BFILE, path: 'answers.accounts', message: '-1입니다.', expected: '0 이상의 숫자 (단위: 개)' },
    ]);
    expect(check(benchmark({ accounts: '1' }))[0]?.message).toBe('"1"은(는) 따옴표로 감싼 글자입니다.');
  });
  it('an answer that is no kind of answer', () => {
    expect(paths(benchmark({ staff: true, channels: { blog: 1 } }))).toEqual(['answers.staff', 'answers.channels']);
  });
  it('rejects answers and notes for questions the survey does not have, suggesting the near one', () => {
    expect(check(benchmark({ nope: 'one', chanels: ['blog'] }, { notes: { staf: '메모' } })).map((i) => formatIssue(i))).toEqual([
      'content/benchmarks/test.json: answers.nope: "nope"은(는) 설문 "test"의 문항이 아닙니다. 기대: 문항 id: staff, channels, accounts',
      'content/benchmarks/test.json: answers.chanels: "chanels"은(는) 설문 "test"의 문항이 아닙니다. 기대: 문항 id: staff, channels, accounts 혹시 "channels"?',
      'content/benchmarks/test.json: notes.staf: "staf"은(는) 설문 "test"의 문항이 아닙니다. 기대: 문항 id: staff, channels, accounts 혹시 "staff"?',
    ]);
    expect(paths(benchmark({}, { notes: { staff: ' ' } }))).toEqual(['notes.staff']);
  });
  it('names the known surveys when the survey does not exist, and the near one', () => {
    const issues = validateBenchmark(benchmark({ staff: 'one' }, { survey: 'kicom2010' }), undefined, BFILE, ['kicom-2010', 'thepr-2010']);
    expect(issues).toEqual([
      {
        level: 'error',
        file: BFILE,
        path: 'survey',
        message: '"kicom2010"은(는) 등록된 설문이 아닙니다.',
        expected: 'content/surveys/ 폴더의 설문 id: kicom-2010, thepr-2010',
        fix: 'id를 고치거나 content/surveys/kicom2010.json 파일을 만드세요.',
        suggestion: 'kicom-2010',
      },
    ]);
    expect(validateBenchmark(benchmark({}, { survey: 'missing' }), undefined, BFILE, ['kicom-2010'])[0]?.suggestion).toBeUndefined();
  });
  it('requires organization, a day for asOf, and answers by question', () => {
    expect(paths(benchmark({}, { asOf: '2010-08-31' }))).toEqual([]);
    expect(paths(benchmark({}, { organization: '', asOf: '2010-8-10' }))).toEqual(['organization', 'asOf']);
    expect(paths(benchmark({}, { asOf: '2010-08' }))).toEqual(['asOf']);
    expect(paths(benchmark([] as never))).toEqual(['answers']);
    expect(paths({ ...benchmark({}), survey: '', extra: 1 })).toEqual(['survey', 'extra']);
  });
});
