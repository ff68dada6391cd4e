/**
 * Command-line options of `npm run survey:import`: the survey's description, which the CSV does not
 * carry, given as flags so nobody writes JSON by hand. Pure: parsing, with every mistake as a
 * Korean problem block, and its inverse (`importArgsFor`, used by the round-trip test and to print
 * the command for an existing survey).
 */
import { parseArgs } from 'node:util';
import type { Problem } from '../../src/lib/rules/problems.ts';
import { nearest } from '../../src/lib/rules/suggest.ts';
import { CSV_COLUMNS } from '../../src/lib/surveys/csv.ts';
import { DEFAULT_SAMPLE_UNIT } from '../../src/lib/surveys/stats.ts';
import { PROVENANCES, type Benchmark, type Provenance, type SampleNPrecision, type Survey, type SurveyMethod, type SurveySource } from '../../src/lib/surveys/types.ts';
import { ID_PATTERN as ID } from '../../src/lib/surveys/validate.ts';
import { KOREAN_COLUMNS, sourcesFromCsv, type BenchmarkMeta, type QuestionMeta, type SurveyMeta } from './survey-csv-import.ts';

/** Where argument problems are said to be: the command itself. */
export const COMMAND = 'npm run survey:import';

export const IMPORT_USAGE = `사용법: npm run survey:import -- <파일.csv> --id <설문-id> --title <제목> --publisher <발표 기관>
         --year <연도> --n <표본 수> --population <조사 대상> --source "<출처 종류>|<주소>|<제목>[|<id>[|<메모>]]"
         [--fieldwork <시작>..<끝>] [--method observation] [--unit <단위>] [--n-precision about|at-least]
         [--note <메모>] [--multi <문항1,문항2>] [--partial <문항1,문항2>]
         [--numeric <문항>=<단위>] [--cite <문항>=<출처-id,...>]
         [--benchmark <벤치마크-id> --organization <조직 이름> --as-of <YYYY-MM-DD>] [--force] [--dry-run]

  CSV는 문항과 선택지마다 한 줄이고, 열은 /surveys/<id>/data.csv와 같습니다:
    ${CSV_COLUMNS.join(',')}
  열 이름은 한국어로 써도 됩니다: ${CSV_COLUMNS.map((c) => KOREAN_COLUMNS[c]).join(',')}
  question_id, question, option_id, option, share_pct 열은 꼭 있어야 하고, 나머지는 없어도 됩니다.
  share_pct가 빈 칸이면 "보고되지 않음"이고, 숫자 문항(--numeric)은 mean, median마다 한 줄입니다.
  approximate가 1이면 출처가 어림값으로 밝힌 수치("약 75%")입니다. figure가 computed인 줄은 출처가
  이름을 밝힌 나머지 답으로, 비율은 100에서 보고된 비율을 뺀 값이어야 합니다 (반올림 차이까지).
  base_unit은 표본의 단위(곳, 명, 개사, 개 계정 …)이고, --unit을 주면 같아야 합니다.
  source_url은 문항 출처의 주소(여럿이면 띄어쓰기로 나눔)로, --source의 주소와 맞춰 문항의 출처를
  찾습니다. provenance는 그 출처 가운데 가장 직접적인 종류와 같아야 합니다. CSV에는 출처의 제목이
  없으므로 출처마다 --source가 필요합니다 (없으면 CSV의 주소와 종류로 채운 --source를 알려 줍니다).
  파일은 UTF-8(Excel의 "CSV UTF-8") 또는 CP949(한국어 Excel의 "CSV")로 읽고, 다른 인코딩은 읽지 않습니다.
  =, +, -, @로 시작해 수식으로 보이는 칸은 경고합니다 (사이트의 data.csv가 앞에 붙인 "'"는 뗍니다).
  출처 종류: read (발표 기관의 원문을 읽음), press (언론 보도), secondhand (제3자의 요약).
  --method: questionnaire (설문, 기본값) 또는 observation (계정·자료를 관찰해 셈).
  --n-precision: exact (정확한 수, 기본값), about (약 …), at-least (… 이상).
  제목이나 메모 안의 "|"는 "\\|"로 씁니다.
  --multi나 --numeric에 없는 문항은 단일 선택입니다. --partial은 답이 일부만 보고된 문항입니다.
  --source, --multi, --partial, --numeric, --cite는 여러 번 쓸 수 있습니다.
  company_answer는 조직의 답입니다: 선택지 문항은 고른 답에 1, 아닌 답에 0, 숫자 문항은 조직의 수.
  --benchmark를 주면 그 답을 content/benchmarks/<벤치마크-id>.json으로 함께 씁니다 (--organization,
  --as-of도 필요). 벤치마크의 notes(답에 붙인 설명)는 CSV에 없어, --force로 바꾸는 파일의 notes를 남깁니다.
  결과는 content/surveys/<id>.json에 씁니다 (CONTENT_DIR을 따릅니다). 이미 있는 파일은 --force일 때만
  바꿉니다. 두 파일 가운데 하나라도 문제가 있으면 아무것도 쓰지 않습니다.
  --dry-run은 파일을 쓰지 않고 JSON을 화면에 보여 줍니다.`;

export interface ImportOptions {
  csv: string;
  id: string;
  meta: SurveyMeta;
  /** --benchmark, --organization, --as-of: the company_answer column becomes this benchmark. */
  benchmark?: BenchmarkMeta;
  force: boolean;
  dryRun: boolean;
}

const FLAGS = {
  id: { type: 'string' },
  title: { type: 'string' },
  publisher: { type: 'string' },
  year: { type: 'string' },
  n: { type: 'string' },
  population: { type: 'string' },
  fieldwork: { type: 'string' },
  method: { type: 'string' },
  unit: { type: 'string' },
  'n-precision': { type: 'string' },
  note: { type: 'string' },
  source: { type: 'string', multiple: true },
  multi: { type: 'string', multiple: true },
  partial: { type: 'string', multiple: true },
  numeric: { type: 'string', multiple: true },
  cite: { type: 'string', multiple: true },
  benchmark: { type: 'string' },
  organization: { type: 'string' },
  'as-of': { type: 'string' },
  force: { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;
const FLAG_NAMES = Object.keys(FLAGS).map((f) => `--${f}`);

const METHODS: readonly SurveyMethod[] = ['questionnaire', 'observation'];
const N_PRECISIONS: readonly SampleNPrecision[] = ['exact', 'about', 'at-least'];

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Splits a --source value at "|"; a "|" inside a title or note is written "\\|". */
function splitSource(text: string): string[] {
  return text.split(/(?<!\\)\|/).map((part) => part.replace(/\\\|/g, '|').trim());
}

const escapeBar = (text: string) => text.replace(/\|/g, '\\|');

/** "staff=명" -> ["staff", "명"] */
function pair(value: string): [string, string] | undefined {
  const at = value.indexOf('=');
  if (at <= 0) return undefined;
  return [value.slice(0, at).trim(), value.slice(at + 1).trim()];
}

/**
 * node:util's message names the flag in quotes: "Unknown option '--titel'", "Option '--id <value>'
 * argument missing", "Option '-h, --help' does not take an argument" (the long name then).
 */
const flagIn = (message: string): string => /'(?:-\w, )?(-[^' ]*)/.exec(message)?.[1] ?? '';

type Found = Pick<Problem, 'message'> & Partial<Pick<Problem, 'expected' | 'fix' | 'suggestion'>>;

const problem = (field: string, found: Found): Problem => ({ kind: 'arguments', file: COMMAND, ...(field ? { field } : {}), severity: 'error', ...found });

/**
 * The options, or every problem with them at once (`errors`, Korean blocks for
 * src/lib/rules/problems.ts). Neither options nor errors: `--help` was asked for.
 */
export function parseImportArgs(argv: string[]): { options?: ImportOptions; errors: Problem[] } {
  const errors: Problem[] = [];
  const add = (field: string, found: Found) => errors.push(problem(field, found));
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: FLAGS });
  } catch (error) {
    const { code, message } = error as Error & { code?: string };
    const flag = flagIn(message);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      add(flag, {
        message: `알 수 없는 옵션 ${flag}입니다.`,
        expected: `쓸 수 있는 옵션: ${FLAG_NAMES.join(', ')}`,
        fix: '철자를 고치세요. 값이 "-"로 시작하면 --옵션=-값 처럼 붙여 쓰세요.',
        suggestion: nearest(flag, FLAG_NAMES),
      });
    } else if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /does not take/.test(message)) {
      add(flag, { message: `${flag}에는 값을 붙이지 않습니다.`, expected: `${flag} 하나만`, fix: `${flag} 뒤의 "=값"을 지우세요.` });
    } else if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      add(flag, { message: `${flag} 뒤에 값이 없습니다.`, expected: `${flag} <값>`, fix: `값을 쓰세요. "-"로 시작하는 값은 ${flag}=-값 처럼 붙여 씁니다.` });
    } else {
      add('', { message });
    }
    return { errors };
  }
  const v = parsed.values;
  if (v.help) return { errors: [] };
  const [csv, ...extra] = parsed.positionals;
  if (!csv) {
    add('<파일.csv>', {
      message: '가져올 CSV 파일이 없습니다.',
      expected: '첫 번째 인자로 CSV 파일 경로',
      fix: 'npm run survey:import -- survey.csv --id ... 처럼 파일을 맨 앞에 쓰세요.',
    });
  }
  if (extra.length > 0) {
    add(extra.join(' '), {
      message: `남는 인자가 있습니다: ${extra.join(' ')}`,
      expected: 'CSV 파일 하나와 --옵션 값들',
      fix: '띄어쓰기가 들어간 값은 큰따옴표로 감싸세요: --title "대기업 소셜미디어 운영 현황 조사"',
    });
  }
  if (!v.id || !ID.test(v.id)) {
    add('--id', {
      message: v.id ? `${JSON.stringify(v.id)}은(는) 설문 id로 쓸 수 없습니다.` : '--id가 없습니다.',
      expected: '설문 id: 영문 소문자와 숫자, 낱말 사이는 "-" (예: kicom-2010)',
      fix: '파일 이름이 될 id를 --id kicom-2010 처럼 주세요.',
    });
  }
  const texts = { title: '설문 제목', publisher: '발표 기관', population: '조사 대상 (예: 국내 대기업)' } as const;
  for (const [name, what] of Object.entries(texts) as [keyof typeof texts, string][]) {
    if (!v[name]?.trim()) add(`--${name}`, { message: `--${name}이(가) 없습니다.`, expected: what, fix: `--${name} "…" 처럼 주세요.` });
  }
  const year = Number(v.year);
  if (!v.year || !Number.isInteger(year)) {
    add('--year', {
      message: v.year ? `${JSON.stringify(v.year)}은(는) 연도가 아닙니다.` : '--year가 없습니다.',
      expected: '발표 연도 (예: 2010)',
      fix: '--year 2010 처럼 숫자로 주세요.',
    });
  }
  const n = Number(v.n);
  if (!v.n || !Number.isInteger(n) || n <= 0) {
    add('--n', {
      message: v.n ? `${JSON.stringify(v.n)}은(는) 표본 수가 아닙니다.` : '--n이 없습니다.',
      expected: '표본 수 (응답자나 관찰 대상의 수): 1 이상의 정수 (예: 42)',
      fix: '--n 42 처럼 쉼표 없이 숫자로 주세요. 출처가 "약 1,900명"이나 "34,000곳 이상"이라 했으면 --n-precision도 주세요.',
    });
  }
  if (v.method !== undefined && !METHODS.includes(v.method as SurveyMethod)) {
    add('--method', {
      message: `${JSON.stringify(v.method)}은(는) 조사 방법이 아닙니다.`,
      expected: 'questionnaire (설문에 답을 받음, 기본값) 또는 observation (계정·문서 등을 관찰해 셈)',
      fix: '--method observation 처럼 주세요. 설문이면 --method를 빼도 됩니다.',
      suggestion: nearest(v.method, METHODS),
    });
  }
  if (v['n-precision'] !== undefined && !N_PRECISIONS.includes(v['n-precision'] as SampleNPrecision)) {
    add('--n-precision', {
      message: `${JSON.stringify(v['n-precision'])}은(는) 표본 수의 정확도가 아닙니다.`,
      expected: 'exact (정확한 수, 기본값), about (약 …, 출처가 어림수로 밝힘) 또는 at-least (… 이상)',
      fix: '--n-precision about 처럼 주세요. 정확한 수면 빼도 됩니다.',
      suggestion: nearest(v['n-precision'], N_PRECISIONS),
    });
  }
  const unit = v.unit?.trim();
  if (v.unit !== undefined && !unit) {
    add('--unit', { message: '--unit이 비어 있습니다.', expected: '표본의 단위 (예: 곳, 명, 개사, 개 계정)', fix: '--unit 명 처럼 주거나, CSV의 base_unit을 쓰려면 빼세요.' });
  }

  let fieldwork: SurveyMeta['fieldwork'];
  if (v.fieldwork !== undefined) {
    const [start, end, ...rest] = v.fieldwork.split('..');
    if (!start || !end || rest.length > 0) {
      add('--fieldwork', {
        message: `${JSON.stringify(v.fieldwork)}은(는) 조사 기간이 아닙니다.`,
        expected: '<시작>..<끝> (예: 2010-03-01..2010-04-12)',
        fix: '시작일과 끝 날짜 사이에 마침표 두 개(..)를 쓰세요.',
      });
    } else fieldwork = { start: start.trim(), end: end.trim() };
  }

  const sources: SurveySource[] = [];
  for (const text of v.source ?? []) {
    const [provenance, url, title, id, note, ...rest] = splitSource(text);
    if (!provenance || !url || !title || rest.length > 0) {
      add('--source', {
        message: `${JSON.stringify(text)}은(는) 출처 형식이 아닙니다.`,
        expected: '"<출처 종류>|<주소>|<제목>", 필요하면 뒤에 "|<id>|<메모>"',
        fix: '칸을 "|"로 나누세요. 제목 안의 "|"는 "\\|"로 씁니다.',
      });
      continue;
    }
    if (!PROVENANCES.includes(provenance as Provenance)) {
      add('--source', {
        message: `출처 종류 "${provenance}"은(는) 쓸 수 없습니다.`,
        expected: 'read (원문을 읽음), press (언론 보도), secondhand (제3자의 요약)',
        fix: `--source의 첫 칸을 고치세요: ${JSON.stringify(text)}`,
        suggestion: nearest(provenance, PROVENANCES),
      });
      continue;
    }
    sources.push({ ...(id ? { id } : {}), title, url, provenance: provenance as Provenance, ...(note ? { note } : {}) });
  }
  // No --source at all is the importer's to report: the CSV's source_url and provenance columns say which --source to add.

  const questions: Record<string, QuestionMeta> = {};
  const q = (id: string) => (questions[id] ??= {});
  for (const id of (v.multi ?? []).flatMap(list)) q(id).type = 'multi';
  for (const id of (v.partial ?? []).flatMap(list)) q(id).partial = true;
  for (const text of v.numeric ?? []) {
    const p = pair(text);
    if (!p || !p[1]) {
      add('--numeric', { message: `${JSON.stringify(text)}에 문항이나 단위가 없습니다.`, expected: '<문항>=<단위> (예: twitter-accounts=개)', fix: '문항 id와 단위 사이에 "="를 쓰세요.' });
    } else Object.assign(q(p[0]), { type: 'numeric', unit: p[1] });
  }
  for (const text of v.cite ?? []) {
    const p = pair(text);
    if (!p || list(p[1]).length === 0) {
      add('--cite', { message: `${JSON.stringify(text)}에 문항이나 출처 id가 없습니다.`, expected: '<문항>=<출처-id,...> (예: staff=kicom)', fix: '문항 id와 출처 id 사이에 "="를 쓰세요.' });
    } else q(p[0]).sources = list(p[1]);
  }
  const benchmark = benchmarkFlags(v, add);
  for (const [id, meta] of Object.entries(questions)) {
    if (meta.type === 'numeric' && meta.partial) {
      add('--partial', {
        message: `문항 "${id}"은(는) 숫자 문항(--numeric)이라 --partial을 쓸 수 없습니다.`,
        expected: '--partial에는 선택지가 있는 문항만',
        fix: `--partial에서 ${id}를 빼세요.`,
      });
    }
  }
  if (errors.length > 0) return { errors };
  return {
    errors,
    options: {
      csv: csv!,
      id: v.id!,
      force: v.force === true,
      dryRun: v['dry-run'] === true,
      ...(benchmark ? { benchmark } : {}),
      meta: {
        title: v.title!.trim(),
        publisher: v.publisher!.trim(),
        year,
        ...(fieldwork ? { fieldwork } : {}),
        ...(v.method !== undefined ? { method: v.method as SurveyMethod } : {}),
        sample: {
          n,
          ...(unit ? { unit } : {}),
          ...(v['n-precision'] !== undefined ? { nPrecision: v['n-precision'] as SampleNPrecision } : {}),
          population: v.population!.trim(),
        },
        sources,
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
        questions,
      },
    },
  };
}

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * --benchmark, --organization and --as-of, which come together: the benchmark they describe, or
 * undefined (none given, or a problem added for each one missing or wrong).
 */
function benchmarkFlags(v: { benchmark?: string; organization?: string; 'as-of'?: string }, add: (field: string, found: Found) => void): BenchmarkMeta | undefined {
  const given = { '--benchmark': v.benchmark, '--organization': v.organization, '--as-of': v['as-of'] };
  if (Object.values(given).every((value) => value === undefined)) return undefined;
  const example = '--benchmark ours-kicom-2010 --organization "다온에듀" --as-of 2010-08-10';
  const missing = Object.entries(given).filter(([, value]) => value === undefined).map(([flag]) => flag);
  for (const flag of missing) {
    const others = Object.keys(given).filter((f) => f !== flag && given[f as keyof typeof given] !== undefined);
    const what = { '--benchmark': '벤치마크 id (content/benchmarks/<id>.json의 파일 이름)', '--organization': '답한 조직의 이름', '--as-of': '답이 가리키는 날짜 YYYY-MM-DD' }[flag];
    add(flag, {
      message: `${others.join(', ')}이(가) 있는데 ${flag}이(가) 없습니다.`,
      expected: `조직의 답(company_answer)을 가져오려면 세 옵션 모두: ${flag}에는 ${what}`,
      fix: `${flag}을(를) 붙이세요 (예: ${example}). 설문만 가져오려면 ${others.join(', ')}을(를) 빼세요.`,
    });
  }
  let ok = missing.length === 0;
  if (v.benchmark !== undefined && !ID.test(v.benchmark)) {
    ok = false;
    add('--benchmark', {
      message: `${JSON.stringify(v.benchmark)}은(는) 벤치마크 id로 쓸 수 없습니다.`,
      expected: '벤치마크 id: 영문 소문자와 숫자, 낱말 사이는 "-" (예: ours-kicom-2010)',
      fix: '파일 이름이 될 id를 --benchmark ours-kicom-2010 처럼 주세요.',
    });
  }
  if (v.organization !== undefined && !v.organization.trim()) {
    ok = false;
    add('--organization', { message: '--organization이 비어 있습니다.', expected: '답한 조직의 이름 (예: 다온에듀)', fix: '--organization "다온에듀" 처럼 주세요.' });
  }
  if (v['as-of'] !== undefined && !DAY.test(v['as-of'].trim())) {
    ok = false;
    add('--as-of', {
      message: `${JSON.stringify(v['as-of'])}은(는) 날짜가 아닙니다.`,
      expected: '답이 가리키는 날짜 YYYY-MM-DD (예: 2010-08-10)',
      fix: '--as-of 2010-08-10 처럼 연-월-일을 두 자리씩 "-"로 이어 주세요.',
    });
  }
  return ok ? { id: v.benchmark!, organization: v.organization!.trim(), asOf: v['as-of']!.trim() } : undefined;
}

/** The flags that import `benchmark` (the answers data.csv carries) as content/benchmarks/<id>.json: the inverse of --benchmark, --organization, --as-of. */
export function benchmarkArgsFor(id: string, benchmark: Pick<Benchmark, 'organization' | 'asOf'>): string[] {
  return ['--benchmark', id, '--organization', benchmark.organization, '--as-of', benchmark.asOf];
}

/**
 * The flags that import `survey` again from its data.csv (the inverse of {@link parseImportArgs}):
 * what the CSV does not carry. That is the description and the sources' titles; the sample's unit
 * only when it is written out as the default "곳" (a CSV's "곳" is otherwise read as no unit), and
 * --cite only for a question whose source_url cell would not give its `sources` back (it cites
 * every source by id, or a source that shares its address with another).
 */
export function importArgsFor(id: string, survey: Survey, csv = `${id}.csv`): string[] {
  const args = [csv, '--id', id, '--title', survey.title, '--publisher', survey.publisher, '--year', String(survey.year), '--n', String(survey.sample.n), '--population', survey.sample.population];
  if (survey.fieldwork) args.push('--fieldwork', `${survey.fieldwork.start}..${survey.fieldwork.end}`);
  if (survey.method) args.push('--method', survey.method);
  if (survey.sample.unit === DEFAULT_SAMPLE_UNIT) args.push('--unit', survey.sample.unit);
  if (survey.sample.nPrecision) args.push('--n-precision', survey.sample.nPrecision);
  if (survey.note) args.push('--note', survey.note);
  for (const s of survey.sources) {
    const tail = s.note ? [s.id ?? '', s.note] : s.id ? [s.id] : [];
    args.push('--source', [s.provenance, s.url, s.title, ...tail].map(escapeBar).join('|'));
  }
  const multi = survey.questions.filter((q) => q.type === 'multi').map((q) => q.id);
  const partial = survey.questions.filter((q) => q.type !== 'numeric' && q.partial).map((q) => q.id);
  if (multi.length) args.push('--multi', multi.join(','));
  if (partial.length) args.push('--partial', partial.join(','));
  for (const q of survey.questions) if (q.type === 'numeric') args.push('--numeric', `${q.id}=${q.unit}`);
  for (const q of survey.questions) {
    const fromCsv = sourcesFromCsv(survey, q);
    if (q.sources && !(fromCsv && fromCsv.length === q.sources.length && fromCsv.every((s, i) => s === q.sources![i]))) args.push('--cite', `${q.id}=${q.sources.join(',')}`);
  }
  return args;
}
