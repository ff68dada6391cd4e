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
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { contentDir, displayPath } from '../src/lib/content-dir.ts';
import { errorsIn, formatProblems, type Problem } from '../src/lib/rules/problems.ts';
import type { SurveyIssue } from '../src/lib/surveys/validate.ts';
import { writeFileAtomic } from './lib/atomic-file.ts';
import { decodeCsv, lineAt } from './lib/csv-encoding.ts';
import { importSurveyCsv, rowIssueProblem, surveyJson } from './lib/survey-csv-import.ts';
import { COMMAND, IMPORT_USAGE, parseImportArgs } from './lib/survey-import-args.ts';

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
if (existsSync(target) && !options.force && !options.dryRun) {
  fail([
    file(
      {
        message: '이미 있습니다. 덮어쓰지 않습니다.',
        expected: '아직 없는 설문 id, 또는 --force (있는 파일을 바꿔 씀)',
        fix: '다른 --id를 주거나, 이 설문을 새 CSV로 바꾸려면 --force를 붙이세요.',
      },
      displayPath(target),
    ),
  ]);
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

const result = importSurveyCsv(decoded.text, options.id, options.meta, options.csv);
const cellWarnings = result.warnings.map((i) => rowIssueProblem(options.csv, i));
if (result.rowIssues.length > 0) {
  const cells = [...result.rowIssues.map((i) => rowIssueProblem(options.csv, i)), ...cellWarnings].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  fail([...notices, ...cells]);
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

const ruleProblems = result.issues.map(ruleProblem);
if (errorsIn(ruleProblems).length > 0) fail([...notices, ...cellWarnings, ...ruleProblems]);
// Warnings (the encoding, formula-like cells, a small sample) do not stop the import; the survey page marks small samples too.
const warnings = [...notices, ...cellWarnings, ...ruleProblems];
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
// The CSV's cells were checked; this catches a flag typed in a terminal that garbled it.
const broken = brokenAt(survey);
if (broken !== undefined) {
  fail([
    {
      kind: 'survey',
      file: COMMAND,
      field: broken,
      severity: 'error',
      message: '깨진 글자(U+FFFD "\uFFFD")가 들어 있습니다.',
      expected: '원자료의 글자 그대로',
      fix: '이 값을 준 옵션(--title, --publisher, --population, --unit, --source, --note)을 다시 쓰세요. 터미널의 인코딩이 UTF-8인지 확인하세요.',
    },
  ]);
}
const json = surveyJson(survey);
if (options.dryRun) {
  process.stdout.write(json);
  console.error(`✓ 문제 없음 (문항 ${survey.questions.length}개). --dry-run이라 파일은 쓰지 않았습니다.`);
} else {
  const existed = existsSync(target);
  try {
    mkdirSync(join(contentDir, 'surveys'), { recursive: true });
    writeFileAtomic(target, json);
  } catch (error) {
    fail([
      file(
        {
          message: `쓸 수 없습니다: ${(error as Error).message}`,
          expected: '쓸 수 있는 설문 폴더와 남은 디스크 공간',
          fix: `폴더 권한과 디스크 공간을 확인하고 다시 실행하세요. ${existed ? '원래 파일은 그대로입니다.' : '파일은 만들지 않았습니다.'}`,
        },
        displayPath(target),
      ),
    ]);
  }
  console.log(`✓ ${displayPath(target)}을(를) 썼습니다 (문항 ${survey.questions.length}개). npm run check로 확인하세요.`);
}
