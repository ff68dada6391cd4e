import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS, defuseCell, restoreCell, surveyToCsv } from '@/lib/surveys/csv';
import type { Benchmark, Survey } from '@/lib/surveys/types';
import { writeFileAtomic } from '../../scripts/lib/atomic-file.ts';
import { decodeCp949, decodeCsv, lineAt } from '../../scripts/lib/csv-encoding.ts';
import { formatRowIssue, importSurveyCsv, surveyJson, surveyMeta, type SurveyMeta } from '../../scripts/lib/survey-csv-import.ts';
import { goalsSurvey, staffSurvey } from '../support/sites-blog';
import { xssSurvey } from '../support/sites-surveys';
import { COMMAND, importArgsFor, parseImportArgs } from '../../scripts/lib/survey-import-args.ts';

const root = join(import.meta.dirname, '../..');
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

describe('importSurveyCsv warns about cells a spreadsheet would run as formulas', () => {
  const meta: SurveyMeta = { ...surveyMeta(tricky), questions: { n: { type: 'numeric', unit: '개' } } };
  const run = (lines: string[]) => importSurveyCsv([CSV_COLUMNS.join(','), ...lines].join('\r\n'), 't', meta, 'in.csv');

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
    expect(result.warnings).toEqual([]);
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
  ...ascii(`${CSV_COLUMNS.join(',')}\r\nk,q,`),
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
const unreadableCsv = Buffer.concat([Buffer.from(`${CSV_COLUMNS.join(',')}\r\nk,q,질문,yes,네,60,,\r\nk,q,,no,`), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from(',40,,\r\n')]);
const utf16Csv = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${CSV_COLUMNS.join('\t')}\r\nk\tq\t질문\tyes\t네\t100\t\t\r\n`, 'utf16le')]);

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
    const text = `${CSV_COLUMNS.join(',')}\r\nk,q,질문,yes,네,100,,\r\n`;
    expect(decodeCsv(Buffer.from(text))).toEqual({ ok: true, text, encoding: 'utf-8', bom: false });
    expect(decodeCsv(Buffer.from(`\uFEFF${text}`))).toEqual({ ok: true, text, encoding: 'utf-8', bom: true });
  });
  it('refuses UTF-16 (Excel\'s "유니코드 텍스트"), with or without a BOM', () => {
    expect(decodeCsv(utf16Csv)).toEqual({ ok: false, reason: 'utf-16', bom: 'le' });
    expect(decodeCsv(Buffer.from(`\uFEFF${CSV_COLUMNS.join(',')}`, 'utf16le').swap16())).toEqual({ ok: false, reason: 'utf-16', bom: 'be' });
    expect(decodeCsv(Buffer.from(`${CSV_COLUMNS.join(',')}\r\n`, 'utf16le'))).toEqual({ ok: false, reason: 'utf-16', bom: 'none' });
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

    writeFileSync(csvFile, [CSV_COLUMNS.join(','), 'g,q,질문,a,"=HYPERLINK(""http://x"",""클릭"")",50,,', 'g,q,,b,나,50,,'].join('\r\n'));
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
