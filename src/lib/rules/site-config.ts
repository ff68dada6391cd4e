/**
 * The rules of src/site.config.ts, the one file a site owner edits: one Zod schema, and every
 * problem of the file at once as Korean Problem blocks naming the field, its line and the expected
 * form. Every command (astro build/dev through astro.config.mjs, npm run check, new, survey:import)
 * runs it before anything else, so a mistake never reaches Astro's "Invalid URL" or a published URL
 * with a space in it.
 */
import { z } from 'astro/zod';
import type { Problem } from './problems.ts';
import { nearest } from './suggest.ts';
import { CORE_METRIC_IDS, METRIC_KIND_HELP, METRIC_KINDS } from '../operations/fields.ts';

export const SITE_CONFIG_FILE = 'src/site.config.ts';

/** Category ids are URL segments and front-matter values: lowercase ASCII words joined by "-". */
export const CATEGORY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A Twitter handle as the service allows it, without "@". */
const HANDLE = /^[A-Za-z0-9_]{1,15}$/;

interface Help {
  expected: string;
  fix?: string;
}
const helps = z.registry<Help>();
const withHelp = <T extends z.ZodType>(schema: T, help: Help): T => {
  helps.add(schema, help);
  return schema;
};

const text = (expected: string) => withHelp(z.string().trim().min(1), { expected });
const count = (expected: string, min: number, max: number) =>
  withHelp(z.number().int().min(min).max(max), { expected, fix: `${min} 이상 ${max} 이하의 정수를 따옴표 없이 쓰세요.` });

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    // "Seoul" or "KST" throw; a real zone is "Area/City" or UTC.
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

function isSiteUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname.includes('.') && !parsed.search && !parsed.hash;
}

const categorySchema = z.strictObject({
  id: withHelp(z.string().regex(CATEGORY_ID), {
    expected: '영문 소문자와 숫자, 낱말 사이는 "-" (예: "investor-relations"). URL과 프런트매터 category에 그대로 쓰입니다.',
    fix: '공백과 대문자 없이 고치세요. 이미 글에서 쓰는 id를 바꾸면 그 글들의 category도 함께 바꿔야 합니다.',
  }),
  name: text('독자에게 보일 분류 이름 (예: "투자자 소통")'),
  description: text('분류 페이지와 분류 피드에 보일 한 문장'),
});

/** A survey id or question id as content/surveys/<id>.json writes it. */
const SURVEY_ID = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
/** A figure's key in a month file of content/metrics/: a JSON key in camelCase ASCII. */
const METRIC_ID = /^[a-z][A-Za-z0-9]*$/;

const metricFieldSchema = z.strictObject({
  id: withHelp(z.string().regex(METRIC_ID), {
    expected: `영문 소문자로 시작하는 영문·숫자 (예: "staff", "replyMinutesMean"). 달마다의 기록 파일에 이 이름으로 적습니다. 기본 항목(${CORE_METRIC_IDS.join(', ')})과 겹치면 안 됩니다`,
    fix: '공백, "-", 한글 없이 고치세요. 이미 기록에 쓴 이름을 바꾸면 content/metrics/의 파일도 함께 고쳐야 합니다.',
  }),
  label: text('운영 현황 페이지와 npm run report에 보일 항목 이름 (예: "소셜미디어 담당자")'),
  kind: withHelp(z.enum(METRIC_KINDS), {
    expected: METRIC_KINDS.map((k) => `"${k}" (${METRIC_KIND_HELP[k]})`).join(', '),
  }),
  unit: withHelp(z.string().trim().min(1).max(10), { expected: '수 뒤에 붙일 단위 (예: "명", "건"), "count" 항목에만' }).optional(),
});

const comparisonSchema = z.strictObject({
  survey: withHelp(z.string().regex(SURVEY_ID), { expected: 'content/surveys/에 있는 조사 파일의 id (예: "kicom-2010")' }),
  question: withHelp(z.string().regex(SURVEY_ID), { expected: '그 조사의 문항 id (예: "staff"). 차트와 표로 보입니다. quote와 함께 쓰지 않습니다' }).optional(),
  quote: withHelp(z.string().trim().min(1), {
    expected: '조사 파일의 note(또는 출처의 note)에 그대로 있는 글귀. 수치가 없는 조사 내용을 따옴표로 옮길 때 씁니다',
    fix: '조사 파일의 note에서 글귀를 한 글자도 바꾸지 말고 복사하세요.',
  }).optional(),
  beside: withHelp(z.enum(['posts', 'tweets', 'log']), {
    expected: '"posts"(블로그 글 주기 옆), "tweets"(하루 트윗 옆) 또는 "log"(월별 기록 옆, 기본값)',
  }).optional(),
});

/**
 * The social-media manager's report (/about/operations/, `npm run report`): the company's own
 * targets, the figures of the monthly log beyond the six every log has, and which survey figures
 * to show beside them. Optional: without it the page shows the counts without targets.
 */
const operationsSchema = z.strictObject({
  postsPerWeek: withHelp(z.number().positive().max(100), {
    expected: '한 주(월~일)에 올리기로 한 블로그 글 수 (예: 매일 한 편이면 7, 이틀에 한 편이면 3.5)',
    fix: '0보다 크고 100 이하인 수를 따옴표 없이 쓰세요. 목표가 없으면 이 줄을 지우세요.',
  }).optional(),
  tweetsPerDay: withHelp(z.number().positive().max(1000), {
    expected: '하루에 올리기로 한 트윗 수 (예: 10)',
    fix: '0보다 크고 1000 이하인 수를 따옴표 없이 쓰세요. 목표가 없으면 이 줄을 지우세요.',
  }).optional(),
  weeks: count('운영 현황 페이지가 보여 줄 최근 주 수 (기본 26)', 1, 260).optional(),
  /** A fixed report month for an archive or an example site whose posts are old; absent: up to the build time. */
  asOf: withHelp(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/), {
    expected: '보고서를 끝낼 달 "YYYY-MM" (예: "2011-06"). 지나간 블로그를 보관하는 사이트에만 쓰고, 보통은 지웁니다(빌드 시각까지 셉니다).',
  }).optional(),
  fields: withHelp(z.array(metricFieldSchema), { expected: '기록에 더 적을 항목 목록 [{ id, label, kind, unit }, ...]' }).optional(),
  compare: withHelp(z.array(comparisonSchema), { expected: '운영 현황 옆에 보일 조사 수치 목록 [{ survey, question 또는 quote, beside }, ...]' }).optional(),
});

export const siteConfigSchema = z.strictObject({
  name: text('사이트 이름 (예: "다온에듀 소셜 블로그")'),
  description: text('사이트를 소개하는 한 문장'),
  url: withHelp(z.string().refine(isSiteUrl), {
    expected: 'https://로 시작하는 사이트 주소, 끝에 "/" 없이 (예: "https://blog.example.co.kr")',
    fix: '주소 앞에 https://를 붙이세요. 빌드할 때 SITE_URL 환경 변수로 바꿀 수도 있습니다.',
  }),
  lang: withHelp(z.literal('ko'), { expected: '"ko" (이 사이트의 화면 글과 오류 메시지는 한국어입니다)' }),
  ogLocale: withHelp(z.string().regex(/^[a-z]{2}_[A-Z]{2}$/), { expected: '언어_지역 형식 (예: "ko_KR")' }),
  timeZone: withHelp(z.string().refine(isTimeZone), {
    expected: 'IANA 시간대 이름 (예: "Asia/Seoul")',
    fix: '"Asia/Seoul"처럼 "대륙/도시" 형식으로 쓰세요. "KST"나 "Seoul"은 시간대 이름이 아닙니다.',
  }),
  twitterHandle: withHelp(z.union([z.literal(''), z.string().regex(HANDLE)]), {
    expected: '"@" 없는 트위터 계정 이름 (영문·숫자·"_" 15자까지, 예: "hanbit_blog"), 계정이 없으면 빈 글자 ""',
  }),
  organization: text('회사나 기관 이름 (푸터, 저작권 줄, 피드에 쓰임)'),
  categories: withHelp(z.array(categorySchema).min(1), { expected: '분류 목록 (하나 이상) [{ id, name, description }, ...]' }),
  pageSize: count('목록 한 페이지의 글 수', 1, 100),
  feedLength: count('피드에 넣을 최신 글 수', 1, 1000),
  readingCharsPerMinute: count('1분에 읽는 한글 글자 수 (예: 500)', 50, 5000),
  relatedPosts: count('글 아래 보일 관련 글 수 (0이면 보이지 않음)', 0, 20),
  operations: withHelp(operationsSchema, { expected: '운영 현황의 목표와 기록 항목 { postsPerWeek, tweetsPerDay, weeks, fields, compare }' }).optional(),
});

export type SiteConfig = z.output<typeof siteConfigSchema>;
export type CategoryConfig = SiteConfig['categories'][number];
export type OperationsConfig = NonNullable<SiteConfig['operations']>;
export type ComparisonConfig = NonNullable<OperationsConfig['compare']>[number];

type Segment = string | number;

function pathText(path: readonly Segment[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function show(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}…` : json;
}

function valueAt(input: unknown, path: readonly Segment[]): unknown {
  return path.reduce<unknown>((v, key) => (typeof v === 'object' && v !== null ? (v as Record<Segment, unknown>)[key] : undefined), input);
}

/** An optional setting's own schema, which carries its help. */
const unwrap = (node: z.ZodType | undefined): z.ZodType | undefined => (node instanceof z.ZodOptional ? (node.unwrap() as z.ZodType) : node);

function schemaAt(path: readonly Segment[]): z.ZodType | undefined {
  let node: z.ZodType | undefined = siteConfigSchema;
  for (const key of path) {
    node = unwrap(node);
    if (node instanceof z.ZodObject) node = (node.shape as Record<string, z.ZodType>)[String(key)];
    else if (node instanceof z.ZodArray) node = node.element as z.ZodType;
    else return undefined;
  }
  return unwrap(node);
}

/**
 * The line of `path` in the config's source, found in the text to point at it (the values come
 * from the loaded module): each key in turn after the previous one's line, and for `[i].key` the
 * (i+1)-th `key:` after the list's line. Undefined when the text does not show it plainly.
 */
export function lineOf(source: string, path: readonly Segment[]): number | undefined {
  const lines = source.split('\n');
  const keyAt = (key: string) => new RegExp(`^\\s*(?:\\{\\s*)?['"]?${key}['"]?\\s*:|[{,]\\s*['"]?${key}['"]?\\s*:`);
  // Start at the config object, not at the interfaces above it.
  let at = Math.max(0, lines.findIndex((l) => /^(?:export\s+)?const\s+\w+\s*(?::[^=]*)?=\s*\{/.test(l)));
  let skip = 0;
  for (const segment of path) {
    if (typeof segment === 'number') {
      skip = segment;
      continue;
    }
    const pattern = keyAt(segment.replace(/[$]/g, '\\$&'));
    let found = -1;
    for (let i = at + 1; i < lines.length; i++) {
      if (!pattern.test(lines[i]!)) continue;
      if (skip-- > 0) continue;
      found = i;
      break;
    }
    skip = 0;
    if (found === -1) return at > 0 ? at + 1 : undefined;
    at = found;
  }
  return at + 1;
}

function problem(path: Segment[], found: string, help: Help | undefined, source: string | undefined, extra: Partial<Problem> = {}): Problem {
  return {
    kind: 'site-config',
    severity: 'error',
    file: SITE_CONFIG_FILE,
    line: source ? lineOf(source, path) : undefined,
    field: pathText(path),
    message: found,
    expected: help?.expected,
    fix: help?.fix,
    ...extra,
  };
}

/**
 * Every problem of a site config, in the owner's words. `source` (the file's text) lets the
 * problems name their line.
 */
export function siteConfigProblems(config: unknown, source?: string): Problem[] {
  const out: Problem[] = [];
  const result = siteConfigSchema.safeParse(config);
  for (const issue of result.success ? [] : result.error.issues) {
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    if (issue.code === 'unrecognized_keys') {
      const node = schemaAt(path);
      const allowed = node instanceof z.ZodObject ? Object.keys(node.shape) : [];
      for (const key of issue.keys) {
        out.push(
          problem([...path, key], `${JSON.stringify(key)}: 알 수 없는 설정입니다.`, { expected: `쓸 수 있는 설정: ${allowed.join(', ')}`, fix: '철자를 고치거나 지우세요.' }, source, {
            suggestion: nearest(key, allowed),
          }),
        );
      }
      continue;
    }
    const value = valueAt(config, path);
    const found = value === undefined ? '설정이 없습니다.' : typeof value === 'string' && value.trim() === '' ? '비어 있습니다.' : `${show(value)}입니다.`;
    const help = helps.get(schemaAt(path) as z.ZodType);
    // The handle's usual mistake gets its own fix.
    const extra = path.join('.') === 'twitterHandle' && typeof value === 'string' && value.startsWith('@') ? { fix: `"@"를 빼고 "${value.slice(1)}"로 쓰세요.` } : {};
    out.push(problem(path, found, help, source, extra));
  }
  // Rules between entries: category ids and names are unique (each id is one URL).
  const categories = typeof config === 'object' && config !== null ? (config as { categories?: unknown }).categories : undefined;
  if (Array.isArray(categories)) {
    for (const key of ['id', 'name'] as const) {
      const seen = new Map<string, number>();
      categories.forEach((c, i) => {
        const v = typeof c === 'object' && c !== null ? (c as Record<string, unknown>)[key] : undefined;
        if (typeof v !== 'string') return;
        const first = seen.get(v);
        if (first === undefined) seen.set(v, i);
        else {
          out.push(
            problem(['categories', i, key], `${JSON.stringify(v)}은(는) 이미 categories[${first}]의 ${key}입니다.`, { expected: `분류마다 다른 ${key}`, fix: '하나를 지우거나 다르게 고치세요.' }, source),
          );
        }
      });
    }
  }
  out.push(...operationsRules(config, source));
  return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/**
 * Rules between the entries of `operations`: a declared figure has its own key (not one of the
 * six, not twice), and a survey figure is either a question or a quote.
 */
function operationsRules(config: unknown, source: string | undefined): Problem[] {
  const operations = typeof config === 'object' && config !== null ? (config as { operations?: unknown }).operations : undefined;
  if (typeof operations !== 'object' || operations === null) return [];
  const out: Problem[] = [];
  const { fields, compare } = operations as { fields?: unknown; compare?: unknown };
  if (Array.isArray(fields)) {
    const seen = new Map<string, number>();
    fields.forEach((f, i) => {
      const id = typeof f === 'object' && f !== null ? (f as { id?: unknown }).id : undefined;
      if (typeof id !== 'string') return;
      const path = ['operations', 'fields', i, 'id'];
      if (CORE_METRIC_IDS.includes(id)) {
        out.push(problem(path, `${JSON.stringify(id)}은(는) 모든 기록에 이미 있는 기본 항목입니다.`, { expected: `기본 항목(${CORE_METRIC_IDS.join(', ')})과 다른 id`, fix: '기본 항목이면 이 줄을 지우고, 다른 항목이면 id를 바꾸세요.' }, source));
        return;
      }
      const first = seen.get(id);
      if (first === undefined) seen.set(id, i);
      else out.push(problem(path, `${JSON.stringify(id)}은(는) 이미 operations.fields[${first}]의 id입니다.`, { expected: '항목마다 다른 id', fix: '하나를 지우거나 다르게 고치세요.' }, source));
      const kind = (f as { kind?: unknown }).kind;
      if ((f as { unit?: unknown }).unit !== undefined && (kind === 'minutes' || kind === 'percent')) {
        out.push(problem(['operations', 'fields', i, 'unit'], `"${String(kind)}" 항목에는 단위를 쓰지 않습니다.`, { expected: 'unit은 "count" 항목에만 (분과 %는 단위가 정해져 있습니다)', fix: 'unit 줄을 지우세요.' }, source));
      }
    });
  }
  if (Array.isArray(compare)) {
    compare.forEach((c, i) => {
      if (typeof c !== 'object' || c === null) return;
      const { question, quote } = c as { question?: unknown; quote?: unknown };
      if ((question === undefined) === (quote === undefined)) {
        // The entry's line is its first key's: `survey` is written first.
        const line = source ? lineOf(source, ['operations', 'compare', i, 'survey']) : undefined;
        out.push({
          ...problem(['operations', 'compare', i], question === undefined ? 'question도 quote도 없습니다.' : 'question과 quote가 함께 있습니다.', {
            expected: '둘 중 하나: question(수치를 차트와 표로) 또는 quote(수치 없는 조사 내용을 글귀로)',
            fix: question === undefined ? '"question: \'staff\'"처럼 문항 id를 쓰거나 조사 note의 글귀를 quote로 쓰세요.' : '하나를 지우세요. 둘 다 보이려면 항목을 둘로 나누세요.',
          }, source),
          line,
        });
      }
    });
  }
  return out;
}

/**
 * The problems of the loaded config as every command prints them, or undefined when there are
 * none. `source` is the text of src/site.config.ts (for line numbers); `fromEnv` says that `url`
 * came from SITE_URL, so a bad address is blamed on the variable, not on the file.
 */
export function siteConfigReport(config: unknown, source: string | undefined, fromEnv: { url?: boolean } = {}): Problem[] {
  return siteConfigProblems(config, source).map((p) =>
    fromEnv.url && p.field === 'url'
      ? { ...p, file: '환경 변수 SITE_URL', line: undefined, fix: 'SITE_URL을 https://로 시작하는 주소로 고치거나 지우세요 (지우면 src/site.config.ts의 url을 씁니다).' }
      : p,
  );
}
