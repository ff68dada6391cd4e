/**
 * npm run survey:import -- figures.csv --id kicom-2010 --title ... (see IMPORT_USAGE)
 *
 * Turns a spreadsheet export (one row per question and option) into content/surveys/<id>.json,
 * checked by the same rules as the build. Every bad row is reported (line, column, problem) and
 * nothing is written until the whole file is right; an existing survey is replaced only with --force.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { contentDir, displayPath } from '../src/lib/content-dir';
import { formatRowIssue, importSurveyCsv, surveyJson } from '../src/lib/surveys/csv';
import { IMPORT_USAGE, parseImportArgs } from '../src/lib/surveys/import-args';
import { formatIssue } from '../src/lib/surveys/validate';

function fail(lines: string[]): never {
  for (const line of lines) console.error(line);
  process.exit(1);
}

const { options, errors } = parseImportArgs(process.argv.slice(2));
if (!options) {
  if (errors.length === 0) {
    console.log(IMPORT_USAGE);
    process.exit(0);
  }
  fail([...errors.map((e) => `survey:import: ${e}`), '', IMPORT_USAGE]);
}

// npm runs scripts from the project root; a relative path means the folder the writer ran npm in.
const csvPath = resolve(process.env.INIT_CWD || process.cwd(), options.csv);
if (!existsSync(csvPath)) fail([`survey:import: ${options.csv}: no such file (looked for ${csvPath})`]);
if (statSync(csvPath).isDirectory()) fail([`survey:import: ${options.csv}: is a folder; expected a CSV file such as ${join(options.csv, 'survey.csv')}`]);
const target = join(contentDir, 'surveys', `${options.id}.json`);
if (existsSync(target) && !options.force && !options.dryRun) {
  fail([`survey:import: ${displayPath(target)} already exists; nothing written. Use another --id, or --force to replace it.`]);
}

let text: string;
try {
  text = readFileSync(csvPath, 'utf8');
} catch (error) {
  fail([`survey:import: ${options.csv}: cannot be read (${(error as Error).message})`]);
}
const result = importSurveyCsv(text, options.id, options.meta, options.csv);
if (result.rowIssues.length > 0) {
  fail([...result.rowIssues.map((i) => formatRowIssue(options.csv, i)), `survey:import: ${result.rowIssues.length} problem(s); nothing written.`]);
}

// Rule violations of the assembled survey point at the CSV line where the question starts.
const errorsFound = result.issues.filter((i) => i.level === 'error');
for (const issue of result.issues) {
  const index = /^questions\[(\d+)\]/.exec(issue.path)?.[1];
  const line = index === undefined ? undefined : result.questionLines[Number(index)];
  const where = line === undefined ? '' : ` (question starting on line ${line})`;
  (issue.level === 'error' ? console.error : console.warn)(`${formatIssue({ ...issue, file: options.csv })}${where}`);
}
if (errorsFound.length > 0) fail([`survey:import: ${errorsFound.length} problem(s); nothing written.`]);

const json = surveyJson(result.survey!);
if (options.dryRun) {
  process.stdout.write(json);
} else {
  mkdirSync(join(contentDir, 'surveys'), { recursive: true });
  writeFileSync(target, json);
  console.log(`survey:import: wrote ${displayPath(target)} (${result.survey!.questions.length} questions). Check it with npm run build.`);
}
