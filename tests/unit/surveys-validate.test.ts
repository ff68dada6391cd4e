import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
const withStaff = (results: Record<string, number>, extra: Record<string, unknown> = {}) => {
  const s = survey();
  Object.assign(s.questions[0], { results, ...extra });
  return s;
};

describe('validateSurvey', () => {
  it('accepts a valid survey', () => {
    expect(check(survey())).toEqual([]);
  });

  it('formats messages as docs/content.md shows: file, JSON path, what was expected', () => {
    const s = survey();
    s.questions.unshift({ ...s.questions[1], id: 'first' });
    s.questions[1].results = { one: 76, 'two-plus': 36 };
    const [issue] = errors(check(s));
    expect(formatIssue(issue!)).toBe(
      'content/surveys/test.json: questions[1].results: shares of a single-choice question sum to 112.0 (expected 100 +/- 0.5, or set "partial": true)',
    );
  });

  it('reports every violation of a file at once', () => {
    const s = survey();
    s.questions[0].base = 101;
    s.questions[0].results = { one: 64, 'two-plus': 36, three: 5 };
    s.questions[1].options.push({ id: 'blog', label: '또 블로그' });
    s.sources[0].provenance = 'rumour';
    const found = errors(check(s));
    expect(found.map((i) => i.path)).toEqual(
      expect.arrayContaining(['sources[0].provenance', 'questions[0].base', 'questions[0].results.three', 'questions[1].options[2].id']),
    );
    expect(found.every((i) => i.file === FILE)).toBe(true);
  });

  describe('shares within 0-100', () => {
    it('accepts 0 and 100', () => {
      const s = survey();
      s.questions[1].results = { blog: 100, twitter: 0 };
      expect(errors(check(s))).toEqual([]);
    });
    it('rejects a share below 0', () => {
      const s = survey();
      s.questions[1].results = { blog: 80, twitter: -0.1 };
      expect(errors(check(s)).map((i) => i.path)).toEqual(['questions[1].results.twitter']);
    });
    it('rejects a share above 100', () => {
      const s = survey();
      s.questions[1].results = { blog: 100.1, twitter: 70 };
      expect(errors(check(s)).map((i) => i.path)).toEqual(['questions[1].results.blog']);
    });
    it('rejects a share that is not a number', () => {
      expect(errors(check(withStaff({ one: '64' as never, 'two-plus': 36 }))).map((i) => i.path)).toContain('questions[0].results.one');
    });
  });

  describe('a single-choice question sums to 100 +/- 0.5', () => {
    it('accepts 99.5 and 100.5', () => {
      expect(errors(check(withStaff({ one: 49.5, 'two-plus': 50 })))).toEqual([]);
      expect(errors(check(withStaff({ one: 50.5, 'two-plus': 50 })))).toEqual([]);
    });
    it('rejects 99.4 and 100.6', () => {
      for (const one of [49.4, 50.6]) {
        const [issue, ...rest] = errors(check(withStaff({ one, 'two-plus': 50 })));
        expect(rest).toEqual([]);
        expect(issue?.path).toBe('questions[0].results');
        expect(issue?.message).toMatch(/sum to (99\.4|100\.6) \(expected 100 \+\/- 0\.5, or set "partial": true\)/);
      }
    });
    it('accepts a partial question that sums to less', () => {
      expect(errors(check(withStaff({ one: 31 }, { partial: true })))).toEqual([]);
    });
    it('rejects a partial question above 100.5 but accepts 100.5', () => {
      expect(errors(check(withStaff({ one: 50.5, 'two-plus': 50 }, { partial: true })))).toEqual([]);
      expect(errors(check(withStaff({ one: 50.6, 'two-plus': 50 }, { partial: true })))).toHaveLength(1);
    });
    it('requires a share for every option unless partial', () => {
      expect(errors(check(withStaff({ one: 100 }))).map((i) => i.message)).toEqual([
        'option "two-plus" has no share; expected a share for every option, or set "partial": true',
      ]);
    });
    it('lets a multi-choice question sum past 100', () => {
      const s = survey();
      s.questions[1].results = { blog: 90, twitter: 90 };
      expect(errors(check(s))).toEqual([]);
    });
    it('rejects "partial" that is not true or false', () => {
      expect(errors(check(withStaff({ one: 64, 'two-plus': 36 }, { partial: 'yes' }))).map((i) => i.path)).toEqual(['questions[0].partial']);
    });
  });

  describe('option and question ids', () => {
    it('rejects a duplicate option id', () => {
      const s = survey();
      s.questions[0].options[1].id = 'one';
      expect(errors(check(s)).map((i) => i.path)).toContain('questions[0].options[1].id');
    });
    it('rejects a result key that is not an option', () => {
      const found = errors(check(withStaff({ one: 64, two: 36 }, { partial: true })));
      expect(found.map((i) => `${i.path}: ${i.message}`)).toEqual(['questions[0].results.two: "two" is not an option of this question (options: one, two-plus)']);
    });
    it('rejects a duplicate question id', () => {
      const s = survey();
      s.questions[2].id = 'staff';
      expect(errors(check(s)).map((i) => i.message)).toEqual(['"staff" is already the id of questions[0]; expected unique question ids']);
    });
    it('rejects an id with spaces or capitals', () => {
      const s = survey();
      s.questions[0].options[0].id = 'One Person';
      expect(errors(check(s)).map((i) => i.path)).toContain('questions[0].options[0].id');
    });
    it('quotes keys that are not plain words in the path', () => {
      expect(jsonPath(['questions', 1, 'results', 'two-plus'])).toBe('questions[1].results["two-plus"]');
    });
  });

  describe('base <= sample.n, warning under 30', () => {
    it('accepts base equal to n', () => {
      expect(check(withStaff({ one: 64, 'two-plus': 36 }, { base: 100 }))).toEqual([]);
    });
    it('rejects base above n', () => {
      const found = errors(check(withStaff({ one: 64, 'two-plus': 36 }, { base: 101 })));
      expect(found.map((i) => `${i.path}: ${i.message}`)).toEqual(['questions[0].base: 101 is more than sample.n (100); expected base <= sample.n']);
    });
    it('warns, without failing, below 30 respondents', () => {
      const issues = check(withStaff({ one: 64, 'two-plus': 36 }, { base: 29 }));
      expect(errors(issues)).toEqual([]);
      expect(warnings(issues).map((i) => i.path)).toEqual(['questions[0].base']);
      expect(warnings(issues)[0]?.message).toContain('소표본');
    });
    it('does not warn at 30', () => {
      expect(check(withStaff({ one: 64, 'two-plus': 36 }, { base: 30 }))).toEqual([]);
    });
    it('warns when the whole sample is under 30 and a question gives no base', () => {
      const s = survey();
      s.sample.n = 29;
      delete s.questions[0].base;
      expect(errors(check(s))).toEqual([]);
      expect(warnings(check(s)).length).toBeGreaterThan(0);
    });
  });

  describe('the rest of the file', () => {
    it('rejects an unknown field (a typo would be ignored silently)', () => {
      expect(errors(check(withStaff({ one: 64, 'two-plus': 36 }, { parital: true }))).map((i) => i.path)).toEqual(['questions[0].parital']);
    });
    it('rejects an unknown provenance and a missing url', () => {
      const s = survey();
      s.sources[0].provenance = 'blog';
      delete s.sources[0].url;
      expect(errors(check(s)).map((i) => i.path)).toEqual(['sources[0].url', 'sources[0].provenance']);
    });
    it('rejects a question citing a source id that does not exist', () => {
      const s = survey();
      s.questions[0].sources = ['src', 'nope'];
      expect(errors(check(s)).map((i) => i.path)).toEqual(['questions[0].sources[1]']);
    });
    it('accepts fieldwork given in months and ending the day it starts; rejects one ending before it starts', () => {
      const s = survey();
      s.fieldwork = { start: '2009-11', end: '2010-01' };
      expect(check(s)).toEqual([]);
      s.fieldwork = { start: '2010-03-01', end: '2010-03-01' };
      expect(check(s)).toEqual([]);
      s.fieldwork = { start: '2010-03-02', end: '2010-03-01' };
      expect(errors(check(s)).map((i) => i.path)).toEqual(['fieldwork']);
    });
    it('requires a unit and mean or median on a numeric question', () => {
      const s = survey();
      s.questions[2] = { id: 'accounts', text: '계정 수', type: 'numeric', results: { average: 4 } };
      expect(errors(check(s)).map((i) => i.path)).toEqual(['questions[2].unit', 'questions[2].results.average']);
    });
    it('rejects an unknown question type', () => {
      const s = survey();
      s.questions[0].type = 'choice';
      expect(errors(check(s)).map((i) => i.path)).toEqual(['questions[0].type']);
    });
    it('rejects something that is not a survey at all', () => {
      expect(errors(check([1, 2]))).toHaveLength(1);
      expect(errors(check({})).map((i) => i.path)).toEqual(['title', 'publisher', 'year', 'sample', 'sources', 'questions']);
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
  });
  it('single: one option id, not a list and not an unknown id', () => {
    expect(paths(benchmark({ staff: ['one'] }))).toEqual(['answers.staff']);
    expect(check(benchmark({ staff: 'three' }))[0]?.message).toBe('"three" is not an option of question "staff" (options: one, two-plus)');
  });
  it('multi: a non-empty list of distinct option ids', () => {
    expect(paths(benchmark({ channels: 'blog' }))).toEqual(['answers.channels']);
    expect(paths(benchmark({ channels: [] }))).toEqual(['answers.channels']);
    expect(paths(benchmark({ channels: ['blog', 'myspace'] }))).toEqual(['answers.channels[1]']);
    expect(paths(benchmark({ channels: ['blog', 'blog'] }))).toEqual(['answers.channels[1]']);
  });
  it('numeric: a number, 0 or more', () => {
    expect(check(benchmark({ accounts: 0 }))).toEqual([]);
    expect(paths(benchmark({ accounts: '1' }))).toEqual(['answers.accounts']);
    expect(paths(benchmark({ accounts: -1 }))).toEqual(['answers.accounts']);
  });
  it('rejects answers and notes for questions the survey does not have', () => {
    expect(check(benchmark({ nope: 'one' }, { notes: { other: '메모' } })).map((i) => formatIssue(i))).toEqual([
      'content/benchmarks/test.json: answers.nope: "nope" is not a question of survey "test" (questions: staff, channels, accounts)',
      'content/benchmarks/test.json: notes.other: "other" is not a question of survey "test" (questions: staff, channels, accounts)',
    ]);
  });
  it('names the known surveys when the survey does not exist', () => {
    const issues = validateBenchmark(benchmark({ staff: 'one' }, { survey: 'missing' }), undefined, BFILE, ['kicom-2010', 'thepr-2010']);
    expect(issues.map((i) => i.message)).toEqual([
      '"missing" is not a survey (known: kicom-2010, thepr-2010). Add content/surveys/missing.json or fix the id.',
    ]);
  });
  it('requires organization and a day for asOf', () => {
    expect(paths(benchmark({}, { organization: '', asOf: '2010-8-10' }))).toEqual(['organization', 'asOf']);
  });
});

describe('example content', () => {
  const dir = join(import.meta.dirname, '../../content');
  const ids = readdirSync(join(dir, 'surveys')).filter((f) => f.endsWith('.json'));
  const read = (path: string) => JSON.parse(readFileSync(join(dir, path), 'utf8')) as any;

  it('has at least three surveys, all valid', () => {
    expect(ids.length).toBeGreaterThanOrEqual(3);
    for (const file of ids) expect(errors(validateSurvey(read(`surveys/${file}`), file))).toEqual([]);
  });
  it('has valid benchmarks for the example company', () => {
    const benchmarks = readdirSync(join(dir, 'benchmarks')).filter((f) => f.endsWith('.json'));
    expect(benchmarks.length).toBeGreaterThan(0);
    for (const file of benchmarks) {
      const b = read(`benchmarks/${file}`);
      expect(validateBenchmark(b, read(`surveys/${b.survey}.json`), file)).toEqual([]);
    }
  });
});
