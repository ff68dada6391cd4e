/**
 * npm run survey:import -- figures.csv --id kicom-2010 --title ... (see IMPORT_USAGE)
 *
 * Turns a spreadsheet export (one row per question and option) into content/surveys/<id>.json,
 * checked by the same rules as the build. Every problem (a bad flag, each bad cell with its line and
 * column, each survey rule) is printed as a Korean block (src/lib/rules/problems.ts), then one
 * closing line; nothing is written until the whole file is right, and an existing survey is
 * replaced only with --force.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { contentDir, displayPath } from '../src/lib/content-dir.ts';
import { errorsIn, formatProblems, type Problem } from '../src/lib/rules/problems.ts';
import type { SurveyIssue } from '../src/lib/surveys/validate.ts';
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

let text: string;
try {
  text = readFileSync(csvPath, 'utf8');
} catch (error) {
  fail([file({ message: `읽을 수 없습니다: ${(error as Error).message}`, expected: '읽을 수 있는 CSV 파일', fix: '파일 권한을 확인하거나, 스프레드시트에서 다시 내보내세요.' })]);
}
const result = importSurveyCsv(text, options.id, options.meta, options.csv);
if (result.rowIssues.length > 0) fail(result.rowIssues.map((i) => rowIssueProblem(options.csv, i)));

/** The flag that gave the value at a JSON path, for rules the survey's description breaks. */
const FLAG_OF: [RegExp, string][] = [
  [/^title\b/, '--title'],
  [/^publisher\b/, '--publisher'],
  [/^year\b/, '--year'],
  [/^fieldwork\b/, '--fieldwork'],
  [/^sample\.n\b/, '--n'],
  [/^sample\.population\b/, '--population'],
  [/^sources\b/, '--source'],
  [/^note\b/, '--note'],
  [/^questions\[\d+\]\.sources\b/, '--cite'],
];

/**
 * A rule of the assembled survey as a block: the JSON path as the field. Question rules point at
 * the CSV line where the question starts; rules of the description point at the flag that gave it.
 */
function ruleProblem(issue: SurveyIssue): Problem {
  const index = /^questions\[(\d+)\]/.exec(issue.path)?.[1];
  const line = index === undefined ? undefined : result.questionLines[Number(index)];
  const flag = FLAG_OF.find(([pattern]) => pattern.test(issue.path))?.[1];
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
if (errorsIn(ruleProblems).length > 0) fail(ruleProblems);
// Warnings (a small sample) do not stop the import; the survey page marks them too.
if (ruleProblems.length > 0) console.error(`${formatProblems(ruleProblems, color)}\n`);

const survey = result.survey!;
const json = surveyJson(survey);
if (options.dryRun) {
  process.stdout.write(json);
  console.error(`✓ 문제 없음 (문항 ${survey.questions.length}개). --dry-run이라 파일은 쓰지 않았습니다.`);
} else {
  mkdirSync(join(contentDir, 'surveys'), { recursive: true });
  writeFileSync(target, json);
  console.log(`✓ ${displayPath(target)}을(를) 썼습니다 (문항 ${survey.questions.length}개). npm run check로 확인하세요.`);
}
