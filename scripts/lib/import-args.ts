/**
 * Command-line options of `npm run import`. Pure: parsing, with every mistake as a Korean
 * problem block.
 */
import { parseArgs } from 'node:util';
import type { Problem } from '../../src/lib/rules/problems.ts';
import { nearest } from '../../src/lib/rules/suggest.ts';

export const COMMAND = 'npm run import';

export const IMPORT_USAGE = `사용법: npm run import -- <원본> --author <저자-id> --category <분류-id>
         [--category-map "옛 분류=분류-id,…"] [--uploads <폴더>] [--timezone <시간대>]
         [--report <파일>] [--force] [--dry-run]

  <원본>은 다음 가운데 하나이고, 무엇인지는 알아서 알아냅니다:
    Jekyll 폴더   _config.yml과 _posts/가 있는 폴더 (_drafts/의 글은 초안으로)
    Hugo 폴더     hugo.toml이나 config.toml(yaml, json)과 content/posts/가 있는 폴더
    워드프레스    관리자 화면 > 도구 > 내보내기로 받은 .xml (WXR) 파일
    RSS, Atom     본문 전체가 든 피드 파일 (티스토리, 네이버 블로그, 벨로그 등의 rss 주소를 파일로 저장)
  --author        가져온 글의 저자 (content/authors/<저자-id>.json이 있어야 합니다)
  --category      분류를 옮길 곳이 정해지지 않은 글의 분류 (src/site.config.ts의 분류 id)
  --category-map  옛 분류를 이 사이트의 분류로: "개발=engineering,회사 소식=company-news"
  --uploads       워드프레스의 wp-content/uploads 폴더 (글의 이미지를 여기서 찾아 글 옆에 복사)
  --timezone      시간대가 적히지 않은 날짜를 읽을 시간대 (기본값: Jekyll·Hugo 설정, 없으면 Asia/Seoul)
  --report        보고서를 쓸 파일 (기본값: <콘텐츠 폴더>/_import-report.md)
  --force         같은 이름의 글이 이미 있어도 덮어씁니다 (없으면 하나라도 있을 때 아무것도 쓰지 않습니다)
  --dry-run       파일을 쓰지 않고 무엇을 할지만 보여 줍니다
  결과는 content/posts/에 씁니다 (CONTENT_DIR을 따릅니다).`;

export interface ImportArgs {
  source: string;
  author?: string;
  category?: string;
  categoryMap: [string, string][];
  uploads?: string;
  timeZone?: string;
  report?: string;
  force: boolean;
  dryRun: boolean;
}

const STRING_FLAGS = ['author', 'category', 'category-map', 'uploads', 'timezone', 'report'] as const;
const KNOWN = [...STRING_FLAGS.map((f) => `--${f}`), '--force', '--dry-run', '--help'];

const problem = (field: string, found: Omit<Problem, 'kind' | 'file' | 'severity' | 'field'>): Problem => ({ kind: 'arguments', file: COMMAND, ...(field ? { field } : {}), severity: 'error', ...found });

/** `"개발=engineering, 회사 소식=company-news"` -> pairs; a piece without "=" is a problem. */
export function parseCategoryMap(text: string): { pairs: [string, string][]; problems: Problem[] } {
  const pairs: [string, string][] = [];
  const problems: Problem[] = [];
  for (const piece of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const at = piece.lastIndexOf('=');
    const from = piece.slice(0, at).trim();
    const to = piece.slice(at + 1).trim();
    if (at <= 0 || !from || !to) {
      problems.push(problem('--category-map', { message: `"${piece}"에 "옛 분류=분류-id" 꼴이 아닙니다.`, expected: '"옛 분류=분류-id"를 쉼표로 이어서', fix: '예: --category-map "개발=engineering,일상=communication"' }));
    } else {
      pairs.push([from, to]);
    }
  }
  return { pairs, problems };
}

export function parseImportArgs(argv: string[]): { args?: ImportArgs; help: boolean; problems: Problem[] } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        ...Object.fromEntries(STRING_FLAGS.map((f) => [f, { type: 'string' as const, multiple: f === 'category-map' }])),
        force: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    const { code, message } = error as Error & { code?: string };
    const flag = /'(?:-\w, )?(-[^' ]*)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      return { help: false, problems: [problem(flag, { message: `알 수 없는 옵션 ${flag}입니다.`, expected: `쓸 수 있는 옵션: ${KNOWN.join(', ')}`, fix: '철자를 고치세요.', suggestion: nearest(flag, KNOWN) })] };
    }
    return { help: false, problems: [problem(flag, { message: `${flag} 뒤에 값이 없거나, 값을 붙이지 않는 옵션에 값이 있습니다.`, expected: IMPORT_USAGE.split('\n')[0]!, fix: '옵션과 값을 확인하세요.' })] };
  }
  const values = parsed.values as Record<string, string | string[] | boolean | undefined>;
  if (values.help) return { help: true, problems: [] };
  const problems: Problem[] = [];
  if (parsed.positionals.length !== 1) {
    problems.push(
      problem('<원본>', {
        message: parsed.positionals.length === 0 ? '가져올 원본이 없습니다.' : `원본은 하나만 줍니다 (받은 것: ${parsed.positionals.join(', ')}).`,
        expected: 'Jekyll·Hugo 폴더, 워드프레스 .xml, RSS·Atom 피드 파일 가운데 하나',
        fix: 'npm run import -- ../old-blog --author 아이디 --category 분류-id 처럼 쓰세요. 이름에 빈칸이 있으면 따옴표로 감싸세요.',
      }),
    );
  }
  const map = ((values['category-map'] as string[] | undefined) ?? []).map(parseCategoryMap);
  problems.push(...map.flatMap((m) => m.problems));
  const str = (name: string) => (typeof values[name] === 'string' ? (values[name] as string).trim() : undefined);
  if (problems.length) return { help: false, problems };
  return {
    help: false,
    problems: [],
    args: {
      source: parsed.positionals[0]!,
      ...(str('author') ? { author: str('author') } : {}),
      ...(str('category') ? { category: str('category') } : {}),
      categoryMap: map.flatMap((m) => m.pairs),
      ...(str('uploads') ? { uploads: str('uploads') } : {}),
      ...(str('timezone') ? { timeZone: str('timezone') } : {}),
      ...(str('report') ? { report: str('report') } : {}),
      force: values.force === true,
      dryRun: values['dry-run'] === true,
    },
  };
}
