import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, importSurveyCsv, surveyJson, surveyMeta, surveyToCsv, type SurveyMeta } from '@/lib/surveys/csv';
import { importArgsFor, parseImportArgs } from '@/lib/surveys/import-args';
import type { Benchmark, Survey } from '@/lib/surveys/types';

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
  });
  it('a question whose text changes between rows, and a repeated option', () => {
    const result = run(['t,q,질문,a,가,50,,', 't,q,다른 질문,b,나,50,,', 't,q,,a,가,1,,']);
    expect(result.rowIssues.map((i) => `${i.line}:${i.column}`)).toEqual(['3:question', '4:option_id']);
  });
  it('counts lines of multi-line cells', () => {
    const result = run(['t,q,"두 줄\n질문",a,가,50,,', 't,q,,b,나,oops,,']);
    expect(result.rowIssues).toEqual([expect.objectContaining({ line: 4, column: 'share_pct' })]);
  });
  it('a missing or unknown column', () => {
    const result = importSurveyCsv('question_id,question,option_id,share,base\r\nq,질문,a,5,', 't', meta);
    expect(result.rowIssues.map((i) => `${i.line}:${i.column}`)).toEqual(['1:share', '1:option', '1:share_pct']);
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
    expect(result.rowIssues[0]?.message).toContain('"1,250"; the "," looks like a thousands separator; remove it');
    expect(result.survey).toBeUndefined();
    const base = run(['t,q,질문,a,가,50,"1,250",', 't,q,,b,나,50,"1,250",']);
    expect(base.rowIssues.map((i) => `${i.line}:${i.column}`)).toEqual(['2:base', '3:base']);
    expect(base.rowIssues[0]?.message).toContain('thousands separator');
  });
});

describe('parseImportArgs', () => {
  it('lists every missing flag at once', () => {
    const { errors, options } = parseImportArgs(['x.csv']);
    expect(options).toBeUndefined();
    expect(errors.join('\n')).toMatch(/--id[\s\S]*--title[\s\S]*--publisher[\s\S]*--population[\s\S]*--year[\s\S]*--n[\s\S]*--source/);
  });
  it('rejects an unknown provenance', () => {
    const args = importArgsFor('t', tricky).map((a) => a.replace('secondhand|', 'hearsay|'));
    expect(parseImportArgs(args).errors).toEqual([expect.stringContaining('provenance "hearsay"')]);
  });
});

describe('npm run survey:import', () => {
  const dir = join(root, '.tmp/unit-survey-import');
  const content = join(dir, 'content');
  const csvFile = join(dir, 'kicom.csv');
  const kicom = examples.find((e) => e.id === 'kicom-2010')!;
  const survey = JSON.parse(kicom.text) as Survey;
  const cli = (args: string[], extraEnv: Record<string, string> = {}) =>
    spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'scripts/survey-import.ts'), ...args], {
      cwd: root,
      env: { ...process.env, INIT_CWD: '', CONTENT_DIR: content, PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH}`, ...extraEnv },
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
    expect(readFileSync(target, 'utf8')).toBe(kicom.text);

    writeFileSync(target, '{"kept": true}');
    const second = cli(args);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('already exists');
    expect(readFileSync(target, 'utf8')).toBe('{"kept": true}');
    expect(cli([...args, '--force']).status).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe(kicom.text);

    writeFileSync(csvFile, surveyToCsv('bad', survey).replace(',64,', ',sixty-four,'));
    rmSync(join(content, 'surveys/bad.json'), { force: true });
    const bad = cli(importArgsFor('bad', survey, csvFile));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`${csvFile}:3 column "share_pct": "sixty-four"; expected a percentage`);
    expect(existsSync(join(content, 'surveys/bad.json'))).toBe(false);
  }, 60_000);

  it('reads a relative CSV path from the folder npm was run in, and says so in one line when given a folder', () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(content, { recursive: true });
    writeFileSync(csvFile, surveyToCsv('from-init-cwd', survey));
    // npm sets INIT_CWD to the writer's folder and runs the script from the project root.
    const relative = cli(importArgsFor('from-init-cwd', survey, 'kicom.csv'), { INIT_CWD: dir });
    expect(relative.status, relative.stderr).toBe(0);
    expect(readFileSync(join(content, 'surveys/from-init-cwd.json'), 'utf8')).toBe(kicom.text);

    const folder = cli(importArgsFor('folder', survey, 'content'), { INIT_CWD: dir });
    expect(folder.status).toBe(1);
    expect(folder.stderr.trim()).toBe('survey:import: content: is a folder; expected a CSV file such as content/survey.csv');
  }, 60_000);
});
