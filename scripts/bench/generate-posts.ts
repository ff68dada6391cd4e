/**
 * Deterministic Korean MDX posts for `npm run bench`. Each post is built from its own seeded
 * random stream, so post 17 is the same whatever `--posts` is (only the date spread changes).
 *
 * The text is assembled from sentence, heading and title pools about running a company's social
 * media, with slots filled so pages differ in words (Pagefind, reading time, related posts all
 * see varied text). Prose avoids `{`, `}` and `<`, which MDX would read as code or tags.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CATEGORY_IDS = ['reputation', 'marketing', 'customer-service', 'recruiting', 'communication'] as const;

const TAGS = ['트위터', '블로그', '가이드라인', '고객응대', '이벤트', '채용', '사내소통', '조사', '위기대응', '글쓰기', '강좌', '교재', '페이스북', '마케팅', '평판'];

const CHANNELS = ['트위터', '블로그', '페이스북', '미투데이', '유튜브'];
const TEAMS = ['교육콘텐츠팀', '고객지원팀', '인사팀', '마케팅팀', '강사진', '경영지원팀'];

const SENTENCES = [
  '처음 [채널] 계정을 열었을 때만 해도 누가 우리 글을 읽을지 감이 오지 않았습니다.',
  '지난 [n]주 동안 받은 멘션을 하나씩 다시 읽어 보면서 몇 가지 공통점을 찾았습니다.',
  '수강생들이 가장 많이 묻는 것은 여전히 수강 신청 기간과 환불 규정이었습니다.',
  '[팀] 동료들은 처음에 소셜미디어 운영을 홍보팀만의 일로 여겼습니다.',
  '답장을 보내는 데 걸리는 시간이 평균 [n]시간에서 절반 가까이 줄었습니다.',
  '짧은 답이라도 빨리 보내는 것이 길고 완벽한 답을 늦게 보내는 것보다 낫다는 것을 배웠습니다.',
  '사내 가이드라인은 금지 사항을 나열하기보다 판단의 기준을 설명하는 쪽으로 고쳤습니다.',
  '회사의 공식 입장과 담당자 개인의 생각을 어떻게 구분해서 말할지는 지금도 고민입니다.',
  '이벤트를 열 때마다 참여자 수보다 그 뒤에 남는 대화의 양을 더 눈여겨보게 되었습니다.',
  '리트윗 이벤트는 숫자로는 성공이었지만, 경품만 보고 들어온 팔로어는 금방 떠났습니다.',
  '채용 공고를 [채널] 계정에 올렸더니 지원자들이 회사 분위기를 미리 알고 왔다는 이야기를 했습니다.',
  '면접 자리에서 블로그 글을 읽고 지원했다는 말을 들었을 때 팀 모두가 놀랐습니다.',
  '불만 글이 올라오면 먼저 사실을 확인하고, 확인하는 중이라는 사실부터 알리기로 했습니다.',
  '실수를 인정하는 글은 쓰기 어렵지만, 읽는 사람들의 반응은 생각보다 너그러웠습니다.',
  '한 달에 한 번 [팀] 사람들과 함께 지난달의 질문과 답을 돌아보는 자리를 만들었습니다.',
  '조사 결과를 보면 국내 기업 가운데 [p]퍼센트 정도가 공식 계정을 운영하고 있었습니다.',
  '다른 회사의 사례를 비교해 보니 운영 목적을 분명히 정한 곳일수록 오래 꾸준히 운영했습니다.',
  '글 한 편을 쓰는 데 드는 시간은 대략 [n]시간이었고, 그중 절반은 사실 확인에 썼습니다.',
  '사진 한 장을 고르는 일도 생각보다 오래 걸려서, 자주 쓰는 사진을 모아 두기로 했습니다.',
  '주말과 공휴일에 들어온 질문에는 월요일 오전에 한꺼번에 답하고 있습니다.',
  '담당자가 휴가를 가도 계정이 멈추지 않도록 두 사람이 번갈아 맡는 방식을 정했습니다.',
  '팔로어 수는 천천히 늘었지만, 대화에 참여하는 사람의 비율은 꾸준히 올라갔습니다.',
  '강좌 소개 글보다 강사님의 수업 준비 과정을 담은 글이 훨씬 많이 읽혔습니다.',
  '교재를 만드는 과정을 솔직하게 보여 주자 학부모님들의 질문이 구체적으로 바뀌었습니다.',
  '오타를 지적하는 멘션에도 고맙다는 답을 보내고, 고친 뒤에는 다시 알렸습니다.',
  '내부 보고서에는 숫자만 담지 않고 실제로 주고받은 대화 몇 개를 함께 붙였습니다.',
  '경영진은 처음에 성과를 숫자로 보여 달라고 했지만, 지금은 대화 사례를 더 궁금해합니다.',
  '[채널] 운영 원칙을 정리한 문서는 벌써 [n]번째 개정판이 나왔습니다.',
  '새로 합류한 동료에게는 지난 글과 답장을 한 주 동안 읽어 보는 일부터 맡깁니다.',
  '질문에 바로 답하기 어려울 때는 담당 부서와 답할 날짜를 먼저 알려 드립니다.',
  '같은 질문이 세 번 이상 들어오면 자주 묻는 질문 페이지에 정리해 두었습니다.',
  '비판적인 글을 지우지 않는다는 원칙은 운영 첫날부터 지금까지 지키고 있습니다.',
  '설문에 응답한 기업 담당자들은 가장 큰 어려움으로 인력 부족을 꼽았습니다.',
  '블로그 글 아래 달린 댓글은 다음 글의 주제를 정하는 데 가장 좋은 재료가 됩니다.',
  '행사 당일에는 현장 사진과 짧은 소식을 한 시간 간격으로 올렸습니다.',
  '신청 페이지가 잠시 멈췄을 때 가장 먼저 소식을 전한 곳도 [채널] 계정이었습니다.',
  '장애가 해결된 뒤에는 원인과 재발 방지 계획을 블로그에 자세히 적었습니다.',
  '긴 글을 쓰기보다 자주 짧게 쓰는 편이 담당자에게도 독자에게도 부담이 적었습니다.',
  '회의록을 그대로 옮기는 대신 독자가 궁금해할 질문을 먼저 적고 거기에 답하는 식으로 썼습니다.',
  '우리 회사만의 말투를 정하기 위해 지난 글 [n]편을 모아 문장을 하나씩 살폈습니다.',
  '존댓말과 반말 사이에서 고민하다가, 결국 정중하되 딱딱하지 않은 말투로 정했습니다.',
  '이모티콘은 쓰되 공지나 사과 글에서는 쓰지 않기로 했습니다.',
  '인재 채용 글을 올린 뒤 지원서에 블로그 이야기를 적은 사람이 눈에 띄게 늘었습니다.',
  '현직 연구원이 직접 쓴 직무 소개 글이 채용 설명회보다 더 많은 질문을 받았습니다.',
  '[팀]에서 받은 전화 문의 가운데 일부가 온라인 문의로 옮겨 왔습니다.',
  '마케팅 예산을 크게 늘리지 않고도 강좌 소식을 알리는 방법을 찾고 싶었습니다.',
  '할인 소식만 올리는 계정은 금방 광고판처럼 보인다는 지적을 받았습니다.',
  '그래서 소식 세 개 중 하나만 홍보 글로 하고, 나머지는 배우는 이야기로 채웠습니다.',
  '명성 관리라는 말이 거창하게 들리지만, 결국은 약속을 지키는 일의 연속이었습니다.',
  '잘못 알려진 정보를 바로잡을 때는 출처와 날짜를 함께 밝혔습니다.',
  '다른 기업 담당자들과 만나 이야기를 나누면 비슷한 고민을 하고 있다는 데 안심이 됩니다.',
  '지난해 조사와 올해 조사를 나란히 놓고 보면 운영 목적이 조금씩 달라지고 있습니다.',
  '홍보 대행사에 맡기던 일을 사내로 가져오면서 결정이 훨씬 빨라졌습니다.',
  '사내 메신저에 소셜미디어 소식방을 만들어 좋은 반응과 불편한 반응을 모두 공유합니다.',
  '한 수강생이 남긴 긴 후기 덕분에 강좌 구성을 일부 바꾸기도 했습니다.',
  '읽는 사람이 누구인지 떠올리며 쓰면 문장이 저절로 짧아집니다.',
  '월말에는 가장 많이 읽힌 글과 가장 적게 읽힌 글을 함께 살펴봅니다.',
  '적게 읽힌 글에서 오히려 다음에 시도할 만한 실마리를 찾을 때가 많습니다.',
  '계정 비밀번호와 권한은 정해진 담당자만 관리하고, 분기마다 바꿉니다.',
  '위기 상황에서 누가 어떤 순서로 결정하는지 미리 적어 둔 문서가 큰 도움이 되었습니다.',
  '[채널]에서 시작된 대화가 오프라인 설명회로 이어진 일도 [n]번이나 있었습니다.',
  '[팀]의 한 연구원은 이제 매주 금요일마다 짧은 글을 보내 줍니다.',
];

const HEADINGS = [
  '처음 계정을 열던 날', '숫자로 본 석 달', '멘션에 답하는 순서', '가이드라인을 고친 이유', '동료에게 부탁하는 법',
  '이벤트가 남긴 것', '채용 공고를 올려 보니', '불만 글을 대하는 자세', '다른 회사는 어떻게 할까', '조사 결과 읽기',
  '우리 회사의 말투', '다음 분기에 할 일', '실수에서 배운 것', '경영진에게 보고하기', '짧게 자주 쓰기',
  '위기 대응 연습', '수강생의 질문', '교재 이야기', '사내 소통의 변화', '남은 고민', '운영 원칙 세 가지',
  '답장 시간 줄이기', '사진과 글의 균형', '주말 운영', '두 사람이 함께 맡기', '댓글에서 찾은 주제',
];

const TITLE_TOPICS = [
  '트위터 고객 응대', '회사 블로그 운영', '리트윗 이벤트', '사내 소셜미디어 가이드라인', '채용 공고와 소셜미디어',
  '위기 대응 매뉴얼', '기업 소셜미디어 조사', '강좌 홍보', '멘션 답장', '사내 필진 모집', '페이스북 페이지 개설',
  '설명회 현장 중계', '교재 오류 안내', '연구원 직무 소개', '경영진 보고서',
];
const TITLE_ANGLES = [
  '에서 배운 세 가지', ' 돌아보기', ' 실전 메모', ' 석 달 운영기', ': 다섯 가지 질문', ' 뒷이야기',
  ', 우리는 이렇게 했다', ' 체크리스트', ', 처음부터 다시', ' 숫자 읽기',
];

const TWEET_OPENERS = ['새 글을 올렸습니다.', '블로그에 새 이야기가 있습니다.', '이번 주 글입니다.', '지난 경험을 정리했습니다.'];

/** mulberry32: tiny, fast and good enough for picking text. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Rng {
  next: () => number;
  int: (min: number, max: number) => number;
  pick: <T>(items: readonly T[]) => T;
  chance: (p: number) => boolean;
}

function rng(seed: number): Rng {
  const next = random(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (p: number) => next() < p,
  };
}

export function hangulCount(text: string): number {
  return text.match(/[\uAC00-\uD7A3]/g)?.length ?? 0;
}

function sentence(r: Rng): string {
  return r
    .pick(SENTENCES)
    .replace('[채널]', r.pick(CHANNELS))
    .replace('[팀]', r.pick(TEAMS))
    .replace('[n]', String(r.int(2, 12)))
    .replace('[p]', String(r.int(8, 64)));
}

function shuffled<T>(items: readonly T[], r: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function paragraph(r: Rng): string {
  return Array.from({ length: r.int(2, 4) }, () => sentence(r)).join(' ');
}

function table(r: Rng): string {
  const rows = ['공식 계정 운영', '블로그 운영', '전담 인력 배치', '가이드라인 보유', '월간 보고'].slice(0, r.int(3, 5));
  const years = ['2010년', '2011년', '2012년'];
  const lines = [`| 항목 | ${years.join(' | ')} |`, `| --- | ${years.map(() => '---:').join(' | ')} |`];
  for (const row of rows) lines.push(`| ${row} | ${years.map(() => `${r.int(5, 80)}%`).join(' | ')} |`);
  return lines.join('\n');
}

function codeBlock(r: Rng): string {
  const blocks = [
    ['js', `// 하루 동안 받은 멘션을 담당 부서별로 센다\nconst counts = new Map();\nfor (const mention of mentions) {\n  const team = routeOf(mention.text) ?? '소셜미디어팀';\n  counts.set(team, (counts.get(team) ?? 0) + 1);\n}\nconsole.log([...counts].sort((a, b) => b[1] - a[1]));`],
    ['json', `{\n  "channel": "twitter",\n  "replyWithinHours": ${r.int(2, 24)},\n  "weekendCheck": ["토", "일"],\n  "escalate": ["환불", "장애", "개인정보"]\n}`],
    ['bash', `# 지난달 글 목록을 날짜순으로 뽑는다\nls content/posts | sort | tail -n ${r.int(5, 30)}\ngrep -l "category: marketing" content/posts/*.mdx | wc -l`],
    ['ts', `interface Reply {\n  mentionId: string;\n  answeredAt: Date;\n  team: string;\n}\n\nexport const hoursToReply = (r: Reply, asked: Date): number =>\n  (r.answeredAt.getTime() - asked.getTime()) / 3_600_000;`],
  ] as const;
  const [lang, code] = r.pick(blocks);
  return `\`\`\`${lang}\n${code}\n\`\`\``;
}

function list(r: Rng): string {
  return Array.from({ length: r.int(3, 5) }, () => `- **${r.pick(HEADINGS)}.** ${sentence(r)}`).join('\n');
}

export interface GeneratedPost {
  file: string;
  text: string;
  hangul: number;
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Post `i` (0-based) of `count`, with dates spread evenly over 2010-01-01..2012-12-31. */
export function generatePost(i: number, count: number, authors: readonly string[]): GeneratedPost {
  const r = rng(0x5b1e + i * 7919);
  const start = Date.UTC(2010, 0, 1);
  const days = 365 * 3; // 2010..2012 (2012 is a leap year: 1096 days; the last day stays unused)
  const pub = new Date(start + Math.floor(((i + r.next()) * days) / count) * 86_400_000);
  const title = `${r.pick(TITLE_TOPICS)}${r.pick(TITLE_ANGLES)}`;
  const description = `${sentence(r)} ${r.chance(0.5) ? sentence(r) : ''}`.trim().slice(0, 200);
  const tags = [...new Set(Array.from({ length: r.int(1, 4) }, () => r.pick(TAGS)))];

  const data: Record<string, unknown> = {
    title,
    description,
    pubDate: isoDate(pub),
    author: authors[i % authors.length],
    category: CATEGORY_IDS[r.int(0, CATEGORY_IDS.length - 1)],
    tags,
  };
  if (r.chance(0.1)) data.updatedDate = isoDate(new Date(pub.getTime() + r.int(1, 60) * 86_400_000));
  if (r.chance(0.3)) {
    // ≤100 Hangul syllables: well inside one tweet with the link (Hangul counts 2 of 280).
    let tweet = `${r.pick(TWEET_OPENERS)} ${sentence(r)}`;
    if (hangulCount(tweet) > 100) tweet = sentence(r);
    data.tweet = tweet;
  }

  // Prose first, to a target length; extras (table, code, list) are added between sections.
  const target = r.int(800, 1550);
  const paragraphs: string[] = [];
  let proseHangul = 0;
  while (proseHangul < target) {
    const p = paragraph(r);
    paragraphs.push(p);
    proseHangul += hangulCount(p);
  }
  const sections = Math.min(r.int(3, 5), Math.max(1, paragraphs.length - 1));
  const withTable = r.chance(0.25);
  const withCode = r.chance(0.2);
  const withList = r.chance(0.3);
  const withFootnotes = r.chance(0.25);

  const intro = paragraphs.shift() as string;
  const perSection = Math.ceil(paragraphs.length / sections);
  const headings = shuffled(HEADINGS, r).slice(0, sections);
  const blocks: string[] = [intro];
  const footnotes: string[] = [];
  for (let s = 0; s < sections; s++) {
    blocks.push(`## ${headings[s]}`);
    const chunk = paragraphs.slice(s * perSection, (s + 1) * perSection);
    if (chunk.length === 0) chunk.push(paragraph(r));
    if (withFootnotes && s < 2) {
      const n = footnotes.length + 1;
      chunk[0] = `${chunk[0]}[^${n}]`;
      footnotes.push(`[^${n}]: ${2010 + r.int(0, 2)}년 ${r.int(1, 12)}월 사내 집계 기준입니다.`);
    }
    blocks.push(...chunk);
    if (withTable && s === 0) blocks.push('아래 표는 조사에 참여한 기업의 응답을 정리한 것입니다.', table(r));
    if (withCode && s === 1) blocks.push('담당자가 실제로 쓰는 작은 도구는 다음과 같습니다.', codeBlock(r));
    if (withList && s === sections - 1) blocks.push(list(r));
  }
  if (footnotes.length) blocks.push(footnotes.join('\n'));

  const frontmatter = Object.entries(data)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join('\n');
  const body = blocks.join('\n\n');
  const slug = `${isoDate(pub)}-bench-${String(i + 1).padStart(4, '0')}`;
  return { file: `${slug}.mdx`, text: `---\n${frontmatter}\n---\n\n${body}\n`, hangul: hangulCount(body) };
}

/** Writes `count` posts into `postsDir` (which must exist and be empty). */
export function writePosts(postsDir: string, count: number, authors: readonly string[]): { files: number; hangulMin: number; hangulMax: number } {
  mkdirSync(postsDir, { recursive: true });
  let hangulMin = Infinity;
  let hangulMax = 0;
  for (let i = 0; i < count; i++) {
    const post = generatePost(i, count, authors);
    hangulMin = Math.min(hangulMin, post.hangul);
    hangulMax = Math.max(hangulMax, post.hangul);
    writeFileSync(join(postsDir, post.file), post.text);
  }
  return { files: count, hangulMin, hangulMax };
}
