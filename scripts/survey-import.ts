/**
 * npm run survey:import -- figures.csv --id kicom-2010 --title ... (see IMPORT_USAGE)
 *
 * Turns a spreadsheet export (one row per question and option) into content/surveys/<id>.json,
 * checked by the same rules as the build. Every problem (a bad flag, each bad cell with its line and
 * column, each survey rule) is printed as a Korean block (src/lib/rules/problems.ts), then one
 * closing line; nothing is written until the whole file is right, and an existing survey is
 * replaced only with --force. The CSV may be UTF-8 or CP949 (Korean Excel's plain "CSV"); anything
 * else is refused rather than read into broken characters. The JSON is written to a temporary file
 * and renamed into place, so a failed write leaves the previous survey as it was.
 *
 * With --benchmark (and --organization, --as-of) the company_answer column becomes
 * content/benchmarks/<id>.json as well, checked against the imported survey: both files are
 * written, or neither (a benchmark write that fails puts the survey back as it was).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { contentDir, displayPath } from '../src/lib/content-dir.ts';
import { errorsIn, formatProblems, type Problem } from '../src/lib/rules/problems.ts';
import type { SurveyIssue } from '../src/lib/surveys/validate.ts';
import { writeFileAtomic } from './lib/atomic-file.ts';
import { decodeCsv, lineAt } from './lib/csv-encoding.ts';
import { answerQuestion, benchmarkJson, importSurveyCsv, rowIssueProblem, surveyJson } from './lib/survey-csv-import.ts';
import { COMMAND, IMPORT_USAGE, parseImportArgs } from './lib/survey-import-args.ts';
import site from '../src/site.config.ts';
import { exitOnSiteConfigProblems } from '../src/lib/rules/site-config-gate.ts';

exitOnSiteConfigProblems(site);

const color = Boolean(process.stderr.isTTY) && !process.env.NO_COLOR;

/** "✗ 문제 3개: 아무것도 쓰지 않았습니다." (warnings are counted apart: they alone would not stop the import). */
function closing(problems: Problem[]): string {
  const errors = errorsIn(problems).length;
  const warnings = problems.length - errors;
  return `✗ 문제 ${errors}개${warnings ? `, 경고 ${warnings}개` : ''}: 아무것도 쓰지 않았습니다.`;
}

function fail(problems: Problem[], usage = false): never {
  console.error(formatProblems(problems, color));
  if (usage) console.error(`\n${IMPORT_USAGE}`);
  console.error(`\n${closing(problems)}`);
  process.exit(1);
}

const { options, errors } = parseImportArgs(process.argv.slice(2));
if (!options) {
  if (errors.length === 0) {
    console.log(IMPORT_USAGE);
    process.exit(0);
  }
  fail(errors, true);
}

const file = (found: Omit<Problem, 'file' | 'severity' | 'kind'>, at = options.csv): Problem => ({ kind: 'file', file: at, severity: 'error', ...found });

// npm runs scripts from the project root; a relative path means the folder the writer ran npm in.
const csvPath = resolve(process.env.INIT_CWD || process.cwd(), options.csv);
if (!existsSync(csvPath)) {
  fail([
    file({
      message: `파일이 없습니다 (찾아본 곳: ${csvPath}).`,
      expected: '스프레드시트에서 내보낸 CSV 파일',
      fix: '경로를 고치세요. 상대 경로는 npm run을 실행한 폴더에서 찾습니다.',
    }),
  ]);
}
if (statSync(csvPath).isDirectory()) {
  fail([file({ message: '폴더입니다.', expected: `CSV 파일 (예: ${join(options.csv, 'survey.csv')})`, fix: '폴더 안의 CSV 파일 경로를 주세요.' })]);
}
const target = join(contentDir, 'surveys', `${options.id}.json`);
const benchmarkTarget = options.benchmark ? join(contentDir, 'benchmarks', `${options.benchmark.id}.json`) : undefined;
if (!options.force && !options.dryRun) {
  const taken: Problem[] = [];
  if (existsSync(target)) {
    taken.push(
      file(
        {
          message: '이미 있습니다. 덮어쓰지 않습니다.',
          expected: '아직 없는 설문 id, 또는 --force (있는 파일을 바꿔 씀)',
          fix: '다른 --id를 주거나, 이 설문을 새 CSV로 바꾸려면 --force를 붙이세요.',
        },
        displayPath(target),
      ),
    );
  }
  if (benchmarkTarget && existsSync(benchmarkTarget)) {
    taken.push(
      file(
        {
          message: '이미 있습니다. 덮어쓰지 않습니다.',
          expected: '아직 없는 벤치마크 id, 또는 --force (있는 파일을 바꿔 씀, 그 파일의 notes는 남김)',
          fix: '다른 --benchmark를 주거나, 이 답을 새 CSV로 바꾸려면 --force를 붙이세요.',
        },
        displayPath(benchmarkTarget),
      ),
    );
  }
  if (taken.length > 0) fail(taken);
}

/**
 * The notes of the benchmark being replaced: the CSV has none, so they stay. A file that does not
 * read as a benchmark keeps none, and a warning says so.
 */
let keptNotes: Record<string, string> | undefined;
const notesNotices: Problem[] = [];
if (benchmarkTarget && existsSync(benchmarkTarget)) {
  try {
    const notes = (JSON.parse(readFileSync(benchmarkTarget, 'utf8')) as { notes?: unknown }).notes;
    if (notes !== undefined && (notes === null || typeof notes !== 'object' || Array.isArray(notes) || Object.values(notes).some((n) => typeof n !== 'string'))) {
      throw new Error('"notes"가 { "<문항 id>": "설명" } 묶음이 아닙니다.');
    }
    keptNotes = notes as Record<string, string> | undefined;
  } catch (error) {
    notesNotices.push({
      ...file(
        {
          field: 'notes',
          message: `지금 파일을 읽을 수 없어 답의 설명(notes)을 옮기지 못했습니다: ${(error as Error).message}`,
          expected: '벤치마크 JSON (CSV에는 notes가 없어, 바꾸는 파일의 notes를 옮깁니다)',
          fix: '새 파일에 notes를 다시 쓰세요.',
        },
        displayPath(benchmarkTarget),
      ),
      severity: 'warning',
    });
  }
}

let bytes: Buffer;
try {
  bytes = readFileSync(csvPath);
} catch (error) {
  fail([file({ message: `읽을 수 없습니다: ${(error as Error).message}`, expected: '읽을 수 있는 CSV 파일', fix: '파일 권한을 확인하거나, 스프레드시트에서 다시 내보내세요.' })]);
}

const ENCODINGS = 'UTF-8 CSV (Excel의 "CSV UTF-8(쉼표로 분리)" 형식), 또는 한국어 Excel의 "CSV (쉼표로 분리)" (CP949)';
const SAVE_AS_UTF8 = 'Excel에서 "다른 이름으로 저장" → 파일 형식 "CSV UTF-8(쉼표로 분리)(*.csv)"로 다시 저장하세요.';
const decoded = decodeCsv(bytes);
if (!decoded.ok && decoded.reason === 'utf-16') {
  fail([
    file({
      field: '인코딩',
      message: `UTF-16${decoded.bom === 'none' ? '(으)로 보이는' : ''} 파일입니다 (Excel의 "유니코드 텍스트" 형식). 글자가 깨지지 않게 읽지 않았습니다.`,
      expected: ENCODINGS,
      fix: `${SAVE_AS_UTF8} "유니코드 텍스트"는 칸을 탭으로 나누므로 인코딩만 바꿔서는 읽을 수 없습니다.`,
    }),
  ]);
}
if (!decoded.ok) {
  const line = lineAt(bytes, decoded.offset);
  const byte = `0x${decoded.byte.toString(16).toUpperCase().padStart(2, '0')}`;
  fail([
    file({
      line,
      field: '인코딩',
      message:
        decoded.reason === 'implausible'
          ? `${line}번 줄의 바이트 ${byte}는 UTF-8이 아니고, CP949(EUC-KR)로 읽으면 한글이 아닌 글자가 나옵니다. 글자가 깨지지 않게 아무것도 읽지 않았습니다.`
          : `${line}번 줄의 바이트 ${byte}는 UTF-8로도 CP949(EUC-KR)로도 읽을 수 없습니다. 글자가 깨지지 않게 아무것도 읽지 않았습니다.`,
      expected: ENCODINGS,
      fix: `${SAVE_AS_UTF8} 터미널에서는 UTF-8로 바꾸세요: iconv -f cp949 -t utf-8 ${options.csv} > utf8.csv (cp949 자리에 그 파일의 원래 인코딩)`,
    }),
  ]);
}

/** Printed with the other warnings: which encoding a file that was not UTF-8 was read in. */
const notices: Problem[] =
  decoded.encoding === 'cp949'
    ? [
        {
          ...file({
            field: '인코딩',
            message: 'UTF-8이 아니어서 CP949(EUC-KR, 한국어 Windows와 Excel의 기본 인코딩)로 읽었습니다.',
            expected: 'UTF-8 CSV (Excel의 "CSV UTF-8(쉼표로 분리)" 형식)',
            fix: `가져온 글자가 맞는지 확인하세요 (--dry-run은 쓰지 않고 보여 줍니다). 다음부터는 ${SAVE_AS_UTF8.replace('다시 ', '')}`,
          }),
          severity: 'warning',
        },
      ]
    : [];

const result = importSurveyCsv(decoded.text, options.id, options.meta, options.csv, options.benchmark && { ...options.benchmark, ...(keptNotes ? { notes: keptNotes } : {}) });
const cellWarnings = result.warnings.map((i) => rowIssueProblem(options.csv, i));
if (result.rowIssues.length > 0) {
  const cells = [...result.rowIssues.map((i) => rowIssueProblem(options.csv, i)), ...cellWarnings].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  fail([...notices, ...notesNotices, ...cells]);
}

/** The flag that gave the value at a JSON path, for rules the survey's description breaks. */
const FLAG_OF: [RegExp, string][] = [
  [/^title\b/, '--title'],
  [/^publisher\b/, '--publisher'],
  [/^year\b/, '--year'],
  [/^fieldwork\b/, '--fieldwork'],
  [/^method\b/, '--method'],
  [/^sample\.n\b/, '--n'],
  [/^sample\.unit\b/, '--unit'],
  [/^sample\.nPrecision\b/, '--n-precision'],
  [/^sample\.population\b/, '--population'],
  [/^sources\b/, '--source'],
  [/^note\b/, '--note'],
  [/^questions\[\d+\]\.sources\b/, '--cite'],
];

/**
 * A rule of the assembled survey as a block: the JSON path as the field. Question rules point at
 * the CSV line where the question starts, and the sample's unit at the line it was read from when
 * the CSV gave it; rules of the description point at the flag that gave it.
 */
function ruleProblem(issue: SurveyIssue): Problem {
  const index = /^questions\[(\d+)\]/.exec(issue.path)?.[1];
  const line = index !== undefined ? result.questionLines[Number(index)] : /^sample\.unit\b/.test(issue.path) ? result.unitLine : undefined;
  // A unit read from base_unit came from no flag.
  const flag = index === undefined && line !== undefined ? undefined : FLAG_OF.find(([pattern]) => pattern.test(issue.path))?.[1];
  return {
    kind: 'survey',
    file: line === undefined && flag ? COMMAND : options!.csv,
    ...(line !== undefined ? { line } : {}),
    ...(flag ? { section: flag } : {}),
    ...(issue.path ? { field: issue.path } : {}),
    severity: issue.level,
    message: issue.message,
    expected: issue.expected,
    fix: issue.fix,
    suggestion: issue.suggestion,
  };
}

/** The flag that gave a benchmark field. */
const BENCHMARK_FLAG: Record<string, string> = { organization: '--organization', asOf: '--as-of', survey: '--id' };

/**
 * A rule of the benchmark as a block: an answer's at the CSV line of its question's first
 * company_answer cell, a field a flag gave at that flag, a kept note at the file it came from.
 */
function benchmarkProblem(issue: SurveyIssue): Problem {
  const question = answerQuestion(issue.path);
  const line = question === undefined ? undefined : result.answerLines?.[question];
  const flag = BENCHMARK_FLAG[issue.path];
  const at = line !== undefined ? { file: options!.csv, line, section: 'column "company_answer"', field: issue.path } : flag ? { file: COMMAND, section: flag, field: issue.path } : { file: displayPath(benchmarkTarget!), field: issue.path };
  return { kind: 'benchmark', ...at, severity: issue.level, message: issue.message, expected: issue.expected, fix: issue.fix, suggestion: issue.suggestion };
}

const droppedNotes: Problem[] = (result.droppedNotes ?? []).map((question) => ({
  ...file(
    {
      field: `notes.${question}`,
      message: `가져온 설문에 문항 "${question}"이(가) 없어, 지금 파일에 있던 이 문항의 설명(notes)을 옮기지 않았습니다.`,
      expected: '설문의 문항에 붙인 설명',
      fix: '문항 id가 바뀌었으면 새 파일의 notes에 그 설명을 옮겨 쓰세요.',
    },
    displayPath(benchmarkTarget!),
  ),
  severity: 'warning' as const,
}));
const ruleProblems = [...result.issues.map(ruleProblem), ...(result.benchmarkIssues ?? []).map(benchmarkProblem)];
if (errorsIn(ruleProblems).length > 0) fail([...notices, ...notesNotices, ...cellWarnings, ...droppedNotes, ...ruleProblems]);
// Warnings (the encoding, formula-like cells, a small sample) do not stop the import; the survey page marks small samples too.
const warnings = [...notices, ...notesNotices, ...cellWarnings, ...droppedNotes, ...ruleProblems];
if (warnings.length > 0) console.error(`${formatProblems(warnings, color)}\n`);

/** The JSON path of the first text that holds U+FFFD (a broken character), or undefined. */
function brokenAt(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\uFFFD') ? path : undefined;
  if (Array.isArray(value)) return value.map((v, i) => brokenAt(v, `${path}[${i}]`)).find((p) => p !== undefined);
  if (value && typeof value === 'object') {
    return Object.entries(value).map(([k, v]) => brokenAt(v, path ? `${path}.${k}` : k)).find((p) => p !== undefined);
  }
  return undefined;
}

const survey = result.survey!;
const benchmark = result.benchmark;
// The CSV's cells were checked; this catches a flag typed in a terminal that garbled it.
const broken = brokenAt(survey);
const brokenAnswer = benchmark ? brokenAt({ organization: benchmark.organization }) : undefined;
if (broken !== undefined || brokenAnswer !== undefined) {
  fail([
    {
      kind: 'survey',
      file: COMMAND,
      field: (broken ?? brokenAnswer)!,
      severity: 'error',
      message: '깨진 글자(U+FFFD "\uFFFD")가 들어 있습니다.',
      expected: '원자료의 글자 그대로',
      fix: '이 값을 준 옵션(--title, --publisher, --population, --unit, --source, --note, --organization)을 다시 쓰세요. 터미널의 인코딩이 UTF-8인지 확인하세요.',
    },
  ]);
}
const json = surveyJson(survey);
const answered = benchmark ? ` 벤치마크: 답한 문항 ${Object.keys(benchmark.answers).length}개${benchmark.notes ? `, 옮긴 notes ${Object.keys(benchmark.notes).length}개` : ''}.` : '';
if (options.dryRun) {
  // Two files: each after a line with its path ("# content/…"), so neither is taken for the other.
  process.stdout.write(benchmark ? `# ${displayPath(target)}\n${json}# ${displayPath(benchmarkTarget!)}\n${benchmarkJson(benchmark)}` : json);
  console.error(`✓ 문제 없음 (문항 ${survey.questions.length}개).${answered} --dry-run이라 파일은 쓰지 않았습니다.`);
} else {
  const writes = [{ path: target, text: json, what: '설문' }, ...(benchmark ? [{ path: benchmarkTarget!, text: benchmarkJson(benchmark), what: '벤치마크' }] : [])];
  /** What each file held before, to put back when a later write fails: either both files are new, or neither. */
  const before = writes.map((w) => (existsSync(w.path) && !statSync(w.path).isDirectory() ? readFileSync(w.path) : undefined));
  writes.forEach((w, i) => {
    try {
      mkdirSync(dirname(w.path), { recursive: true });
      writeFileAtomic(w.path, w.text);
    } catch (error) {
      const undone = writes.slice(0, i).map((done, j) => {
        try {
          if (before[j] === undefined) {
            rmSync(done.path, { force: true });
            return ` 먼저 쓴 ${displayPath(done.path)}은(는) 새 파일이라 지웠습니다.`;
          }
          writeFileAtomic(done.path, before[j].toString('utf8'));
          return ` 먼저 쓴 ${displayPath(done.path)}은(는) 원래 내용으로 되돌렸습니다.`;
        } catch {
          return ` 먼저 쓴 ${displayPath(done.path)}을(를) 되돌리지 못했습니다: 새 ${done.what}입니다.`;
        }
      });
      fail([
        file(
          {
            message: `쓸 수 없습니다: ${(error as Error).message}`,
            expected: `쓸 수 있는 ${w.what} 폴더와 남은 디스크 공간`,
            fix: `폴더 권한과 디스크 공간을 확인하고 다시 실행하세요. ${before[i] !== undefined || existsSync(w.path) ? '원래 파일은 그대로입니다.' : '파일은 만들지 않았습니다.'}${undone.join('')}`,
          },
          displayPath(w.path),
        ),
      ]);
    }
  });
  const wrote = writes.map((w) => displayPath(w.path)).join(', ');
  console.log(`✓ ${wrote}을(를) 썼습니다 (문항 ${survey.questions.length}개).${answered} npm run check로 확인하세요.`);
}
