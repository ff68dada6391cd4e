import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import { CSV_COLUMNS, defuseCell, restoreCell, surveyDataRows, surveyToCsv } from '@/lib/surveys/csv';
import type { Benchmark, Survey } from '@/lib/surveys/types';
import { writeFileAtomic } from '../../scripts/lib/atomic-file.ts';
import { decodeCp949, decodeCsv, lineAt } from '../../scripts/lib/csv-encoding.ts';
import {
  benchmarkJson,
  formatRowIssue,
  importSurveyCsv,
  KOREAN_COLUMNS,
  rowIssueProblem,
  surveyJson,
  surveyMeta,
  type RowIssue,
  type SurveyMeta,
} from '../../scripts/lib/survey-csv-import.ts';
import { accountsBenchmark, accountsSurvey, goalsBenchmark, goalsSurvey, staffBenchmark, staffSurvey } from '../support/sites-blog';
import { xssBenchmark, xssSurvey } from '../support/sites-surveys';
import { benchmarkArgsFor, COMMAND, importArgsFor, parseImportArgs } from '../../scripts/lib/survey-import-args.ts';

const root = join(import.meta.dirname, '../..');
/** data.csv's columns before it carried approximate and computed figures, units, provenance and source addresses: such files still import. */
const OLD_HEADER = 'survey,question_id,question,option_id,option,share_pct,base,company_answer';
// Surveys of the tests' own (content/ is the site owner's and may have none), kept in the importer's form.
const examples = Object.entries({ 'fx-staff-2010': staffSurvey, 'fx-goals-2011': goalsSurvey, 'xss-survey': xssSurvey }).map(([id, survey]) => ({
  id,
  text: surveyJson(survey as unknown as Survey),
}));

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
      approximate: '',
      figure: 'reported',
      base: '9',
      base_unit: '곳',
      company_answer: '',
      provenance: 'secondhand',
      source_url: 'https://example.com/?a=1&b=2',
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

/** Labels a spreadsheet would run as formulas if written as they are (OWASP CSV injection). */
const formulas: Survey = {
  ...tricky,
  questions: [
    {
      id: 'f',
      text: '=1+1 같은 질문',
      type: 'multi',
      options: [
        { id: 'link', label: '=HYPERLINK("http://x","클릭")' },
        { id: 'down', label: '-10% 감소' },
        { id: 'up', label: '+ 증가' },
        { id: 'mention', label: '@멘션' },
        { id: 'quoted', label: "'=이미 따옴표" },
        { id: 'plain', label: "'인용 부호로 시작" },
      ],
      results: { link: 10, down: 20, up: 30, mention: 40, quoted: 5, plain: 5 },
    },
    { id: 'n', text: '증감', type: 'numeric', unit: '%p', results: { mean: -1.5 } },
  ],
};

describe('formula cells in data.csv (CSV injection)', () => {
  it("defuses text cells with a leading \"'\" and leaves numbers alone", () => {
    const rows = parse(surveyToCsv('t', formulas), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.option)).toEqual([
      `'=HYPERLINK("http://x","클릭")`,
      "'-10% 감소",
      "'+ 증가",
      "'@멘션",
      "''=이미 따옴표",
      "'인용 부호로 시작",
      '평균',
    ]);
    expect(rows[0]?.question).toBe("'=1+1 같은 질문");
    expect(rows.at(-1)?.share_pct).toBe('-1.5');
  });
  it('imports its own data.csv back to the exact labels, without formula warnings', () => {
    const result = importSurveyCsv(surveyToCsv('t', formulas), 't', surveyMeta(formulas));
    expect(result.rowIssues).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.survey).toEqual(formulas);
  });
  it('defuseCell and restoreCell undo each other', () => {
    for (const text of ['=x', '-', '+1', '@', '\tx', '\rx', "'=x", "''+x", "'", "'x", 'x', '', '42']) {
      expect(restoreCell(defuseCell(text))).toBe(text);
    }
    expect(defuseCell('x=1')).toBe('x=1');
    expect(restoreCell("'x")).toBe("'x");
  });
});

describe('export then import gives back the same survey', () => {
  it.each(examples)('$id', ({ id, text }) => {
    const survey = JSON.parse(text) as Survey;
    const result = importSurveyCsv(surveyToCsv(id, survey), id, surveyMeta(survey));
    expect(result.rowIssues).toEqual([]);
    expect(result.issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(result.survey).toEqual(survey);
    // Byte for byte, in the importer's form.
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

/**
 * Every field data.csv carries beyond the figures: an observation, counted in "명", about n; named
 * remainders (one answered by the benchmark, one computed from an approximate share); a question
 * without a base from a secondhand source alone; one citing every source by id in its own order; a
 * partial question whose rest is not reported (no row); approximate statistics.
 */
const observed: Survey = {
  title: '홍보 담당자 트위터 계정 관찰',
  publisher: '가상관찰연구소',
  year: 2010,
  fieldwork: { start: '2010-05', end: '2010-06' },
  method: 'observation',
  sample: { n: 1900, unit: '명', nPrecision: 'about', population: '트위터 계정을 공개한 홍보 담당자' },
  sources: [
    { id: 'report', title: '관찰 보고서 원문', url: 'https://example.org/report', provenance: 'read' },
    { id: 'blog', title: '보고서 요약 | 블로그', url: 'https://blog.example.net/summary?id=3&p=1', provenance: 'secondhand', note: '원문과 대조하지 못했습니다.' },
  ],
  questions: [
    {
      id: 'uses',
      text: '회사 계정을 함께 운영합니까?',
      type: 'single',
      base: 1850,
      sources: ['report'],
      options: [{ id: 'yes', label: '함께 운영함' }],
      remainder: { id: 'no', label: '운영하지 않음' },
      approximate: ['yes'],
      results: { yes: 75.5 },
    },
    {
      id: 'reply',
      text: '멘션에 답합니까?',
      type: 'single',
      sources: ['blog'],
      options: [
        { id: 'always', label: '늘 답함' },
        { id: 'sometimes', label: '가끔 답함' },
      ],
      remainder: { id: 'never', label: '답하지 않음' },
      results: { always: 33.3, sometimes: 52.4 },
    },
    {
      id: 'channels',
      text: '함께 쓰는 채널',
      type: 'multi',
      base: 1850,
      sources: ['blog', 'report'],
      options: [
        { id: 'blog', label: '블로그' },
        { id: 'facebook', label: '페이스북' },
      ],
      results: { blog: 40, facebook: 25 },
    },
    {
      id: 'concerns',
      text: '가장 걱정되는 점은?',
      type: 'single',
      base: 1850,
      partial: true,
      options: [
        { id: 'leak', label: '기밀 유출' },
        { id: 'comments', label: '악성 댓글' },
      ],
      results: { leak: 47.9 },
    },
    { id: 'followers', text: '팔로어 수', type: 'numeric', unit: '명', approximate: ['median'], results: { mean: 1200.5, median: 800 } },
  ],
};
const observedBenchmark: Benchmark = { survey: 'obs', organization: '다온에듀', asOf: '2010-08-10', answers: { uses: 'no', reply: 'always', followers: 950 } };
const REPORT = 'https://example.org/report';
const BLOG = 'https://blog.example.net/summary?id=3&p=1';

describe('data.csv keeps provenance, source addresses, units and computed figures', () => {
  const rows = parse(surveyToCsv('obs', observed, observedBenchmark), { bom: true, columns: true }) as Record<string, string>[];
  const row = (q: string, o: string) => rows.find((r) => r.question_id === q && r.option_id === o);

  it('writes the provenance, the source addresses and the sample unit on every row', () => {
    expect(rows).toHaveLength(11);
    expect(rows.every((r) => r.base_unit === '명' && r.provenance !== '' && r.source_url !== '')).toBe(true);
    expect(Object.fromEntries(rows.map((r) => [r.question_id, [r.provenance, r.source_url]]))).toEqual({
      uses: ['read', REPORT],
      reply: ['secondhand', BLOG],
      channels: ['read', `${BLOG} ${REPORT}`],
      concerns: ['read', `${REPORT} ${BLOG}`],
      followers: ['read', `${REPORT} ${BLOG}`],
    });
    // A base the source did not report stays empty: it is not the sample.
    expect(rows.filter((r) => r.question_id === 'reply').map((r) => r.base)).toEqual(['', '', '']);
  });

  it('writes a named remainder as a computed row, as the page shows it, and no row for a rest nobody named', () => {
    expect(row('uses', 'no')).toMatchObject({ option: '운영하지 않음', share_pct: '24.5', approximate: '1', figure: 'computed', company_answer: '1' });
    expect(row('uses', 'yes')).toMatchObject({ share_pct: '75.5', approximate: '1', figure: 'reported', company_answer: '0' });
    expect(row('reply', 'never')).toMatchObject({ share_pct: '14.3', approximate: '', figure: 'computed', company_answer: '0' });
    expect(rows.filter((r) => r.question_id === 'concerns').map((r) => [r.option_id, r.share_pct, r.figure])).toEqual([
      ['leak', '47.9', 'reported'],
      ['comments', '', 'reported'],
    ]);
    expect(rows.filter((r) => r.question_id === 'followers').map((r) => [r.option_id, r.share_pct, r.approximate, r.company_answer])).toEqual([
      ['mean', '1200.5', '', '950'],
      ['median', '800', '1', '950'],
    ]);
  });

  it("gives data.json's rows the same values, with numbers as numbers", () => {
    const data = surveyDataRows('obs', observed, observedBenchmark);
    expect(data).toHaveLength(rows.length);
    expect(data.find((r) => r.question_id === 'uses' && r.option_id === 'no')).toEqual({
      survey: 'obs',
      question_id: 'uses',
      question: '회사 계정을 함께 운영합니까?',
      option_id: 'no',
      option: '운영하지 않음',
      share_pct: 24.5,
      approximate: true,
      figure: 'computed',
      base: 1850,
      base_unit: '명',
      company_answer: 1,
      provenance: 'read',
      source_url: REPORT,
    });
    expect(data.find((r) => r.question_id === 'concerns' && r.option_id === 'comments')).toMatchObject({ share_pct: null, company_answer: null });
    expect(data.find((r) => r.question_id === 'reply')).toMatchObject({ base: null, provenance: 'secondhand' });
  });
});

describe('export then import with every field data.csv carries', () => {
  const csv = surveyToCsv('obs', observed, observedBenchmark);
  const text = surveyJson(observed);

  it('gives back the identical survey through the flags of importArgsFor', () => {
    const args = importArgsFor('obs', observed);
    const parsed = parseImportArgs(args);
    expect(parsed.errors).toEqual([]);
    const result = importSurveyCsv(csv, 'obs', parsed.options!.meta);
    expect(result.rowIssues).toEqual([]);
    // The answers are left out without --benchmark, and a warning says which flags would import them.
    expect(result.warnings).toEqual([expect.objectContaining({ line: 2, column: 'company_answer', severity: 'warning' })]);
    expect(result.issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(surveyJson(result.survey!)).toBe(text);
    // What the CSV carries is read from it: the unit, the remainders, approximate figures and which
    // sources a question cites. Flags give the rest, and --cite only where the addresses cannot say it.
    expect(args).toEqual(expect.arrayContaining(['--method', 'observation', '--n-precision', 'about', '--cite', 'channels=blog,report']));
    expect(args).not.toContain('--unit');
    expect(args.filter((a) => a === '--cite')).toHaveLength(1);
  });

  it('gives back the identical survey through surveyMeta', () => {
    const result = importSurveyCsv(csv, 'obs', surveyMeta(observed));
    expect(result.rowIssues).toEqual([]);
    expect(surveyJson(result.survey!)).toBe(text);
  });

  it('keeps a unit written out as the default "곳" (--unit), and leaves an unwritten one out', () => {
    const companies: Survey = { ...observed, sample: { ...observed.sample, unit: '곳' } };
    const args = importArgsFor('obs', companies);
    expect(args).toEqual(expect.arrayContaining(['--unit', '곳']));
    expect(surveyJson(importSurveyCsv(surveyToCsv('obs', companies), 'obs', parseImportArgs(args).options!.meta).survey!)).toBe(surveyJson(companies));
    const plain: Survey = { ...observed, sample: { n: 1900, nPrecision: 'about', population: observed.sample.population } };
    const again = importSurveyCsv(surveyToCsv('obs', plain), 'obs', parseImportArgs(importArgsFor('obs', plain)).options!.meta);
    expect(again.survey?.sample).toEqual({ n: 1900, nPrecision: 'about', population: observed.sample.population });
  });

  it('through the command, byte for byte', () => {
    const dir = join(root, `.tmp/unit-survey-import-obs-${process.pid}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'content'), { recursive: true });
    writeFileSync(join(dir, 'obs.csv'), csv);
    const run = spawnSync(join(root, 'node_modules/.bin/node'), [join(root, 'scripts/survey-import.ts'), ...importArgsFor('obs', observed, join(dir, 'obs.csv'))], {
      cwd: root,
      env: { ...process.env, INIT_CWD: '', CONTENT_DIR: join(dir, 'content'), NO_COLOR: '1' },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(dir, 'content/surveys/obs.json'), 'utf8')).toBe(text);
    // The answers in company_answer were not imported, and the warning says which flags would.
    expect(run.stderr).toContain(`경고 ${join(dir, 'obs.csv')}:2 · column "company_answer"\n  문제: company_answer 칸에 조직의 답이 있지만(문항 3개) 가져오지 않았습니다: --benchmark가 없습니다.`);
    expect(run.stderr).toContain('--benchmark <벤치마크 id> --organization "<조직 이름>" --as-of <답의 기준일 YYYY-MM-DD>');
    expect(existsSync(join(dir, 'content/benchmarks'))).toBe(false);

    // With the benchmark flags: the benchmark too, byte for byte, and the survey again.
    const benchmarkFile = join(dir, 'content/benchmarks/ours-obs.json');
    const withAnswers = [...importArgsFor('obs', observed, join(dir, 'obs.csv')), ...benchmarkArgsFor('ours-obs', observedBenchmark), '--force'];
    const both = spawnSync(join(root, 'node_modules/.bin/node'), [join(root, 'scripts/survey-import.ts'), ...withAnswers], {
      cwd: root,
      env: { ...process.env, INIT_CWD: '', CONTENT_DIR: join(dir, 'content'), NO_COLOR: '1' },
      encoding: 'utf8',
    });
    expect(both.status, both.stderr).toBe(0);
    expect(both.stderr).not.toContain('company_answer');
    expect(readFileSync(join(dir, 'content/surveys/obs.json'), 'utf8')).toBe(text);
    expect(readFileSync(benchmarkFile, 'utf8')).toBe(benchmarkJson(observedBenchmark));
    expect(JSON.parse(readFileSync(benchmarkFile, 'utf8'))).toEqual(observedBenchmark);
    expect(both.stdout).toContain('benchmarks/ours-obs.json을(를) 썼습니다 (문항 5개). 벤치마크: 답한 문항 3개.');
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('imports an old data.csv without the new columns as before', () => {
    const old = stringify(parse(surveyToCsv('t', tricky), { bom: true, columns: true }) as Record<string, string>[], {
      header: true,
      columns: OLD_HEADER.split(','),
      record_delimiter: 'windows',
    });
    expect(old.split('\r\n')[0]).toBe(OLD_HEADER);
    const result = importSurveyCsv(old, 't', parseImportArgs(importArgsFor('t', tricky)).options!.meta);
    expect(result.rowIssues).toEqual([]);
    expect(result.survey).toEqual(tricky);
  });
});

describe('importSurveyCsv checks the new columns', () => {
  const csv = surveyToCsv('obs', observed, observedBenchmark);
  const meta = () => parseImportArgs(importArgsFor('obs', observed)).options!.meta;
  const where = (issues: RowIssue[]) => issues.map((i) => `${i.line}:${i.column}`);
  // Lines: 1 header, 2-3 uses (yes, no), 4-6 reply (always, sometimes, never), 7-8 channels, 9-10 concerns, 11-12 followers.
  const edits = (changes: [line: number, from: string, to: string][]) =>
    csv
      .split('\r\n')
      .map((l, i) => changes.filter(([line]) => line === i + 1).reduce((text, [, from, to]) => text.replace(from, to), l))
      .join('\r\n');
  const edit = (line: number, from: string, to: string) => edits([[line, from, to]]);

  it('a computed share that is not 100 − the reported shares, with its line', () => {
    const result = importSurveyCsv(edit(3, ',24.5,1,computed,', ',20,1,computed,'), 'obs', meta(), 'in.csv');
    expect(result.survey).toBeUndefined();
    expect(result.rowIssues).toHaveLength(1);
    expect(formatRowIssue('in.csv', result.rowIssues[0]!).split('\n')).toEqual([
      '오류 in.csv:3 · column "share_pct"',
      '  문제: 계산값 20이(가) 100에서 보고된 비율(합 75.5)을 뺀 24.5과(와) 다릅니다.',
      '  기대: 24.5 (figure=computed 줄의 비율은 100 − 이 문항의 보고된 비율, 반올림 차이까지), 또는 빈 칸',
      '  고치는 법: 보고된 비율이나 이 칸을 원자료와 맞추세요. 출처가 이 답의 비율을 따로 밝혔다면 figure를 "reported"로 하고 보통 선택지로 쓰세요.',
    ]);
    // Within the rounding of the share as written: 14 for 14.3 is fine, 14.5 is not.
    expect(importSurveyCsv(edit(6, ',14.3,', ',14,'), 'obs', meta()).rowIssues).toEqual([]);
    expect(where(importSurveyCsv(edit(6, ',14.3,', ',14.5,'), 'obs', meta()).rowIssues)).toEqual(['6:share_pct']);
  });

  it('a computed row of a multi-choice question, a second one, an unknown figure, and approximate on an unreported share', () => {
    const result = importSurveyCsv(
      edits([
        [6, ',14.3,,computed,', ',14.3,,computd,'],
        [8, ',reported,', ',computed,'],
        [10, ',,,reported,', ',,1,reported,'],
      ]),
      'obs',
      meta(),
    );
    expect(where(result.rowIssues)).toEqual(['6:figure', '8:figure', '10:approximate']);
    expect(result.rowIssues[0]).toMatchObject({ suggestion: 'computed' });
    expect(result.rowIssues[1]?.message).toBe('문항 "channels"은(는) 복수 선택 문항(--multi)이라 계산값 줄을 쓸 수 없습니다.');
    const twice = importSurveyCsv(`${csv}obs,uses,,maybe,모름,1,,computed,,명,,,\r\n`, 'obs', meta());
    expect(where(twice.rowIssues)).toEqual(['13:figure']);
  });

  it('a base_unit that differs between rows or from --unit', () => {
    expect(where(importSurveyCsv(edit(7, ',명,', ',곳,'), 'obs', meta()).rowIssues)).toEqual(['7:base_unit']);
    const flagged = importSurveyCsv(csv, 'obs', { ...meta(), sample: { ...observed.sample, unit: '곳' } });
    // Said once, at the first row, not on every row.
    expect(flagged.rowIssues).toEqual([expect.objectContaining({ line: 2, column: 'base_unit', message: '"명"이(가) --unit "곳"과(와) 다릅니다.' })]);
  });

  it('a provenance that is not the best of the sources, and an address that is no --source', () => {
    const result = importSurveyCsv(edit(5, ',secondhand,', ',press,').replaceAll(REPORT, 'https://example.org/reprot'), 'obs', meta());
    expect(where(result.rowIssues)).toEqual(['5:provenance', '2:source_url', '7:source_url', '9:source_url', '11:source_url']);
    expect(result.rowIssues[0]).toMatchObject({ message: '"press"이(가) 4번 줄의 "secondhand"과(와) 다릅니다.' });
    expect(result.rowIssues[1]).toMatchObject({ message: 'https://example.org/reprot은(는) --source로 준 출처의 주소가 아닙니다.', suggestion: REPORT });
    const wrong = importSurveyCsv(csv.replaceAll(',secondhand,', ',press,'), 'obs', meta());
    expect(wrong.rowIssues).toEqual([
      expect.objectContaining({ line: 4, column: 'provenance', message: '"press"인데, 이 문항의 출처(--source) 가운데 가장 직접적인 종류는 "secondhand"입니다.' }),
    ]);
  });

  it('without --source, says which --source to add, filled in from the CSV', () => {
    const result = importSurveyCsv(csv, 'obs', { ...meta(), sources: [] });
    expect(result.survey).toBeUndefined();
    expect(result.rowIssues.map((i) => [i.line, i.column, i.fix])).toEqual([
      [2, 'source_url', `이 옵션을 더하고 <제목>을 원자료의 제목으로 바꾸세요: --source "read|${REPORT}|<제목>|example"`],
      [4, 'source_url', `이 옵션을 더하고 <제목>을 원자료의 제목으로 바꾸세요: --source "secondhand|${BLOG}|<제목>|blog-example"`],
    ]);
    expect(result.rowIssues[0]?.message).toBe(`출처 ${REPORT}의 제목이 없습니다: CSV에는 출처의 주소와 종류만 있습니다.`);
    const old = importSurveyCsv([OLD_HEADER, 't,q,질문,a,가,100,,'].join('\r\n'), 't', { ...meta(), sources: [], questions: {} });
    expect(old.rowIssues).toEqual([expect.objectContaining({ line: 1, message: '출처가 없습니다: --source가 없고, CSV에 source_url 열도 없습니다.' })]);
  });
});

/** Every survey of the tests with its benchmark: the blog fixture's, and this file's own. */
const answered = [
  { id: 'fx-staff-2010', survey: staffSurvey, benchmark: staffBenchmark },
  { id: 'fx-goals-2011', survey: goalsSurvey, benchmark: goalsBenchmark },
  { id: 'fx-accounts-2010', survey: accountsSurvey, benchmark: accountsBenchmark },
  { id: 'xss-survey', survey: xssSurvey, benchmark: xssBenchmark },
  { id: 'obs', survey: observed, benchmark: observedBenchmark },
  { id: 't', survey: tricky, benchmark: { survey: 't', organization: '다온에듀', asOf: '2010-08-10', answers: { q: 'b', n: 1 } } },
].map(({ id, survey, benchmark }) => ({ id, survey: survey as unknown as Survey, benchmark: benchmark as Benchmark }));
/** data.csv carries no notes: what a benchmark is once exported. */
const withoutNotes = (benchmark: Benchmark): Benchmark => Object.fromEntries(Object.entries(benchmark).filter(([key]) => key !== 'notes')) as Benchmark;
const staff = staffSurvey as unknown as Survey;
/** The staff fixture's data.csv with its company_answer cells replaced (lines: 2-4 staff none/one/two-plus, 5-7 channels blog/twitter/video, 8-9 accounts mean/median). */
const staffCsv = (answers: Record<number, string> = {}) => {
  const rows = parse(surveyToCsv('fx-staff-2010', staff, staffBenchmark as Benchmark), { bom: true, columns: true }) as Record<string, string>[];
  return stringify(
    rows.map((row, i) => (i + 2 in answers ? { ...row, company_answer: answers[i + 2]! } : row)),
    { header: true, columns: [...CSV_COLUMNS], record_delimiter: 'windows' },
  );
};
/** Imports `csv` as `id` with the flags of its survey and the benchmark flags (ours-<id>), kept notes as given. */
function importAnswered(id: string, survey: Survey, benchmark: Benchmark, csv = surveyToCsv(id, survey, benchmark), notes?: Record<string, string>) {
  const parsed = parseImportArgs([...importArgsFor(id, survey), ...benchmarkArgsFor(`ours-${id}`, benchmark)]);
  expect(parsed.errors).toEqual([]);
  return importSurveyCsv(csv, id, parsed.options!.meta, 'in.csv', { ...parsed.options!.benchmark!, ...(notes ? { notes } : {}) });
}

describe('company_answer becomes the benchmark (--benchmark, --organization, --as-of)', () => {
  it.each(answered)('$id: export then import gives back the survey and the benchmark (notes aside), byte for byte', ({ id, survey, benchmark }) => {
    const result = importAnswered(id, survey, benchmark);
    expect(result.rowIssues).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(result.benchmarkIssues).toEqual([]);
    expect(surveyJson(result.survey!)).toBe(surveyJson(survey));
    expect(result.benchmark).toEqual(withoutNotes(benchmark));
    expect(benchmarkJson(result.benchmark!)).toBe(benchmarkJson(withoutNotes(benchmark)));
  });

  it('keeps the notes of the benchmark it replaces, for the questions the survey still has', () => {
    const result = importAnswered('fx-staff-2010', staff, staffBenchmark as Benchmark, undefined, { ...staffBenchmark.notes, gone: '없어진 문항의 설명' });
    expect(benchmarkJson(result.benchmark!)).toBe(benchmarkJson(staffBenchmark as Benchmark));
    expect(result.droppedNotes).toEqual(['gone']);
  });

  it('writes the keys in the schema order and a multi-choice answer on one line, as the example files do', () => {
    const text = benchmarkJson({ answers: { channels: ['blog', 'twitter'], staff: 'one' }, asOf: '2010-08-10', organization: '다온에듀', survey: 's' } as Benchmark);
    expect(text).toBe('{\n  "survey": "s",\n  "organization": "다온에듀",\n  "asOf": "2010-08-10",\n  "answers": {\n    "channels": ["blog", "twitter"],\n    "staff": "one"\n  }\n}\n');
  });

  it("reads the named remainder's \"1\" as the remainder's id, and a question without cells as unanswered", () => {
    const result = importAnswered('obs', observed, observedBenchmark);
    expect(result.benchmark?.answers).toEqual({ uses: 'no', reply: 'always', followers: 950 });
    expect(result.answerLines).toEqual({ uses: 2, reply: 4, followers: 11 });
  });

  it('takes a lone "1" as the answer: empty cells beside it are options not chosen', () => {
    const result = importAnswered('fx-staff-2010', staff, staffBenchmark as Benchmark, staffCsv({ 2: '', 4: '', 7: '', 9: '' }));
    expect(result.rowIssues).toEqual([]);
    expect(result.benchmark?.answers).toEqual({ staff: 'one', channels: ['blog', 'twitter'], accounts: 1 });
  });

  it('reports each bad answer with its line: two "1"s on a single question (naming --multi), no "1", a mark that is not 0/1, numbers that disagree', () => {
    const result = importAnswered('fx-staff-2010', staff, staffBenchmark as Benchmark, staffCsv({ 2: '1', 5: '0', 6: '0', 7: 'x', 9: '2' }));
    expect(result.survey).toBeUndefined();
    expect(result.rowIssues.map((i) => `${i.line}:${i.column}`)).toEqual(['3:company_answer', '7:company_answer', '9:company_answer']);
    const [twice, mark, numbers] = result.rowIssues;
    expect(numbers).toMatchObject({ message: '2이(가) 8번 줄의 1과(와) 다릅니다.' });
    expect(twice).toMatchObject({ message: '단일 선택 문항 "staff"에 1이 2개 있습니다 (2, 3번 줄).' });
    expect(twice?.fix).toContain('--multi staff 옵션을 붙이세요.');
    expect(mark).toMatchObject({ message: '"x"은(는) 조직의 답 표시가 아닙니다.' });
    const none = importAnswered('fx-staff-2010', staff, staffBenchmark as Benchmark, staffCsv({ 3: '0' }));
    expect(none.rowIssues).toEqual([expect.objectContaining({ line: 2, column: 'company_answer', message: '문항 "staff"의 company_answer에 0만 있고 고른 답(1)이 없습니다.' })]);
  });

  it('refuses --benchmark when the CSV has no answers, and warns (without stopping) about answers left out without it', () => {
    const empty = importAnswered('fx-staff-2010', staff, staffBenchmark as Benchmark, surveyToCsv('fx-staff-2010', staff));
    expect(empty.rowIssues).toEqual([expect.objectContaining({ line: 1, column: 'company_answer', message: '--benchmark를 주었는데 company_answer 칸이 모두 비어 있습니다.' })]);
    const left = importSurveyCsv(staffCsv(), 'fx-staff-2010', parseImportArgs(importArgsFor('fx-staff-2010', staff)).options!.meta, 'in.csv');
    expect(left.rowIssues).toEqual([]);
    expect(left.survey).toBeDefined();
    expect(left.benchmark).toBeUndefined();
    expect(formatRowIssue('in.csv', left.warnings[0]!).split('\n')).toEqual([
      '경고 in.csv:2 · column "company_answer"',
      '  문제: company_answer 칸에 조직의 답이 있지만(문항 3개) 가져오지 않았습니다: --benchmark가 없습니다.',
      '  기대: 설문만 가져오려면 그대로 두어도 됩니다. 답도 content/benchmarks/<id>.json으로 가져오려면 --benchmark, --organization, --as-of',
      '  고치는 법: 답도 가져오려면 이 옵션을 붙이세요: --benchmark <벤치마크 id> --organization "<조직 이름>" --as-of <답의 기준일 YYYY-MM-DD> (예: --benchmark ours-fx-staff-2010 --organization "우리 회사" --as-of 2010-08-10)',
    ]);
  });

  it('checks the benchmark against the imported survey', () => {
    const result = importAnswered('fx-staff-2010', staff, staffBenchmark as Benchmark, undefined, { staff: '  ' });
    expect(result.benchmarkIssues).toEqual([expect.objectContaining({ level: 'error', path: 'notes.staff' })]);
  });
});

describe('a sum the flags explain names the flag', () => {
  const meta: SurveyMeta = { ...surveyMeta(tricky), questions: {} };
  const run = (lines: string[], questions: SurveyMeta['questions'] = {}) => importSurveyCsv([OLD_HEADER, ...lines].join('\r\n'), 't', { ...meta, questions }, 'in.csv');
  const errors = (result: ReturnType<typeof run>) => result.issues.filter((i) => i.level === 'error');

  it('single-choice shares over 100: --multi', () => {
    const [issue, ...rest] = errors(run(['t,q,질문,a,가,70,,', 't,q,,b,나,60,,']));
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ path: 'questions[0].results', message: '단일 선택 문항의 비율 합이 130.0입니다.', expected: '100 ± 0.5 (단일 선택 문항의 비율 합, 반올림 오차 0.5까지)' });
    expect(issue?.fix).toBe('복수 응답 문항(답을 여럿 고를 수 있음)이면 --multi q 옵션을 붙이세요. 단일 선택 문항이 맞다면 원자료의 비율을 확인하세요.');
    expect(errors(run(['t,q,질문,a,가,70,,', 't,q,,b,나,60,,'], { q: { type: 'multi' } }))).toEqual([]);
  });

  it('options without shares and a sum under 100: one problem, --partial', () => {
    const [issue, ...rest] = errors(run(['t,q,질문,a,가,40,,', 't,q,,b,나,,,', 't,q,,c,다,,,']));
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ path: 'questions[0].results', message: '선택지 "b", "c"의 비율이 비어 있습니다. 단일 선택 문항의 비율 합이 40.0입니다.' });
    expect(issue?.fix).toContain('일부 답만 보고된 문항이면 --partial q 옵션을 붙이세요.');
    expect(issue?.fix).not.toContain('"partial"');
    expect(errors(run(['t,q,질문,a,가,40,,', 't,q,,b,나,,,', 't,q,,c,다,,,'], { q: { partial: true } }))).toEqual([]);
    // Every share there and still under 100: partly reported too.
    const [under] = errors(run(['t,q,질문,a,가,40,,', 't,q,,b,나,20,,']));
    expect(under?.fix).toMatch(/^일부 답만 보고된 문항이면 --partial q 옵션을 붙이세요\. 출처가 나머지 답의 이름을 밝혔다면/);
    // A multi-choice question with an option missing its share.
    const [multi] = errors(run(['t,q,질문,a,가,40,,', 't,q,,b,나,,,'], { q: { type: 'multi' } }));
    expect(multi).toMatchObject({ message: '선택지 "b"의 비율이 비어 있습니다.', expected: '선택지마다 비율 (모든 답이 보고된 문항)' });
    expect(multi?.fix).toContain('--partial q 옵션을 붙이세요.');
  });

  it('rows of "mean" and "median", or a share over 100: --numeric', () => {
    const result = run(['t,q,질문,a,가,100,,', 't,n,평균 몇 개?,mean,평균,240,,', 't,n,,median,중앙값,180,,']);
    // One problem for the question, not one per share over 100.
    expect(result.rowIssues).toEqual([
      expect.objectContaining({
        line: 3,
        column: 'option_id',
        message: '문항 "n"의 option_id가 "mean", "median"뿐이라 숫자 문항(평균·중앙값)으로 보이는데, --numeric이 없어 선택지로 읽었습니다.',
        fix: '비율이 아니라 숫자(평균·중앙값)를 묻는 문항이면 --numeric n=<단위> 옵션을 붙이세요 (예: --numeric n=개).',
      }),
    ]);
    expect(run(['t,q,질문,a,가,100,,', 't,n,평균 몇 개?,mean,평균,240,,'], { n: { type: 'numeric', unit: '개' } }).rowIssues).toEqual([]);
    const over = run(['t,q,질문,a,가,250,,', 't,q,,b,나,,,']);
    expect(over.rowIssues).toEqual([expect.objectContaining({ line: 2, column: 'share_pct', message: '250은(는) 0~100 밖의 비율입니다.' })]);
    expect(over.rowIssues[0]?.fix).toContain('--numeric q=<단위> 옵션을 붙이세요');
  });

  it('a named remainder with nothing left: delete its computed row', () => {
    const header = 'question_id,question,option_id,option,share_pct,figure';
    const result = importSurveyCsv([header, 'q,질문,a,가,100,reported', 'q,,rest,나머지,,computed'].join('\r\n'), 't', meta);
    expect(result.issues.filter((i) => i.level === 'error')).toEqual([
      expect.objectContaining({ path: 'questions[0].remainder', fix: '나머지 답 "rest"의 줄(figure=computed)을 지우세요: 보고된 비율만으로 100입니다.' }),
    ]);
  });
});

describe('Korean column names', () => {
  const csv = surveyToCsv('obs', observed, observedBenchmark);
  const meta = () => parseImportArgs(importArgsFor('obs', observed)).options!.meta;
  const korean = csv.replace(CSV_COLUMNS.join(','), CSV_COLUMNS.map((c) => KOREAN_COLUMNS[c]).join(','));

  it('import to the same survey and benchmark as the English ones, alone or mixed with them', () => {
    expect(korean.split('\r\n')[0]).toBe('\uFEFF설문,문항_id,문항,선택지_id,선택지,비율,어림값,수치_종류,기준,기준_단위,우리_답,출처_종류,출처_주소');
    const english = importSurveyCsv(csv, 'obs', meta(), 'in.csv', { id: 'b', organization: '다온에듀', asOf: '2010-08-10' });
    const mixed = korean.replace('문항_id,문항,', 'question_id,Question,').replace('우리_답', '우리 답');
    for (const text of [korean, mixed]) {
      const result = importSurveyCsv(text, 'obs', meta(), 'in.csv', { id: 'b', organization: '다온에듀', asOf: '2010-08-10' });
      expect(result.rowIssues).toEqual([]);
      expect(surveyJson(result.survey!)).toBe(surveyJson(observed));
      expect(benchmarkJson(result.benchmark!)).toBe(benchmarkJson(english.benchmark!));
    }
  });

  it('name the column as the file does in problems', () => {
    const result = importSurveyCsv(korean.replace(',47.9,', ',abc,'), 'obs', meta(), 'in.csv');
    expect(result.rowIssues).toEqual([expect.objectContaining({ line: 9, column: 'share_pct', header: '비율' })]);
    expect(rowIssueProblem('in.csv', result.rowIssues[0]!).field).toBe('column "비율" (share_pct)');
  });

  it('an unknown column is one problem naming it, with the name probably meant; a header of no known name is one problem', () => {
    const typo = korean.replace('비율,', '비률,');
    const result = importSurveyCsv(typo, 'obs', meta(), 'in.csv');
    expect(result.rowIssues).toEqual([expect.objectContaining({ line: 1, column: '비률', message: '"비률"은(는) 알 수 없는 열입니다.', suggestion: '비율' })]);
    expect(result.rowIssues[0]?.expected).toContain('share_pct(비율)');
    expect(importSurveyCsv(csv.replace('share_pct', 'share_pc'), 'obs', meta()).rowIssues).toEqual([expect.objectContaining({ column: 'share_pc', suggestion: 'share_pct' })]);
    const both = importSurveyCsv(korean.replace('설문,', 'survey,설문,').replaceAll('\r\nobs,', '\r\nobs,obs,'), 'obs', meta());
    expect(both.rowIssues).toEqual([expect.objectContaining({ line: 1, column: '설문', message: '"설문" 열이 있는데, 같은 열인 "survey"도 있습니다.' })]);
    const noHeader = importSurveyCsv(csv.split('\r\n').slice(1).join('\r\n'), 'obs', meta());
    expect(noHeader.rowIssues).toHaveLength(1);
    expect(noHeader.rowIssues[0]?.message).toMatch(/^첫 줄에 아는 열 이름이 없습니다: /);
  });
});

describe('importSurveyCsv reports each bad row with line and column', () => {
  const meta: SurveyMeta = { ...surveyMeta(tricky), questions: {} };
  const header = OLD_HEADER;
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
    // "share" stands for the missing share_pct: one problem, not two.
    expect(result.rowIssues.map((i) => `${i.line}:${i.column}`)).toEqual(['1:share', '1:option']);
    expect(result.rowIssues[0]).toMatchObject({ message: '"share"은(는) 알 수 없는 열입니다.', suggestion: 'share_pct' });
    expect(result.rowIssues[0]?.fix).toBe('꼭 있어야 하는 열 share_pct(비율)이(가) 없습니다. 이 열의 이름을 고치세요.');
    expect(result.rowIssues[1]).toMatchObject({ message: 'option(선택지) 열이 없습니다.', expected: expect.stringContaining(`머리글 줄: ${CSV_COLUMNS.join(',')}`) });
  });
  it('a question named in the options but without rows, with the id probably meant', () => {
    const result = importSurveyCsv([OLD_HEADER, 't,q,질문,a,가,100,,'].join('\r\n'), 't', { ...meta, questions: { qq: { partial: true } } });
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

describe('importSurveyCsv warns about cells a spreadsheet would run as formulas', () => {
  const meta: SurveyMeta = { ...surveyMeta(tricky), questions: { n: { type: 'numeric', unit: '개' } } };
  const run = (lines: string[]) => importSurveyCsv([OLD_HEADER, ...lines].join('\r\n'), 't', meta, 'in.csv');

  it('each with its line and column, as a warning that does not stop the import', () => {
    const result = run([
      't,q,질문,a,"=HYPERLINK(""http://x"",""클릭"")",25,,',
      't,q,,b,-5,25,,',
      't,q,,c,"\t탭으로 시작",25,,',
      't,q,,d,  @멘션,25,,',
      't,n,숫자,mean,평균,-1.5,,',
    ]);
    expect(result.rowIssues).toEqual([]);
    expect(result.warnings.map((w) => `${w.line}:${w.column}`)).toEqual(['2:option', '3:option', '4:option', '5:option']);
    expect(result.warnings.every((w) => w.severity === 'warning')).toBe(true);
    expect(result.survey?.questions[0]).toMatchObject({ options: [{ label: '=HYPERLINK("http://x","클릭")' }, { label: '-5' }, { label: '탭으로 시작' }, { label: '@멘션' }] });
    expect(result.warnings[2]?.message).toContain('탭(으)로 시작해');
    expect(formatRowIssue('in.csv', result.warnings[0]!).split('\n')).toEqual([
      '경고 in.csv:2 · column "option"',
      '  문제: "=HYPERLINK(\\"http://x\\",\\"클릭\\")"은(는) "="(으)로 시작해, 이 CSV를 스프레드시트에서 열면 수식으로 실행될 수 있습니다 (CSV 인젝션).',
      '  기대: 수식이 아닌 글 (스프레드시트에서 옮겨 온 수식이나 링크가 아닌, 원자료의 글 그대로)',
      '  고치는 법: 원자료에 실제로 이렇게 쓰였으면 그대로 두어도 됩니다: 사이트의 data.csv는 이런 칸 앞에 "\'"를 붙여 내보냅니다. 수식이 섞여 들어왔으면 스프레드시트에서 그 칸을 값으로 바꾸세요.',
    ]);
  });
  it('not about a cell defused with "\'" (taken off) or a number in a numeric column', () => {
    const result = run(["t,q,질문,a,'=1+1,50,,", "t,q,,b,'-10% 감소,50,,-3", 't,n,숫자,mean,평균,-2,,']);
    // Only that the answer (-3) was not imported, without --benchmark.
    expect(result.warnings.map((w) => `${w.line}:${w.column}`)).toEqual(['3:company_answer']);
    expect(result.survey?.questions[0]).toMatchObject({ options: [{ label: '=1+1' }, { label: '-10% 감소' }] });
  });
  it('refuses a broken character (U+FFFD) in any cell', () => {
    const result = run(['t,q,질문,a,\uFFFD\uFFFD,100,,', 't,n,숫자,mean,평균,2,,']);
    expect(result.survey).toBeUndefined();
    expect(result.rowIssues).toEqual([expect.objectContaining({ line: 2, column: 'option', message: '"\uFFFD\uFFFD"에 깨진 글자(U+FFFD "\uFFFD")가 있습니다.' })]);
  });
});

/** CP949 bytes, hard-coded: what Korean Excel's plain "CSV (쉼표로 분리)" writes. */
const CP949 = {
  질문: [0xc1, 0xfa, 0xb9, 0xae],
  네: [0xb3, 0xd7],
  아니오: [0xbe, 0xc6, 0xb4, 0xcf, 0xbf, 0xc0],
  // One of the syllables Windows added to KS X 1001 (UHC): not EUC-KR proper.
  똠: [0x8c, 0x63],
};
const ascii = (text: string) => [...Buffer.from(text, 'latin1')];
/** A CSV of one question with the options 네 / 아니오 / 똠, in CP949. */
const cp949Csv = Buffer.from([
  ...ascii(`${OLD_HEADER}\r\nk,q,`),
  ...CP949.질문,
  ...ascii(',yes,'),
  ...CP949.네,
  ...ascii(',60,,\r\nk,q,,no,'),
  ...CP949.아니오,
  ...ascii(',30,,\r\nk,q,,ddom,'),
  ...CP949.똠,
  ...ascii(',10,,\r\n'),
]);
/** Neither UTF-8 (0xFF never is) nor CP949 (0xFF is no lead byte), on line 3. */
const unreadableCsv = Buffer.concat([Buffer.from(`${OLD_HEADER}\r\nk,q,질문,yes,네,60,,\r\nk,q,,no,`), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from(',40,,\r\n')]);
const utf16Csv = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${OLD_HEADER.replaceAll(',', '\t')}\r\nk\tq\t질문\tyes\t네\t100\t\t\r\n`, 'utf16le')]);

describe('decodeCsv', () => {
  it('reads CP949 (with the syllables Windows added) when the bytes are not UTF-8', () => {
    const decoded = decodeCsv(cp949Csv);
    expect(decoded).toMatchObject({ ok: true, encoding: 'cp949' });
    expect(decoded.ok && decoded.text).toContain('k,q,질문,yes,네,60,,\r\nk,q,,no,아니오,30,,\r\nk,q,,ddom,똠,10,,');
    // Why this is not new TextDecoder('euc-kr'): on Node it knows KS X 1001 only.
    expect(decodeCp949(Uint8Array.from(CP949.똠))).toEqual({ text: '똠' });
    expect(decodeCp949(Uint8Array.from([0x81, 0x41, 0xc6, 0x52, 0xa2, 0xe6]))).toEqual({ text: '갂힣€' });
  });
  it('reads UTF-8, with or without a BOM, as UTF-8', () => {
    const text = `${OLD_HEADER}\r\nk,q,질문,yes,네,100,,\r\n`;
    expect(decodeCsv(Buffer.from(text))).toEqual({ ok: true, text, encoding: 'utf-8', bom: false });
    expect(decodeCsv(Buffer.from(`\uFEFF${text}`))).toEqual({ ok: true, text, encoding: 'utf-8', bom: true });
  });
  it('refuses UTF-16 (Excel\'s "유니코드 텍스트"), with or without a BOM', () => {
    expect(decodeCsv(utf16Csv)).toEqual({ ok: false, reason: 'utf-16', bom: 'le' });
    expect(decodeCsv(Buffer.from(`\uFEFF${OLD_HEADER}`, 'utf16le').swap16())).toEqual({ ok: false, reason: 'utf-16', bom: 'be' });
    expect(decodeCsv(Buffer.from(`${OLD_HEADER}\r\n`, 'utf16le'))).toEqual({ ok: false, reason: 'utf-16', bom: 'none' });
  });
  it('refuses bytes neither encoding reads, pointing at the first of them', () => {
    const decoded = decodeCsv(unreadableCsv);
    expect(decoded).toMatchObject({ ok: false, reason: 'unreadable', byte: 0xff });
    expect(!decoded.ok && decoded.reason !== 'utf-16' && lineAt(unreadableCsv, decoded.offset)).toBe(3);
    // A UTF-8 file with one bad byte is not guessed to be CP949.
    expect(decodeCsv(Buffer.concat([Buffer.from('\uFEFF질문,'), Buffer.from([0xb3, 0xd7])]))).toMatchObject({ ok: false, reason: 'unreadable', offset: 10 });
  });
  it('does not take Latin-1 that happens to be valid CP949 for Korean', () => {
    // "Cafééé ok" in Windows-1252: 0xE9 0xE9 reads as a CP949 hanja.
    expect(decodeCsv(Buffer.from('Caf\u00e9\u00e9 ok', 'latin1'))).toMatchObject({ ok: false, reason: 'implausible', offset: 3 });
  });
});

describe('writeFileAtomic', () => {
  const dir = join(tmpdir(), `socialbench-atomic-${process.pid}`);
  const target = join(dir, 'survey.json');

  it('replaces the file through a temporary file in the same folder', () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(target, 'old');
    let temp = '';
    writeFileAtomic(target, '새 내용', {
      writeTemp: (path, data) => {
        temp = path;
        writeFileSync(path, data);
      },
    });
    expect(join(temp, '..')).toBe(dir);
    expect(temp.endsWith('.json')).toBe(false);
    expect(readFileSync(target, 'utf8')).toBe('새 내용');
    expect(readdirSync(dir)).toEqual(['survey.json']);
    writeFileAtomic(target, 'again');
    expect(readFileSync(target, 'utf8')).toBe('again');
    expect(readdirSync(dir)).toEqual(['survey.json']);
  });
  it('leaves the old file byte for byte, and no temporary file, when the write fails halfway', () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const old = Buffer.from('{"kept": "원래 설문"}\n');
    writeFileSync(target, old);
    const failing = (path: string, data: string) => {
      writeFileSync(path, data.slice(0, 3));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    expect(() => writeFileAtomic(target, '{"new": true}', { writeTemp: failing })).toThrow('ENOSPC');
    expect(readFileSync(target).equals(old)).toBe(true);
    expect(readdirSync(dir)).toEqual(['survey.json']);
    // And for a file that did not exist yet: nothing at all.
    const fresh = join(dir, 'fresh.json');
    expect(() => writeFileAtomic(fresh, '{}', { writeTemp: failing })).toThrow('ENOSPC');
    expect(readdirSync(dir)).toEqual(['survey.json']);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('parseImportArgs', () => {
  it('lists every missing flag at once, each a problem of the command', () => {
    const { errors, options } = parseImportArgs(['x.csv']);
    expect(options).toBeUndefined();
    // --source too, but the importer says so: the CSV's source addresses tell which --source to add.
    expect(errors.map((e) => e.field)).toEqual(['--id', '--title', '--publisher', '--population', '--year', '--n']);
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
  it('reads --method, --unit and --n-precision, and rejects a value they do not take', () => {
    const base = importArgsFor('t', tricky);
    expect(parseImportArgs([...base, '--method', 'observation', '--unit', '개 계정', '--n-precision', 'at-least']).options?.meta).toMatchObject({
      method: 'observation',
      sample: { n: 10, unit: '개 계정', nPrecision: 'at-least', population: '열 곳' },
    });
    expect(parseImportArgs([...base, '--method', 'survey', '--n-precision', 'abuot']).errors).toEqual([
      expect.objectContaining({ field: '--method', message: '"survey"은(는) 조사 방법이 아닙니다.' }),
      expect.objectContaining({ field: '--n-precision', message: '"abuot"은(는) 표본 수의 정확도가 아닙니다.', suggestion: 'about' }),
    ]);
  });
  it('--benchmark, --organization and --as-of come together: each missing one is named', () => {
    const base = importArgsFor('t', tricky);
    expect(parseImportArgs([...base, '--benchmark', 'ours-t']).errors).toEqual([
      expect.objectContaining({ field: '--organization', message: '--benchmark이(가) 있는데 --organization이(가) 없습니다.' }),
      expect.objectContaining({ field: '--as-of', message: '--benchmark이(가) 있는데 --as-of이(가) 없습니다.' }),
    ]);
    expect(parseImportArgs([...base, '--benchmark', 'ours-t']).errors[0]?.fix).toBe(
      '--organization을(를) 붙이세요 (예: --benchmark ours-kicom-2010 --organization "다온에듀" --as-of 2010-08-10). 설문만 가져오려면 --benchmark을(를) 빼세요.',
    );
    expect(parseImportArgs([...base, '--organization', '다온에듀', '--as-of', '2010-08-10']).errors).toEqual([
      expect.objectContaining({ field: '--benchmark', message: '--organization, --as-of이(가) 있는데 --benchmark이(가) 없습니다.' }),
    ]);
    expect(parseImportArgs([...base, ...benchmarkArgsFor('Ours T', { organization: ' ', asOf: '2010-8-10' })]).errors.map((e) => e.field)).toEqual(['--benchmark', '--organization', '--as-of']);
    expect(parseImportArgs([...base, ...benchmarkArgsFor('ours-t', { organization: '다온에듀', asOf: '2010-08-10' })]).options?.benchmark).toEqual({
      id: 'ours-t',
      organization: '다온에듀',
      asOf: '2010-08-10',
    });
  });
  it('asks nothing of --help', () => {
    expect(parseImportArgs(['--help'])).toEqual({ errors: [] });
  });
});

describe('npm run survey:import', () => {
  // Its own survey (not an example of content/, which a site owner replaces) and its own content
  // folder, one per test run: two runs at once in the same checkout must not read each other's CSV.
  const dir = join(root, `.tmp/unit-survey-import-${process.pid}`);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const content = join(dir, 'content');
  const csvFile = join(dir, 'survey.csv');
  const survey = tricky;
  const written = surveyJson(survey);
  const cli = (args: string[], extraEnv: Record<string, string> = {}) =>
    spawnSync(join(root, 'node_modules/.bin/node'), [join(root, 'scripts/survey-import.ts'), ...args], {
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
    expect(first.stderr).toContain('경고 npm run survey:import · --n sample.n\n  문제: ');

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

  it('writes every fixture with its benchmark, byte for byte, and keeps the notes of a benchmark it replaces (--force)', () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(content, { recursive: true });
    for (const { id, survey: s, benchmark } of answered) {
      writeFileSync(csvFile, surveyToCsv(id, s, benchmark));
      const run = cli([...importArgsFor(id, s, csvFile), ...benchmarkArgsFor(`ours-${id}`, benchmark)]);
      expect(run.status, run.stderr).toBe(0);
      expect(readFileSync(join(content, `surveys/${id}.json`), 'utf8')).toBe(surveyJson(s));
      expect(readFileSync(join(content, `benchmarks/ours-${id}.json`), 'utf8')).toBe(benchmarkJson(withoutNotes(benchmark)));
    }
    // The CSV has no notes: replacing the benchmark keeps the file's own, so the whole file comes back.
    const target = join(content, 'benchmarks/ours-fx-staff-2010.json');
    writeFileSync(target, benchmarkJson(staffBenchmark as Benchmark));
    writeFileSync(csvFile, surveyToCsv('fx-staff-2010', staff, staffBenchmark as Benchmark));
    const again = cli([...importArgsFor('fx-staff-2010', staff, csvFile), ...benchmarkArgsFor('ours-fx-staff-2010', staffBenchmark), '--force']);
    expect(again.status, again.stderr).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe(benchmarkJson(staffBenchmark as Benchmark));
    expect(again.stdout).toContain('벤치마크: 답한 문항 3개, 옮긴 notes 1개.');
    // --dry-run shows both files, each after its path, and writes neither.
    rmSync(join(content, 'surveys/fx-staff-2010.json'));
    const dry = cli([...importArgsFor('fx-staff-2010', staff, csvFile), ...benchmarkArgsFor('ours-fx-staff-2010', staffBenchmark), '--dry-run']);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toBe(`# ${join(content, 'surveys/fx-staff-2010.json')}\n${surveyJson(staff)}# ${target}\n${benchmarkJson(staffBenchmark as Benchmark)}`.replaceAll(`${root}/`, ''));
    expect(existsSync(join(content, 'surveys/fx-staff-2010.json'))).toBe(false);
  }, 120_000);

  it('writes the benchmark with the survey or neither: an existing benchmark, a bad answer, a failed write', () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(content, 'benchmarks'), { recursive: true });
    const args = [...importArgsFor('fx-staff-2010', staff, csvFile), ...benchmarkArgsFor('ours', staffBenchmark)];
    const surveyFile = join(content, 'surveys/fx-staff-2010.json');
    const benchmarkFile = join(content, 'benchmarks/ours.json');
    writeFileSync(benchmarkFile, '{"kept": true}');
    writeFileSync(csvFile, staffCsv());
    const taken = cli(args);
    expect(taken.status).toBe(1);
    expect(taken.stderr).toMatch(/^오류 .*benchmarks\/ours\.json\n {2}문제: 이미 있습니다\. 덮어쓰지 않습니다\.\n/);
    expect(taken.stderr).toContain('고치는 법: 다른 --benchmark를 주거나, 이 답을 새 CSV로 바꾸려면 --force를 붙이세요.');
    expect(existsSync(surveyFile)).toBe(false);
    expect(readFileSync(benchmarkFile, 'utf8')).toBe('{"kept": true}');

    rmSync(benchmarkFile);
    writeFileSync(csvFile, staffCsv({ 2: '1' }));
    const bad = cli(args);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`오류 ${csvFile}:3 · column "company_answer"\n  문제: 단일 선택 문항 "staff"에 1이 2개 있습니다 (2, 3번 줄).`);
    expect(bad.stderr.trim().split('\n').at(-1)).toBe('✗ 문제 1개: 아무것도 쓰지 않았습니다.');
    expect(readdirSync(content).flatMap((d) => readdirSync(join(content, d)))).toEqual([]);

    // A folder where the benchmark should go: its write fails after the survey's, which is taken back.
    mkdirSync(benchmarkFile);
    writeFileSync(csvFile, staffCsv());
    const failed = cli([...args, '--force']);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/오류 .*benchmarks\/ours\.json\n {2}문제: 쓸 수 없습니다: /);
    expect(failed.stderr).toContain('surveys/fx-staff-2010.json은(는) 새 파일이라 지웠습니다.');
    expect(existsSync(surveyFile)).toBe(false);
    expect(readdirSync(join(content, 'surveys'))).toEqual([]);
  }, 60_000);

  it('prints each survey rule with the JSON path as the field and the line where its question starts', () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(content, { recursive: true });
    writeFileSync(csvFile, [OLD_HEADER, 'rules,q,질문,a,가,60,,', 'rules,q,,b,나,60,,'].join('\r\n'));
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
    expect(run.stderr.trim().split('\n').at(-1)).toBe('✗ 문제 6개: 아무것도 쓰지 않았습니다.');
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

  /** One question "q" with the options yes / no / ddom, as in {@link cp949Csv}. */
  const korean: Survey = {
    ...survey,
    sample: { n: 100, population: '백 곳' },
    questions: [
      {
        id: 'q',
        text: '질문',
        type: 'single',
        options: [
          { id: 'yes', label: '네' },
          { id: 'no', label: '아니오' },
          { id: 'ddom', label: '똠' },
        ],
        results: { yes: 60, no: 30, ddom: 10 },
      },
    ],
  };
  const koreanArgs = (id: string) => importArgsFor(id, { ...korean, questions: [] }, csvFile);

  it('reads a CP949 file (Korean Excel\'s plain "CSV") with the right labels, and says so', () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(content, { recursive: true });
    writeFileSync(csvFile, cp949Csv);
    const run = cli(koreanArgs('k'));
    expect(run.status, run.stderr).toBe(0);
    const json = readFileSync(join(content, 'surveys/k.json'), 'utf8');
    expect(json).not.toContain('\uFFFD');
    expect(JSON.parse(json)).toEqual(korean);
    expect(run.stderr).toContain(
      [
        `경고 ${csvFile} · 인코딩`,
        '  문제: UTF-8이 아니어서 CP949(EUC-KR, 한국어 Windows와 Excel의 기본 인코딩)로 읽었습니다.',
        '  기대: UTF-8 CSV (Excel의 "CSV UTF-8(쉼표로 분리)" 형식)',
      ].join('\n'),
    );
  }, 60_000);

  it('refuses a file that is neither UTF-8 nor CP949, or is UTF-16, and writes nothing', () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(content, { recursive: true });
    writeFileSync(csvFile, unreadableCsv);
    const bad = cli(koreanArgs('k'));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`오류 ${csvFile}:3 · 인코딩\n  문제: 3번 줄의 바이트 0xFF는 UTF-8로도 CP949(EUC-KR)로도 읽을 수 없습니다.`);
    expect(bad.stderr).toContain('"CSV UTF-8(쉼표로 분리)(*.csv)"로 다시 저장하세요.');
    expect(bad.stderr).toContain(`iconv -f cp949 -t utf-8 ${csvFile} > utf8.csv`);
    expect(bad.stderr.trim().split('\n').at(-1)).toBe('✗ 문제 1개: 아무것도 쓰지 않았습니다.');

    writeFileSync(csvFile, utf16Csv);
    const utf16 = cli(koreanArgs('k'));
    expect(utf16.status).toBe(1);
    expect(utf16.stderr).toContain(`오류 ${csvFile} · 인코딩\n  문제: UTF-16 파일입니다 (Excel의 "유니코드 텍스트" 형식).`);
    expect(utf16.stderr).toContain('"CSV UTF-8(쉼표로 분리)(*.csv)"로 다시 저장하세요.');
    expect(readdirSync(content)).toEqual([]);
  }, 60_000);

  it('warns about formula cells and imports its own defused data.csv back to the original labels', () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(content, { recursive: true });
    const choice = { ...formulas, sample: { n: 100, population: '백 곳' }, questions: formulas.questions.slice(0, 1) };
    writeFileSync(csvFile, surveyToCsv('f', choice));
    const own = cli(importArgsFor('f', choice, csvFile));
    expect(own.status, own.stderr).toBe(0);
    expect(own.stderr).not.toContain('수식');
    expect(JSON.parse(readFileSync(join(content, 'surveys/f.json'), 'utf8'))).toEqual(choice);

    writeFileSync(csvFile, [OLD_HEADER, 'g,q,질문,a,"=HYPERLINK(""http://x"",""클릭"")",50,,', 'g,q,,b,나,50,,'].join('\r\n'));
    const raw = cli(importArgsFor('g', { ...korean, questions: [] }, csvFile));
    expect(raw.status, raw.stderr).toBe(0);
    expect(raw.stderr).toContain(`경고 ${csvFile}:2 · column "option"\n  문제: "=HYPERLINK(\\"http://x\\",\\"클릭\\")"은(는) "="(으)로 시작해`);
  }, 60_000);

  it('leaves the old survey and no temporary file when the write fails (--force)', () => {
    rmSync(dir, { recursive: true, force: true });
    const target = join(content, 'surveys/k.json');
    // A folder where the file should go: the rename onto it fails, as a full or read-only disk would.
    mkdirSync(target, { recursive: true });
    writeFileSync(join(target, 'kept'), '원래');
    writeFileSync(csvFile, cp949Csv);
    const run = cli([...koreanArgs('k'), '--force']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/오류 .*surveys\/k\.json\n {2}문제: 쓸 수 없습니다: /);
    expect(run.stderr).toContain('원래 파일은 그대로입니다.');
    expect(readdirSync(join(content, 'surveys'))).toEqual(['k.json']);
    expect(readFileSync(join(target, 'kept'), 'utf8')).toBe('원래');
  }, 60_000);
});
