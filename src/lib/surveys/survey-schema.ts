/**
 * The contract of content/surveys/<id>.json and content/benchmarks/<id>.json, once, as a Zod
 * schema: the TypeScript types are derived from it, the build's collections parse with it
 * (./schema.ts) and the writer checks read its problems (./validate.ts).
 *
 * Messages are Korean and written for the person who edits the JSON. A problem says what was
 * found; what is expected and how to fix it are declared with each field (`field`), and rules
 * between fields add them to their own issues. So a Zod issue's message is a whole sentence
 * (what Astro prints), while `surveyProblems`/`benchmarkProblems` hand the parts over separately.
 */
import { z } from 'astro/zod';
import { nearest } from '../rules/suggest.ts';

/** Below this base (respondents, or units observed) a figure is marked "소표본" (small sample) and the checks warn. */
export const SMALL_BASE = 30;
/** A single-choice question's shares must add up to 100 within this tolerance (rounding). */
export const SUM_TOLERANCE = 0.5;
/** Ids appear in URLs, CSV files and MDX props: lowercase ASCII words joined by "-" (or "_"). */
export const ID_PATTERN = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DAY_OR_MONTH = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;
const WEB_ADDRESS = /^https?:\/\/\S+$/;

/** What a writer reads about one problem. */
export interface Wording {
  /** What was found, e.g. `"rumour"입니다.` */
  message: string;
  /** What is expected instead. */
  expected?: string;
  /** How to fix it. */
  fix?: string;
  /** A near id for an unknown one, shown as `혹시 "…"?`. */
  suggestion?: string;
}

/** One line: the message, then what is expected, the fix and the near id. */
export function sentence(w: Wording): string {
  return [w.message, w.expected && `기대: ${w.expected}`, w.fix && `고치는 법: ${w.fix}`, w.suggestion && `혹시 "${w.suggestion}"?`].filter(Boolean).join(' ');
}

/** What a field expects; `discriminator` is what the `type` of a question union expects. */
interface Help {
  expected: string;
  fix?: string;
  discriminator?: string;
}

/** Each field's help, found again by walking the schema along an issue's path (`schemaAt`). */
const helps = z.registry<Help>();

/** The parts of a Zod issue this module reads; raw issues (in an error map) and finished ones both have them. */
interface IssueLike {
  readonly code?: string | undefined;
  readonly input?: unknown;
  readonly keys?: readonly string[];
  readonly discriminator?: string | undefined;
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPositiveInteger = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0;
const isShare = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100;
const isId = (v: unknown): v is string => typeof v === 'string' && ID_PATTERN.test(v);
const notBlank = (s: string) => s.trim() !== '';

/** A value as the writer typed it, cut short when long (a whole question object, say). */
function show(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}…` : json;
}

function kindOf(value: unknown): string {
  if (value === null) return '빈 값(null)';
  if (Array.isArray(value)) return '[ ] 목록';
  if (typeof value === 'string') return '따옴표로 감싼 글자';
  if (typeof value === 'number') return '숫자';
  if (typeof value === 'boolean') return 'true/false 값';
  return '{ } 묶음';
}

/** "What was found": the value, and its kind when the kind is what is wrong ("2010" for a number). */
function foundValue(value: unknown, wrongKind: boolean): string {
  if (value === undefined) return '필드가 없습니다.';
  if (typeof value === 'string' && value.trim() === '') return '비어 있습니다.';
  if (wrongKind) return `${show(value)}은(는) ${kindOf(value)}입니다.`;
  if (Array.isArray(value) && value.length === 0) return '빈 목록입니다.';
  return `${show(value)}입니다.`;
}

/** "What was found" for an issue Zod raised itself. */
function found(issue: IssueLike): string {
  if (issue.discriminator !== undefined) return foundValue(isObject(issue.input) ? issue.input[issue.discriminator] : undefined, false);
  return foundValue(issue.input, issue.code === 'invalid_type' || issue.code === 'invalid_union');
}

function unknownField(key: string, keys: readonly string[]): Wording {
  // "$schema" is for editors; a writer need not hear of it.
  const allowed = keys.filter((k) => !k.startsWith('$'));
  return {
    message: `${JSON.stringify(key)}: 알 수 없는 필드입니다.`,
    expected: `쓸 수 있는 필드: ${allowed.join(', ')}`,
    fix: '철자를 고치거나 필드를 지우세요.',
    suggestion: nearest(key, allowed),
  };
}

/** Wording for an issue raised by `node` (unknown keys: one per key, with the key added to the path). */
function explain(issue: IssueLike, node: z.ZodType | undefined): { path: string[]; wording: Wording }[] {
  if (issue.code === 'unrecognized_keys') {
    const allowed = node instanceof z.ZodObject ? Object.keys(node.shape) : [];
    return (issue.keys ?? []).map((key) => ({ path: [key], wording: unknownField(key, allowed) }));
  }
  const help = node ? helps.get(node) : undefined;
  const expected = issue.discriminator !== undefined ? (help?.discriminator ?? help?.expected) : help?.expected;
  return [{ path: [], wording: { message: found(issue), expected, fix: help?.fix } }];
}

/**
 * Rules between fields run even when a field already failed, so a file's problems all show at
 * once. They then see half-checked data, hence `unknown` and the guards.
 */
const always = { when: () => true };

type ErrorMap = (issue: z.core.$ZodRawIssue) => string;

/**
 * A field with its help. `make` receives the error map to pass to the schema and each of its
 * checks, so Astro, which prints only messages, gets the same Korean sentence.
 */
function field<T extends z.ZodType>(help: Help, make: (error: ErrorMap) => T): T {
  const schema: T = make((issue) =>
    explain(issue as IssueLike, schema)
      .map((e) => sentence(e.wording))
      .join(' '),
  );
  helps.add(schema, help);
  return schema;
}

const text = (expected: string, fix?: string) => field({ expected, fix }, (error) => z.string({ error }).refine(notBlank, { error }));
const id = (what: string) =>
  field({ expected: `${what} (영문 소문자와 숫자, 낱말 사이는 "-", 예: "two-plus")` }, (error) => z.string({ error }).regex(ID_PATTERN, { error }));
/*
 * Whole numbers by multipleOf(1), not .int(): a failed .int() aborts the parse, and the rules
 * between fields would not run for the rest of the file.
 */
const positiveInteger = (expected: string, fix?: string) =>
  field({ expected, fix }, (error) => z.number({ error }).multipleOf(1, { error }).positive({ error }));
const number = (expected: string, min: number, max?: number) =>
  field({ expected }, (error) => {
    const atLeast = z.number({ error }).min(min, { error });
    return max === undefined ? atLeast : atLeast.max(max, { error });
  });
/** Unknown keys are errors: a misspelt field ("parital") would otherwise be dropped without a word. */
const strict = <Shape extends z.core.$ZodLooseShape>(expected: string, shape: Shape, rules?: (value: unknown, ctx: z.core.$RefinementCtx) => void) =>
  field({ expected }, (error) => {
    const object = z.strictObject(shape, { error });
    return rules ? object.superRefine(rules, always) : object;
  });
const list = <T extends z.ZodType>(expected: string, element: T, fix?: string) =>
  field({ expected, fix }, (error) => z.array(element, { error }).min(1, { error }));

/** Adds a rule's problem; the message is the whole sentence, `params` keeps the parts. */
function report(ctx: z.core.$RefinementCtx, path: PropertyKey[], wording: Wording): void {
  ctx.addIssue({ code: 'custom', path, message: sentence(wording), params: { ...wording } });
}

// ---------------------------------------------------------------------------------------------
// Survey

const provenanceSchema = field(
  { expected: '"read"(발표 기관의 원문을 읽음), "press"(언론 보도) 또는 "secondhand"(제3자의 요약)' },
  (error) => z.enum(['read', 'press', 'secondhand'], { error }),
);
/** How the figures were obtained: the publisher's own text, news coverage, or a third party's summary. */
export type Provenance = z.output<typeof provenanceSchema>;
export const PROVENANCES: readonly Provenance[] = provenanceSchema.options;

const sourceSchema = strict('출처 { "title", "url", "provenance" }', {
  /** Short id that questions use to cite the source (`"sources": ["etnews"]`). */
  id: id('출처 id').optional(),
  title: text('기사나 보고서의 제목 (빈칸이 아닌 글)'),
  url: field({ expected: '수치를 읽은 주소 (http:// 또는 https://로 시작)' }, (error) =>
    z.string({ error }).refine((url) => WEB_ADDRESS.test(url) && URL.canParse(url), { error }),
  ),
  provenance: provenanceSchema,
  /** Caveat shown beside the source, e.g. that the copy could not be checked against the original. */
  note: text('출처에 대한 메모 (빈칸이 아닌 글)', '메모가 없으면 "note"를 지우세요.').optional(),
});

const optionSchema = strict('선택지 { "id", "label" }', {
  id: id('선택지 id'),
  label: text('독자에게 보일 답 (빈칸이 아닌 글)'),
});

/**
 * The answer the reported shares leave, when the source names it ("이용하지 않음"): its share is
 * computed as 100 minus the reported ones and shown as computed. Without it, a partial question's
 * rest is "not reported", never an answer.
 */
const remainderSchema = strict('나머지 답 { "id", "label" }', {
  id: id('나머지 답의 id (벤치마크가 이 답을 고를 때 씀)'),
  label: text('나머지 답의 이름, 출처가 밝힌 대로 (예: "이용하지 않음")'),
});

/** Ids of figures the source gives as approximate ("75% 정도"); shown as "약 75%". */
const approximateSchema = list(
  '출처가 어림값으로 밝힌 수치의 id 목록 (선택지 id, 숫자 문항은 "mean"/"median")',
  field({ expected: '수치의 id (선택지 id, 숫자 문항은 "mean" 또는 "median")' }, (error) => z.string({ error })),
  '어림값이 없으면 "approximate"를 지우세요.',
).optional();

// Fields of both kinds of question, in the order of the documented examples (and of "쓸 수 있는 필드").
const questionId = id('문항 id');
const questionText = text('조사에서 물은 질문 (빈칸이 아닌 글)');
/**
 * Number in the sample the percentages are of (all of it, or those asked this question). Absent
 * means the source does not report it: the page then says so instead of assuming the whole sample.
 */
const questionBase = positiveInteger(
  '비율의 기준이 된 수 (1 이상의 정수, 표본 전체가 기준이면 sample.n과 같은 값)',
  '원자료에 기준 수가 없으면 "base"를 지우세요. 페이지에 "기준 수 보고되지 않음"으로 표시됩니다.',
).optional();
/** Ids of the survey's sources these figures come from (all sources when absent). */
const questionSources = list(
  '이 문항 수치의 출처 id 목록 (하나 이상)',
  field({ expected: '출처 id' }, (error) => z.string({ error })),
  '모든 출처에서 온 수치면 "sources"를 지우세요.',
).optional();

const choiceQuestionSchema = strict('문항 { "id", "text", "type", "options", "results" }', {
  id: questionId,
  text: questionText,
  type: z.enum(['single', 'multi']),
  base: questionBase,
  /** Only some answers were reported: the remainder of a single-choice question is shown as "not reported". */
  partial: field({ expected: 'true (일부 답만 보고됨) 또는 false' }, (error) => z.boolean({ error })).optional(),
  sources: questionSources,
  options: list('선택지 목록 (하나 이상) [{ "id", "label" }, ...]', optionSchema),
  /** Single choice: the named answer the reported shares leave (implies partial). */
  remainder: remainderSchema.optional(),
  approximate: approximateSchema,
  /** Option id -> percentage of the base. An option without a result was not reported (partial only). */
  results: field({ expected: '선택지 id별 비율 { "<선택지 id>": 0~100, ... }' }, (error) =>
    z.record(z.string(), number('기준 응답자 중 비율 (0~100의 숫자)', 0, 100), { error }),
  ),
}, checkChoice);

const numericStat = () => number('0 이상의 숫자 (이 문항의 "unit" 단위)', 0);
const numericQuestionSchema = strict('문항 { "id", "text", "type", "unit", "results" }', {
  id: questionId,
  text: questionText,
  type: z.literal('numeric'),
  base: questionBase,
  sources: questionSources,
  unit: text('수치의 단위 (예: "명", "개")'),
  approximate: approximateSchema,
  results: strict(
    '{ "mean": 평균 } 또는 { "median": 중앙값 } (둘 다 써도 됨)',
    { mean: numericStat().optional(), median: numericStat().optional() },
    (results, ctx) => {
      if (isObject(results) && results.mean === undefined && results.median === undefined) {
        report(ctx, [], { message: '"mean"도 "median"도 없습니다.', expected: '"mean"(평균)과 "median"(중앙값) 중 하나 이상' });
      }
    },
  ),
}, checkNumeric);
const NUMERIC_KEYS = ['mean', 'median'] as const;

const questionSchema = field(
  {
    expected: '문항 { "id", "text", "type", ... }',
    discriminator: '"single"(답 하나), "multi"(여러 답) 또는 "numeric"(숫자)',
  },
  (error) => z.discriminatedUnion('type', [choiceQuestionSchema, numericQuestionSchema], { error }),
);

const fieldworkDay = () =>
  field({ expected: '날짜 YYYY-MM-DD, 또는 달만 알려졌으면 YYYY-MM (예: "2010-03-01", "2009-11")' }, (error) =>
    z.string({ error }).regex(DAY_OR_MONTH, { error }),
  );

const methodSchema = field(
  { expected: '"questionnaire"(설문에 답을 받음) 또는 "observation"(계정·문서 등을 관찰해 셈)' },
  (error) => z.enum(['questionnaire', 'observation'], { error }),
);
/** How the figures were gathered; an observation has no respondents, only what was observed. */
export type SurveyMethod = z.output<typeof methodSchema>;

/** A Korean counter, as written after a number: "곳", "명", "개사", "개 계정". */
const COUNTER = /^[가-힣]+(?: [가-힣]+)?$/;
const sampleUnitSchema = field(
  { expected: '수 뒤에 붙이는 한국어 단위, 조사 대상에 맞게 (기업·기관 "곳", 사람 "명", 계정 "개 계정" 등)' },
  (error) => z.string({ error }).max(8, { error }).regex(COUNTER, { error }),
);
const nPrecisionSchema = field(
  { expected: '"exact"(정확한 수), "about"(약 …, 출처가 어림수로 밝힘) 또는 "at-least"(… 이상)' },
  (error) => z.enum(['exact', 'about', 'at-least'], { error }),
);
/** How exact sample.n is: the source may say "nearly 1,900" or "34,000+". */
export type SampleNPrecision = z.output<typeof nPrecisionSchema>;

export const surveyFileSchema = strict('설문 { "title", "publisher", "year", "sample", "sources", "questions" }', {
  /** Editors' JSON Schema address; not content. */
  $schema: z.string().optional(),
  title: text('조사 제목 (빈칸이 아닌 글)'),
  publisher: text('조사를 발표한 기관 (빈칸이 아닌 글)'),
  year: field({ expected: '발표 연도 (따옴표 없는 숫자 1900~2100, 예: 2010)' }, (error) =>
    z.number({ error }).multipleOf(1, { error }).min(1900, { error }).max(2100, { error }),
  ),
  /** ISO days or months ("2009-11"): some reports give only the month. */
  fieldwork: strict('조사 기간 { "start": "YYYY-MM-DD", "end": "YYYY-MM-DD" }', { start: fieldworkDay(), end: fieldworkDay() }, checkFieldwork).optional(),
  /** Absent: a questionnaire. */
  method: methodSchema.optional(),
  sample: strict('표본 { "n": 표본 수, "population": "조사 대상" }', {
    n: positiveInteger('표본 수 (1 이상의 정수, 예: 300)'),
    /** Absent: "곳" (companies or institutions). */
    unit: sampleUnitSchema.optional(),
    /** Absent: exact. */
    nPrecision: nPrecisionSchema.optional(),
    population: text('조사 대상 (예: "국내 기업 홍보 담당자")'),
  }),
  sources: list('출처 목록 (하나 이상) [{ "title", "url", "provenance" }, ...]', sourceSchema),
  /** A caveat about the whole survey, shown under its description. */
  note: text('조사 전체에 대한 메모 (빈칸이 아닌 글)', '메모가 없으면 "note"를 지우세요.').optional(),
  questions: list('문항 목록 (하나 이상)', questionSchema),
}, checkSurvey);

export type Survey = z.output<typeof surveyFileSchema>;
export type SurveySource = z.output<typeof sourceSchema>;
export type SurveyRemainder = z.output<typeof remainderSchema>;
export type SurveyOption = z.output<typeof optionSchema>;
export type ChoiceQuestion = z.output<typeof choiceQuestionSchema>;
export type NumericQuestion = z.output<typeof numericQuestionSchema>;
export type SurveyQuestion = ChoiceQuestion | NumericQuestion;
export type NumericStat = keyof NumericQuestion['results'];
export const NUMERIC_STATS: readonly NumericStat[] = NUMERIC_KEYS;

function checkFieldwork(value: unknown, ctx: z.core.$RefinementCtx): void {
  if (!isObject(value)) return;
  const { start, end } = value;
  if (typeof start !== 'string' || typeof end !== 'string' || !DAY_OR_MONTH.test(start) || !DAY_OR_MONTH.test(end)) return;
  // Same-length ISO strings compare in date order; a month compares with its own days by prefix.
  if (start > end && !start.startsWith(end)) {
    report(ctx, [], { message: `${start}에 시작해 ${end}에 끝납니다.`, expected: '시작(start)이 끝(end)과 같거나 앞선 날짜' });
  }
}

/** Unique source and question ids, base <= sample.n, and question sources that exist. */
function checkSurvey(value: unknown, ctx: z.core.$RefinementCtx): void {
  if (!isObject(value)) return;
  const sources = Array.isArray(value.sources) ? value.sources : [];
  const sourceIds = new Map<string, number>();
  sources.forEach((s, i) => {
    if (!isObject(s) || !isId(s.id)) return;
    const first = sourceIds.get(s.id);
    if (first === undefined) sourceIds.set(s.id, i);
    else report(ctx, ['sources', i, 'id'], { message: `"${s.id}"은(는) 이미 sources[${first}]의 id입니다.`, expected: '출처마다 다른 id' });
  });
  const declared = [...sourceIds.keys()];
  const n = isObject(value.sample) && isPositiveInteger(value.sample.n) ? value.sample.n : undefined;

  const questions = Array.isArray(value.questions) ? value.questions : [];
  const questionIds = new Map<string, number>();
  questions.forEach((q, i) => {
    if (!isObject(q)) return;
    // Neither kind of question checks one of unknown type; its id and text are still checked, so one pass shows all.
    if (resolve(questionSchema, q) === questionSchema) {
      for (const [key, schema] of [['id', questionId], ['text', questionText]] as const) {
        for (const issue of schema.safeParse(q[key], { reportInput: true }).error?.issues ?? []) {
          for (const e of explain(issue, schema)) report(ctx, ['questions', i, key], e.wording);
        }
      }
    }
    if (isId(q.id)) {
      const first = questionIds.get(q.id);
      if (first === undefined) questionIds.set(q.id, i);
      else report(ctx, ['questions', i, 'id'], { message: `"${q.id}"은(는) 이미 questions[${first}]의 id입니다.`, expected: '문항마다 다른 id' });
    }
    if (n !== undefined && isPositiveInteger(q.base) && q.base > n) {
      report(ctx, ['questions', i, 'base'], {
        message: `${q.base}(으)로 sample.n(${n})보다 많습니다.`,
        expected: `sample.n(${n}) 이하`,
        fix: '기준 수(base)나 표본 수(sample.n)를 원자료와 맞춰 보세요.',
      });
    }
    if (Array.isArray(q.sources)) {
      q.sources.forEach((s, j) => {
        if (typeof s !== 'string' || sourceIds.has(s)) return;
        report(ctx, ['questions', i, 'sources', j], {
          message: `"${s}"은(는) 이 설문의 출처 id가 아닙니다.`,
          expected: declared.length ? `sources에 적은 출처 id: ${declared.join(', ')}` : 'sources에 적은 출처 id (지금은 "id"가 있는 출처가 없습니다)',
          fix: declared.length ? 'id를 고치거나, 그 출처에 "id"를 붙이세요.' : '인용할 출처에 "id": "…"를 붙이세요.',
          suggestion: nearest(s, declared),
        });
      });
    }
  });
}

/** Each id of `approximate` names a figure the question reports, once. */
function checkApproximate(value: Obj, figures: readonly string[], ctx: z.core.$RefinementCtx): void {
  if (!Array.isArray(value.approximate)) return;
  value.approximate.forEach((a: unknown, i) => {
    if (typeof a !== 'string') return;
    if (!figures.includes(a)) {
      report(ctx, ['approximate', i], {
        message: `"${a}"은(는) 이 문항에 보고된 수치의 id가 아닙니다.`,
        expected: `results에 있는 id: ${figures.join(', ') || '(없음)'}`,
        suggestion: nearest(a, [...figures]),
      });
    } else if ((value.approximate as unknown[]).indexOf(a) !== i) {
      report(ctx, ['approximate', i], { message: `"${a}"이(가) 두 번 있습니다.`, expected: 'id마다 한 번', fix: '겹친 id를 지우세요.' });
    }
  });
}

/**
 * Options are unique, results name options, every option has a share unless partial, single-choice
 * shares add up, a named remainder belongs to a single-choice question whose shares leave one, and
 * approximate figures exist.
 */
function checkChoice(value: unknown, ctx: z.core.$RefinementCtx): void {
  if (!isObject(value)) return;
  const optionIds = new Map<string, number>();
  (Array.isArray(value.options) ? value.options : []).forEach((o, i) => {
    if (!isObject(o) || !isId(o.id)) return;
    const first = optionIds.get(o.id);
    if (first === undefined) optionIds.set(o.id, i);
    else report(ctx, ['options', i, 'id'], { message: `"${o.id}"은(는) 이미 options[${first}]의 id입니다.`, expected: '선택지마다 다른 id' });
  });
  const options = [...optionIds.keys()];
  const remainder = isObject(value.remainder) ? value.remainder : undefined;
  if (remainder && value.type === 'multi') {
    report(ctx, ['remainder'], {
      message: '복수 선택 문항에 "remainder"가 있습니다.',
      expected: '단일 선택("type": "single") 문항에만: 복수 응답은 비율이 겹쳐 100에서 뺀 값이 어떤 답도 아닙니다.',
      fix: '"remainder"를 지우세요. 출처가 "해당 없음" 같은 답의 비율을 밝혔다면 선택지로 적으세요.',
    });
  }
  if (remainder && value.partial === false) {
    report(ctx, ['partial'], {
      message: '"partial": false인데 "remainder"가 있습니다.',
      expected: '나머지 답이 있는 문항은 일부 답만 보고된 문항입니다.',
      fix: '"partial"을 지우세요 ("remainder"가 있으면 일부만 보고된 문항으로 읽습니다).',
    });
  }
  if (remainder && isId(remainder.id) && optionIds.has(remainder.id)) {
    report(ctx, ['remainder', 'id'], {
      message: `"${remainder.id}"은(는) 이미 options[${optionIds.get(remainder.id)}]의 id입니다.`,
      expected: '선택지와 다른 id',
    });
  }
  if (!isObject(value.results)) return;
  const results = value.results;
  const partial = value.partial === true || remainder !== undefined;

  for (const key of Object.keys(results)) {
    if (optionIds.has(key)) continue;
    if (remainder && key === remainder.id) {
      report(ctx, ['results', key], {
        message: `"${key}"은(는) 나머지 답(remainder)입니다.`,
        expected: '나머지 답의 비율은 적지 않음: 100에서 보고된 비율을 빼서 계산합니다.',
        fix: `results에서 "${key}"를 지우거나, 출처가 이 비율을 직접 밝혔다면 "remainder" 대신 선택지로 적으세요.`,
      });
      continue;
    }
    report(ctx, ['results', key], {
      message: `"${key}"은(는) 이 문항의 선택지가 아닙니다.`,
      expected: `선택지 id: ${options.join(', ') || '(선택지 없음)'}`,
      suggestion: nearest(key, options),
    });
  }
  checkApproximate(value, Object.keys(results).filter((k) => optionIds.has(k)), ctx);
  if (!partial) {
    for (const option of options) {
      if (option in results) continue;
      report(ctx, ['results'], {
        message: `선택지 "${option}"의 비율이 없습니다.`,
        expected: '선택지마다 비율',
        fix: '비율을 적거나, 일부 답만 보고된 문항이면 "partial": true를 쓰세요.',
      });
    }
  }
  const shares = Object.entries(results)
    .filter(([k]) => !remainder || k !== remainder.id)
    .map(([, v]) => v);
  // A share that is not a percentage is reported on its own; a sum over it would say nothing.
  if (value.type !== 'single' || !shares.every(isShare)) return;
  const sum = shares.reduce((a, b) => a + b, 0);
  const total = sum.toFixed(1);
  if (!partial && Math.abs(sum - 100) > SUM_TOLERANCE) {
    report(ctx, ['results'], {
      message: `단일 선택 문항의 비율 합이 ${total}입니다.`,
      expected: `100 ± ${SUM_TOLERANCE} (일부만 보고된 문항이면 "partial": true)`,
    });
  } else if (partial && sum > 100 + SUM_TOLERANCE) {
    report(ctx, ['results'], {
      message: `단일 선택 문항의 비율 합이 ${total}입니다.`,
      expected: `100 이하 (반올림 오차 ${SUM_TOLERANCE}까지)`,
      fix: '일부 답만 보고된 문항도 비율 합이 100을 넘을 수 없습니다. 원자료의 수치를 확인하세요.',
    });
  } else if (remainder && sum >= 100 - SUM_TOLERANCE) {
    report(ctx, ['remainder'], {
      message: `선택지 비율 합이 ${total}이라 나머지 답에 남는 비율이 없습니다.`,
      expected: '보고된 비율 합이 100보다 작은 문항에만 "remainder"',
      fix: '"remainder"를 지우세요.',
    });
  }
}

function checkNumeric(value: unknown, ctx: z.core.$RefinementCtx): void {
  if (!isObject(value) || !isObject(value.results)) return;
  checkApproximate(value, NUMERIC_KEYS.filter((k) => (value.results as Obj)[k] !== undefined), ctx);
}

// ---------------------------------------------------------------------------------------------
// Benchmark

const answerSchema = field({ expected: '문항에 맞는 답: 단일 선택은 선택지 id, 복수 선택은 선택지 id 목록, 숫자 문항은 숫자' }, (error) =>
  z.union([z.string(), z.array(field({ expected: '선택지 id' }, (e) => z.string({ error: e }))), z.number()], { error }),
);
export type BenchmarkAnswer = z.output<typeof answerSchema>;

const benchmarkShape = strict('벤치마크 { "survey", "organization", "asOf", "answers" }', {
  $schema: z.string().optional(),
  /** Id of the survey answered. */
  survey: text('답한 설문의 id (content/surveys/ 폴더의 파일 이름, .json 없이)'),
  organization: text('답한 조직의 이름 (빈칸이 아닌 글)'),
  /** Day the answers describe (YYYY-MM-DD). */
  asOf: field({ expected: '답이 가리키는 날짜 YYYY-MM-DD (예: "2010-08-10")' }, (error) => z.string({ error }).regex(DAY, { error })),
  answers: field({ expected: '문항 id별 답 { "<문항 id>": 답, ... }' }, (error) => z.record(z.string(), answerSchema, { error })),
  /** Question id -> the organisation's explanation, shown with its answer. */
  notes: field({ expected: '문항 id별 설명 { "<문항 id>": "설명", ... }' }, (error) =>
    z.record(z.string(), text('답에 붙일 설명 (빈칸이 아닌 글)'), { error }),
  ).optional(),
});

export type Benchmark = z.output<typeof benchmarkShape>;

/** What a benchmark is checked against: its survey's JSON (undefined when there is no such survey) and the survey ids there are. */
export interface BenchmarkContext {
  survey: unknown;
  knownSurveys: readonly string[];
}

/** The benchmark schema; `context` finds the survey named by the file's `survey` (a collection cannot see another). */
export function benchmarkFileSchema(context: (surveyId: string) => BenchmarkContext) {
  return benchmarkShape.superRefine((value: unknown, ctx) => {
    if (!isObject(value) || typeof value.survey !== 'string' || !notBlank(value.survey)) return;
    checkBenchmark(value, value.survey, context(value.survey), ctx);
  }, always);
}

function checkBenchmark(value: Obj, surveyId: string, { survey, knownSurveys }: BenchmarkContext, ctx: z.core.$RefinementCtx): void {
  if (survey === undefined) {
    report(ctx, ['survey'], {
      message: `"${surveyId}"은(는) 등록된 설문이 아닙니다.`,
      expected: `content/surveys/ 폴더의 설문 id: ${knownSurveys.join(', ') || '(아직 없음)'}`,
      fix: `id를 고치거나 content/surveys/${surveyId}.json 파일을 만드세요.`,
      suggestion: nearest(surveyId, knownSurveys),
    });
    return;
  }
  // Questions by id; a survey that is itself broken is reported in its own file.
  const questions = new Map<string, Obj>();
  if (isObject(survey) && Array.isArray(survey.questions)) {
    for (const q of survey.questions) if (isObject(q) && typeof q.id === 'string') questions.set(q.id, q);
  }
  const ids = [...questions.keys()];
  const notAQuestion = (qid: string): Wording => ({
    message: `"${qid}"은(는) 설문 "${surveyId}"의 문항이 아닙니다.`,
    expected: `문항 id: ${ids.join(', ') || '(문항 없음)'}`,
    suggestion: nearest(qid, ids),
  });

  if (isObject(value.answers)) {
    for (const [qid, answer] of Object.entries(value.answers)) {
      const q = questions.get(qid);
      if (!q) report(ctx, ['answers', qid], notAQuestion(qid));
      // An answer of no kind at all (true, { }) is the schema's to report; a list with a number in it is checked here too.
      else if (typeof answer === 'string' || typeof answer === 'number' || Array.isArray(answer)) checkAnswer(q, answer, ['answers', qid], ctx);
    }
  }
  if (isObject(value.notes)) {
    for (const qid of Object.keys(value.notes)) if (!questions.has(qid)) report(ctx, ['notes', qid], notAQuestion(qid));
  }
}

function checkAnswer(q: Obj, answer: unknown, path: PropertyKey[], ctx: z.core.$RefinementCtx): void {
  const listed = Array.isArray(q.options) ? q.options.filter(isObject).map((o) => o.id).filter((o): o is string => typeof o === 'string') : [];
  // The named remainder is an answer too: "no" to a question that reports only "yes".
  const options = q.type === 'single' && isObject(q.remainder) && typeof q.remainder.id === 'string' ? [...listed, q.remainder.id] : listed;
  const list = options.join(', ') || '(선택지 없음)';
  const qid = String(q.id);
  const notAnOption = (a: string): Wording => ({
    message: `"${a}"은(는) 문항 "${qid}"의 선택지가 아닙니다.`,
    expected: `선택지 id: ${list}`,
    suggestion: nearest(a, options),
  });
  switch (q.type) {
    case 'single':
      if (typeof answer !== 'string') {
        report(ctx, path, { message: foundValue(answer, true), expected: `단일 선택 문항이라 선택지 id 하나 (선택지: ${list})` });
      } else if (!options.includes(answer)) report(ctx, path, notAnOption(answer));
      break;
    case 'multi':
      if (!Array.isArray(answer) || answer.length === 0) {
        report(ctx, path, { message: foundValue(answer, !Array.isArray(answer)), expected: `복수 선택 문항이라 선택지 id 목록, 예: ["${options[0] ?? 'a'}"] (선택지: ${list})` });
        break;
      }
      answer.forEach((a: unknown, i) => {
        if (typeof a !== 'string') return;
        if (!options.includes(a)) report(ctx, [...path, i], notAnOption(a));
        else if (answer.indexOf(a) !== i) report(ctx, [...path, i], { message: `"${a}"이(가) 두 번 있습니다.`, expected: '선택지마다 한 번', fix: '겹친 id를 지우세요.' });
      });
      break;
    case 'numeric':
      if (typeof answer !== 'number' || answer < 0) {
        const unit = typeof q.unit === 'string' && notBlank(q.unit) ? q.unit : '문항의 단위';
        report(ctx, path, { message: foundValue(answer, typeof answer !== 'number'), expected: `0 이상의 숫자 (단위: ${unit})` });
      }
      break;
    default:
      // The survey's own check reports an unknown question type.
      break;
  }
}

// ---------------------------------------------------------------------------------------------
// Problems of a file

/** A problem at a JSON path (segments as in `jsonPath`). */
export interface Found {
  path: (string | number)[];
  wording: Wording;
}

function isWording(value: unknown): value is Wording {
  return isObject(value) && typeof value.message === 'string';
}

/** `node` resolved through `.optional()` and, by the value's `type`, through the question union. */
function resolve(node: z.ZodType, value: unknown): z.ZodType {
  const inner = node instanceof z.ZodOptional ? (node.unwrap() as z.ZodType) : node;
  if (inner instanceof z.ZodDiscriminatedUnion) {
    const key = inner.def.discriminator;
    const options = inner.options as z.ZodObject[];
    const option = options.find((o) => isObject(value) && o.shape[key]?.safeParse(value[key]).success);
    return option ?? inner;
  }
  return inner;
}

/** The schema that checks the value at `path` of `input` (for an unmatched question `type`: the question union). */
function schemaAt(root: z.ZodType, path: readonly PropertyKey[], input: unknown): z.ZodType {
  let node = root;
  let value = input;
  for (const key of path) {
    const s = resolve(node, value);
    const child =
      s instanceof z.ZodObject
        ? (s.shape as Record<PropertyKey, z.ZodType | undefined>)[key]
        : s instanceof z.ZodArray
          ? (s.element as z.ZodType)
          : s instanceof z.ZodRecord
            ? (s.valueType as z.ZodType)
            : undefined;
    if (!child) return s;
    node = child;
    value = typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return resolve(node, value);
}

const segments = (path: readonly PropertyKey[]) => path.map((p) => (typeof p === 'number' ? p : String(p)));
const valueAt = (input: unknown, path: readonly PropertyKey[]) =>
  path.reduce<unknown>((v, key) => (typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[key] : undefined), input);

/** One Zod issue in the writer's words, at its JSON path below `base` (unknown keys: one problem each). */
function problemsOf(issue: z.core.$ZodIssue, root: z.ZodType, input: unknown, base: (string | number)[] = []): Found[] {
  const path = [...base, ...segments(issue.path)];
  if (issue.code === 'custom' && isWording(issue.params)) return [{ path, wording: issue.params }];
  const node = schemaAt(root, issue.path, input);
  // A list answer with a non-id inside fails the whole union; say which item, as for any list.
  if (issue.code === 'invalid_union' && issue.discriminator === undefined && node instanceof z.ZodUnion) {
    const errors: z.core.$ZodIssue[][] = issue.errors;
    const inside = errors.flatMap((branchErrors, i) => (branchErrors.length > 0 && branchErrors.every((e) => e.path.length > 0) ? [i] : []));
    const branch = inside.length === 1 ? (node.options as z.ZodType[])[inside[0]!] : undefined;
    if (branch) return errors[inside[0]!]!.flatMap((inner) => problemsOf(inner, branch, valueAt(input, issue.path), path));
  }
  return explain(issue, node).map((e) => ({ path: [...path, ...e.path], wording: e.wording }));
}

/** Every problem Zod finds in `json`, the same problem once. */
function problems(schema: z.ZodType, json: unknown): Found[] {
  const result = schema.safeParse(json, { reportInput: true });
  if (result.success) return [];
  const out: Found[] = [];
  const seen = new Set<string>();
  for (const issue of result.error.issues) {
    for (const p of problemsOf(issue, schema, json)) {
      // A number like -1.5 breaks two checks (whole, positive) with the same words.
      const key = JSON.stringify([p.path, p.wording]);
      if (!seen.has(key)) out.push(p);
      seen.add(key);
    }
  }
  return out;
}

/** The errors of a survey file's JSON (the small-sample warnings are `smallSampleWarnings`). */
export function surveyProblems(json: unknown): Found[] {
  return problems(surveyFileSchema, json);
}

/** The errors of a benchmark file's JSON, checked against its survey. */
export function benchmarkProblems(json: unknown, context: BenchmarkContext): Found[] {
  return problems(benchmarkFileSchema(() => context), json);
}

/**
 * Figures from a base under SMALL_BASE: not errors, the page marks them "소표본". A question
 * without a base has an unreported one, at most sample.n: a small sample.n is said once for all of them.
 */
export function smallSampleWarnings(json: unknown): Found[] {
  if (!isObject(json) || !Array.isArray(json.questions)) return [];
  const n = isObject(json.sample) && isPositiveInteger(json.sample.n) ? json.sample.n : undefined;
  const unit = isObject(json.sample) && typeof json.sample.unit === 'string' && COUNTER.test(json.sample.unit) ? json.sample.unit : '곳';
  const out: Found[] = [];
  let wholeSample = false;
  json.questions.forEach((q, i) => {
    if (!isObject(q)) return;
    if (isPositiveInteger(q.base)) {
      if (q.base < SMALL_BASE) {
        out.push({
          path: ['questions', i, 'base'],
          wording: {
            message: `기준 ${q.base}${unit}: ${SMALL_BASE} 미만의 소표본입니다.`,
            fix: '페이지에 "소표본"으로 표시됩니다. 원자료의 수치가 맞다면 고칠 것은 없습니다.',
          },
        });
      }
    } else if (q.base === undefined && n !== undefined && n < SMALL_BASE) wholeSample = true;
  });
  if (wholeSample) {
    out.push({
      path: ['sample', 'n'],
      wording: {
        message: `표본 ${n}${unit}: ${SMALL_BASE} 미만의 소표본입니다.`,
        fix: '"base"가 없는 문항은 페이지에 "소표본"으로 표시됩니다. 원자료의 수치가 맞다면 고칠 것은 없습니다.',
      },
    });
  }
  return out;
}
