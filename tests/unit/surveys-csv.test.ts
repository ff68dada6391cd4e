import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, surveyToCsv } from '@/lib/surveys/csv';
import type { Benchmark, Survey } from '@/lib/surveys/types';
import { formatRowIssue, importSurveyCsv, surveyJson, surveyMeta, type SurveyMeta } from '../../scripts/lib/survey-csv-import.ts';
import { COMMAND, importArgsFor, parseImportArgs } from '../../scripts/lib/survey-import-args.ts';

const root = join(import.meta.dirname, '../..');
const surveysDir = join(root, 'content/surveys');
const examples = readdirSync(surveysDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ id: f.slice(0, -5), text: readFileSync(join(surveysDir, f), 'utf8') }));

const tricky: Survey = {
  title: '따옴표 "와" 쉼표, 줄바꿈',
  publisher: '발행처',
  year: 2011,
  sample: { n: 10, population: '열 곳' },
  sources: [{ id: 's', title: 'a|b 제목', url: 'https://example.com/?a=1&b=2', provenance: 'secondhand', note: '메모' }],
  questions: [
    {
      id: 'q',
      text: '질문, "인용"\n둘째 줄',
      type: 'single',
      base: 9,
      partial: true,
      sources: ['s'],
      options: [
        { id: 'a', label: '</script><script>alert(1)</script>' },
        { id: 'b', label: '보고 안 된 항목' },
      ],
      results: { a: 12.5 },
    },
    { id: 'n', text: '평균 몇 개?', type: 'numeric', unit: '개', results: { mean: 4.2, median: 3 } },
  ],
};

describe('surveyToCsv', () => {
  it('writes RFC 4180 CSV with a UTF-8 BOM, CRLF line ends and the documented columns', () => {
    const csv = surveyToCsv('t', tricky);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(`\uFEFF${CSV_COLUMNS.join(',')}`);
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual({
      survey: 't',
      question_id: 'q',
      question: '질문, "인용"\n둘째 줄',
      option_id: 'a',
      option: '</script><script>alert(1)</script>',
      share_pct: '12.5',
      base: '9',
      company_answer: '',
    });
    expect(rows[1]?.share_pct).toBe('');
    expect(rows.slice(2).map((r) => [r.option_id, r.share_pct])).toEqual([
      ['mean', '4.2'],
      ['median', '3'],
    ]);
  });

  it("marks the organisation's answers", () => {
    const benchmark: Benchmark = { survey: 't', organization: '다온에듀', asOf: '2010-08-10', answers: { q: 'b', n: 1 } };
    const rows = parse(surveyToCsv('t', tricky, benchmark), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.company_answer)).toEqual(['0', '1', '1', '1']);
  });
});

describe('export then import gives back the same survey', () => {
  it.each(examples)('$id', ({ id, text }) => {
    const survey = JSON.parse(text) as Survey;
    const result = importSurveyCsv(surveyToCsv(id, survey), id, surveyMeta(survey));
    expect(result.rowIssues).toEqual([]);
    expect(result.issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(result.survey).toEqual(survey);
    // Byte for byte: the example files are kept in the importer's form.
    expect(surveyJson(result.survey!)).toBe(text);
  });

  it('with quotes, commas, new lines, unreported options and numeric questions', () => {
    const result = importSurveyCsv(surveyToCsv('t', tricky), 't', surveyMeta(tricky));
    expect(result.rowIssues).toEqual([]);
    expect(result.survey).toEqual(tricky);
  });

  it('through the command-line flags (importArgsFor -> parseImportArgs)', () => {
    for (const survey of [tricky, ...examples.map((e) => JSON.parse(e.text) as Survey)]) {
      const parsed = parseImportArgs(importArgsFor('t', survey));
      expect(parsed.errors).toEqual([]);
      const result = importSurveyCsv(surveyToCsv('t', survey), 't', parsed.options!.meta);
      expect(result.survey).toEqual(survey);
    }
  });
});

describe('importSurveyCsv reports each bad row with line and column', () => {
  const meta: SurveyMeta = { ...surveyMeta(tricky), questions: {} };
  const header = CSV_COLUMNS.join(',');
  const run = (lines: string[]) => importSurveyCsv([header, ...lines].join('\r\n'), 't', meta, 'in.csv');

  it('a share that is not a percentage, a bad base, and a row of another survey', () => {
    const result = run(['t,q,질문,a,가,abc,9,', 't,q,,b,나,101,,', 'other,q,,c,다,5,x,']);
    expect(result.rowIssues.map((i) => `${i.line}:${i.column}`)).toEqual(['2:share_pct', '3:share_pct', '4:survey', '4:base']);
    expect(result.survey).toBeUndefined();
    // In Korean: what was found, what is expected, how to fix it.
    expect(result.rowIssues[0]).toMatchObject({
      message: '"abc"은(는) 비율이 아닙니다.',
      expected: '0~100 사이의 숫자 (예: 42.5), 비어 있으면 보고되지 않음',
      fix: expect.stringContaining('보고되지 않은 선택지는 칸을 비우세요'),
    });
    expect(result.rowIssues[1]?.message).toBe('101은(는) 0~100 밖의 비율입니다.');
    expect(result.rowIssues[2]).toMatchObject({ message: '"other"은(는) 가져오는 설문 "t"이(가) 아닙니다.', expected: '"t" 또는 빈 칸' });
    expect(result.rowIssues[3]).toMatchObject({ message: '"x"은(는) 응답자 수가 아닙니다.', expected: expect.stringContaining('1 이상의 정수') });
  });
  it('prints each as a block: file:line · column, found, expected, fix', () => {
    const [issue] = run(['t,q,질문,a,가,abc,,', 't,q,,b,나,50,,']).rowIssues;
    expect(formatRowIssue('survey.csv', issue!).split('\n')).toEqual([
      '오류 survey.csv:2 · column "share_pct"',
      '  문제: "abc"은(는) 비율이 아닙니다.',
      '  기대: 0~100 사이의 숫자 (예: 42.5), 비어 있으면 보고되지 않음',
      '  고치는 법: 퍼센트 숫자만 쓰세요 ("42.5" 또는 "42.5%"). 보고되지 않은 선택지는 칸을 비우세요.',
    ]);
  });
  it('a question whose text changes between rows, and a repeated option', () => {
    const result = run(['t,q,질문,a,가,50,,', 't,q,다른 질문,b,나,50,,', 't,q,,a,가,1,,']);
    expect(result.rowIssues.map((i) => `${i.line}:${i.column}`)).toEqual(['3:question', '4:option_id']);
  });
  it('counts lines of multi-line cells', () => {
    const result = run(['t,q,"두 줄\n질문",a,가,50,,', 't,q,,b,나,oops,,']);
    expect(result.rowIssues).toEqual([expect.objectContaining({ line: 4, column: 'share_pct' })]);
  });
  it('a missing or unknown column, with the column probably meant', () => {
    const result = importSurveyCsv('question_id,question,option_id,share,base\r\nq,질문,a,5,', 't', meta);
    expect(result.rowIssues.map((i) => `${i.line}:${i.column}`)).toEqual(['1:share', '1:option', '1:share_pct']);
    expect(result.rowIssues[0]).toMatchObject({ message: '"share"은(는) 알 수 없는 열입니다.', suggestion: 'share_pct' });
    expect(result.rowIssues[2]).toMatchObject({ message: '"share_pct" 열이 없습니다.', expected: `머리글 줄: ${CSV_COLUMNS.join(',')}` });
  });
  it('a question named in the options but without rows, with the id probably meant', () => {
    const result = importSurveyCsv([CSV_COLUMNS.join(','), 't,q,질문,a,가,100,,'].join('\r\n'), 't', { ...meta, questions: { qq: { partial: true } } });
    expect(result.rowIssues).toEqual([expect.objectContaining({ line: 1, suggestion: 'q', expected: 'CSV의 문항 id: q' })]);
  });
  it('then the survey rules, with the line where the question starts', () => {
    const result = run(['t,q,질문,a,가,60,,', 't,q,,b,나,60,,']);
    expect(result.rowIssues).toEqual([]);
    expect(result.issues.filter((i) => i.level === 'error').map((i) => i.path)).toEqual(['questions[0].results']);
    expect(result.questionLines).toEqual([2]);
  });
  it('accepts "12.5%" and a decimal comma', () => {
    const result = run(['t,q,질문,a,가,12.5%,,', 't,q,,b,나,"87,5",,']);
    expect(result.rowIssues).toEqual([]);
    expect(result.survey?.questions[0]).toMatchObject({ results: { a: 12.5, b: 87.5 } });
  });
  it('rejects a thousands separator instead of reading "1,250" as 1.25', () => {
    const result = run(['t,q,질문,a,가,"1,250",,', 't,q,,b,나,"0,5",,', 't,q,,c,다,"12,345.5",,']);
    expect(result.rowIssues.map((i) => `${i.line}:${i.column}`)).toEqual(['2:share_pct', '4:share_pct']);
    expect(result.rowIssues[0]).toMatchObject({ message: '"1,250"의 ","는 천 단위 구분 기호로 보입니다.', fix: '쉼표를 지우고(1250), 소수점은 "."으로 쓰세요 (1.25).' });
    expect(result.survey).toBeUndefined();
    const base = run(['t,q,질문,a,가,50,"1,250",', 't,q,,b,나,50,"1,250",']);
    expect(base.rowIssues.map((i) => `${i.line}:${i.column}`)).toEqual(['2:base', '3:base']);
    expect(base.rowIssues[0]?.message).toContain('천 단위 구분 기호');
  });
});

describe('parseImportArgs', () => {
  it('lists every missing flag at once, each a problem of the command', () => {
    const { errors, options } = parseImportArgs(['x.csv']);
    expect(options).toBeUndefined();
    expect(errors.map((e) => e.field)).toEqual(['--id', '--title', '--publisher', '--population', '--year', '--n', '--source']);
    expect(errors.every((e) => e.file === COMMAND && e.severity === 'error' && e.expected && e.fix)).toBe(true);
    expect(errors[0]?.message).toBe('--id가 없습니다.');
  });
  it('rejects an unknown provenance, and suggests the flag probably meant', () => {
    const args = importArgsFor('t', tricky).map((a) => a.replace('secondhand|', 'secondhnd|'));
    expect(parseImportArgs(args).errors).toEqual([
      expect.objectContaining({ field: '--source', message: '출처 종류 "secondhnd"은(는) 쓸 수 없습니다.', suggestion: 'secondhand' }),
    ]);
    expect(parseImportArgs(['x.csv', '--titel', 'x']).errors).toEqual([
      expect.objectContaining({ field: '--titel', message: '알 수 없는 옵션 --titel입니다.', suggestion: '--title' }),
    ]);
  });
  it('asks nothing of --help', () => {
    expect(parseImportArgs(['--help'])).toEqual({ errors: [] });
  });
});

describe('npm run survey:import', () => {
  // Its own survey (not an example of content/, which a site owner replaces) and its own content folder.
  const dir = join(root, '.tmp/unit-survey-import');
  const content = join(dir, 'content');
  const csvFile = join(dir, 'survey.csv');
  const survey = tricky;
  const written = surveyJson(survey);
  const cli = (args: string[], extraEnv: Record<string, string> = {}) =>
    spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'scripts/survey-import.ts'), ...args], {
      cwd: root,
      env: { ...process.env, INIT_CWD: '', CONTENT_DIR: content, NO_COLOR: '1', PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH}`, ...extraEnv },
      encoding: 'utf8',
    });

  it('writes the survey, refuses to overwrite it without --force, and writes nothing when a row is bad', () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(content, { recursive: true });
    writeFileSync(csvFile, surveyToCsv('new-survey', survey));
    const args = importArgsFor('new-survey', survey, csvFile);
    const target = join(content, 'surveys/new-survey.json');

    const first = cli(args);
    expect(first.status, first.stderr).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe(written);
    expect(JSON.parse(written)).toEqual(survey);
    expect(first.stdout).toMatch(/^✓ .*surveys\/new-survey\.json을\(를\) 썼습니다 \(문항 2개\)\./);
    // A small sample is a warning block: printed, and the survey is written all the same.
    expect(first.stderr).toContain('경고 npm run survey:import · --n sample.n\n  문제: 응답자 10명');

    writeFileSync(target, '{"kept": true}');
    const second = cli(args);
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/^오류 .*surveys\/new-survey\.json\n {2}문제: 이미 있습니다\. 덮어쓰지 않습니다\.\n/);
    expect(second.stderr).toContain('고치는 법: 다른 --id를 주거나, 이 설문을 새 CSV로 바꾸려면 --force를 붙이세요.');
    expect(second.stderr.trim().split('\n').at(-1)).toBe('✗ 문제 1개: 아무것도 쓰지 않았습니다.');
    expect(readFileSync(target, 'utf8')).toBe('{"kept": true}');
    expect(cli([...args, '--force']).status).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe(written);

    writeFileSync(csvFile, surveyToCsv('bad', survey).replace(',4.2,', ',four,'));
    rmSync(join(content, 'surveys/bad.json'), { force: true });
    const bad = cli(importArgsFor('bad', survey, csvFile));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(
      [
        `오류 ${csvFile}:6 · column "share_pct"`,
        '  문제: "four"은(는) 숫자가 아닙니다.',
        '  기대: 평균: 숫자 (단위: 개, 예: 4.2)',
        '  고치는 법: 단위 없이 숫자만 쓰세요 (단위는 --numeric 문항=단위 로 줍니다).',
      ].join('\n'),
    );
    expect(bad.stderr.trim().split('\n').at(-1)).toBe('✗ 문제 1개: 아무것도 쓰지 않았습니다.');
    expect(existsSync(join(content, 'surveys/bad.json'))).toBe(false);
  }, 60_000);

  it('prints each survey rule with the JSON path as the field and the line where its question starts', () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(content, { recursive: true });
    writeFileSync(csvFile, [CSV_COLUMNS.join(','), 'rules,q,질문,a,가,60,,', 'rules,q,,b,나,60,,'].join('\r\n'));
    const run = cli(importArgsFor('rules', { ...survey, sample: { n: 100, population: '백 곳' }, questions: [] }, csvFile));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`오류 ${csvFile}:2 · questions[0].results\n  문제: 단일 선택 문항의 비율 합이 120.0입니다.\n  기대: 100 ± 0.5`);
    expect(run.stderr.trim().split('\n').at(-1)).toBe('✗ 문제 1개: 아무것도 쓰지 않았습니다.');
    expect(existsSync(join(content, 'surveys/rules.json'))).toBe(false);
  }, 60_000);

  it('prints bad arguments as blocks, the usage, then the closing line', () => {
    const run = cli(['x.csv', '--id', 'Bad Id']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^오류 npm run survey:import · --id\n {2}문제: "Bad Id"은\(는\) 설문 id로 쓸 수 없습니다\.\n/);
    expect(run.stderr).toContain('사용법: npm run survey:import');
    expect(run.stderr.trim().split('\n').at(-1)).toBe('✗ 문제 7개: 아무것도 쓰지 않았습니다.');
  }, 60_000);

  it('reads a relative CSV path from the folder npm was run in, and says what is wrong with a folder or a missing file', () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(content, { recursive: true });
    writeFileSync(csvFile, surveyToCsv('from-init-cwd', survey));
    // npm sets INIT_CWD to the writer's folder and runs the script from the project root.
    const relative = cli(importArgsFor('from-init-cwd', survey, 'survey.csv'), { INIT_CWD: dir });
    expect(relative.status, relative.stderr).toBe(0);
    expect(readFileSync(join(content, 'surveys/from-init-cwd.json'), 'utf8')).toBe(written);

    const folder = cli(importArgsFor('folder', survey, 'content'), { INIT_CWD: dir });
    expect(folder.status).toBe(1);
    expect(folder.stderr.trim()).toBe(
      [
        '오류 content',
        '  문제: 폴더입니다.',
        '  기대: CSV 파일 (예: content/survey.csv)',
        '  고치는 법: 폴더 안의 CSV 파일 경로를 주세요.',
        '',
        '✗ 문제 1개: 아무것도 쓰지 않았습니다.',
      ].join('\n'),
    );

    const missing = cli(importArgsFor('missing', survey, 'nope.csv'), { INIT_CWD: dir });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(`오류 nope.csv\n  문제: 파일이 없습니다 (찾아본 곳: ${join(dir, 'nope.csv')}).`);
  }, 60_000);
});
