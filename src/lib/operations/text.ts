/**
 * The operations report as `npm run report` prints it: the headline, then one table per part, the
 * same figures and the same words as /about/operations/ (both read ./report.ts). Pure.
 */
import { formatAmount } from './fields.ts';
import { postsText, type Beside, type ComparisonView, type OperationsReport } from './report.ts';

/** Columns a character takes in a terminal: Hangul, CJK and full-width forms take two. */
function width(text: string): number {
  let w = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    w +=
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6)
        ? 2
        : 1;
  }
  return w;
}

const pad = (text: string, to: number, right: boolean) => (right ? ' '.repeat(to - width(text)) + text : text + ' '.repeat(to - width(text)));

/** A table with a header row; `numeric` columns are right-aligned. */
export function table(head: string[], rows: string[][], numeric: boolean[] = []): string {
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    `  ${cells
      .map((c, i) => pad(c, widths[i]!, numeric[i] ?? false))
      .join('  ')
      .trimEnd()}`;
  return [line(head), `  ${widths.map((w) => '─'.repeat(w)).join('  ')}`, ...rows.map(line)].join('\n');
}

const BESIDE_TITLES: Record<Beside, string> = {
  posts: '블로그 글 주기와 견줄 조사',
  tweets: '하루 트윗과 견줄 조사',
  log: '월별 기록과 견줄 조사',
};

function comparisonText(c: ComparisonView): string {
  const head = `  · ${c.survey.publisher}, 「${c.survey.title}」(${c.survey.year}년)${c.provenanceLabel ? ` · ${c.provenanceLabel}` : ''}`;
  const sources = c.sources.map((s) => `    출처: ${s.title} ${s.url}`);
  if (c.kind === 'quote') return [head, `    "${c.quote}" (수치 없이 글로만 전해진 내용)`, ...sources].join('\n');
  const v = c.view;
  const rows = v.rows.map((r) => [`${r.label}${r.computed ? ' (계산값)' : ''}${r.chosen && v.organization ? ` ◀ ${v.organization}의 답` : ''}`, r.display]);
  const answer = v.organization
    ? [`    ${v.organization}의 답${v.answerAsOf ? `(${v.answerAsOf} 기준)` : ''}: ${v.answerLabels.length ? v.answerLabels.join(', ') : '답하지 않음'}`]
    : [];
  return [
    head,
    `    ${v.question.text} (${v.baseText})`,
    ...answer,
    table(['응답', v.question.type === 'numeric' ? '값' : '비율'], rows, [false, true]).replace(/^/gm, '  '),
    ...sources,
  ].join('\n');
}

/** The whole report as terminal text. */
export function reportText(r: OperationsReport): string {
  const out: string[] = [];
  const section = (title: string) => out.push('', `■ ${title}`);
  out.push(
    `${r.organization} 운영 현황: ${r.asOfDay} 기준 (${r.timeZoneName} ${r.timeZone}, 한 주는 월요일부터 일요일까지)`,
    '',
    ...r.headline.map((l) => `  ${l}`),
  );
  const besides = (where: Beside) => {
    const list = r.comparisons.filter((c) => c.beside === where);
    if (list.length === 0) return;
    out.push('', `  ${BESIDE_TITLES[where]}`, ...list.map(comparisonText));
  };

  const c = r.cadence;
  section(`주별 블로그 글 (최근 ${c.weeks}주${c.targetDisplay ? `, 목표 ${c.targetDisplay}` : ''})`);
  out.push(
    table(
      ['주(월요일)', '글', '목표'],
      c.rows.map((w) => [
        `${w.start}${w.inProgress ? ` (진행 중, ${w.days}일)` : ''}`,
        postsText(w.posts),
        w.met === null ? (w.inProgress && c.target !== null ? '진행 중' : '') : w.met ? '지킴' : '못 미침',
      ]),
      [false, true, false],
    ),
  );
  besides('posts');

  section('목적(분류)별 글');
  out.push(
    table(
      ['분류', `최근 ${c.weeks}주`, '전체'],
      r.posts.byCategory.map((x) => [x.name, postsText(x.window), postsText(x.total)]),
      [false, true, true],
    ),
  );
  section('저자별 글');
  out.push(
    r.posts.byAuthor.length
      ? table(
          ['저자', `최근 ${c.weeks}주`, '전체'],
          r.posts.byAuthor.map((x) => [x.name, postsText(x.window), postsText(x.total)]),
          [false, true, true],
        )
      : '  글이 없습니다.',
  );
  section('트윗 문구가 있는 글 (계산값)');
  out.push(
    table(
      ['기간', '트윗 문구가 있는 글'],
      [
        [`최근 ${c.weeks}주`, r.posts.withTweet.window.display],
        ['전체', r.posts.withTweet.total.display],
      ],
    ),
  );

  section(`하루 트윗 (보낸 트윗 ÷ 센 날수, 계산값${r.tweets.targetDisplay ? `, 목표 ${r.tweets.targetDisplay} 이상` : ''})`);
  out.push(
    r.tweets.rows.length
      ? table(
          ['달', '보낸 트윗', '날수', '하루 트윗', '목표'],
          r.tweets.rows.map((t) => [t.month, `${formatAmount(t.tweets)}건`, `${t.days}일`, t.display, t.met === null ? '' : t.met ? '지킴' : '못 미침']),
          [false, true, true, true, false],
        )
      : '  보낸 트윗 기록이 없습니다.',
  );
  besides('tweets');

  section('월별 기록 (content/metrics/)');
  const fields = r.log.fields.filter((f) => f.recorded);
  if (r.log.months.length === 0) out.push('  기록이 없습니다.');
  else {
    // A figure per row and a month per column, six months to a table, so it fits a terminal.
    for (let i = 0; i < r.log.months.length; i += 6) {
      const months = r.log.months.slice(i, i + 6);
      if (i > 0) out.push('');
      out.push(
        table(
          ['항목', ...months.map((m) => `${m.month}${m.countedFrom ? '*' : ''}`)],
          fields.map((f) => [f.label, ...months.map((m) => m.displays[f.id]!)]),
          [false, ...months.map(() => true)],
        ),
      );
    }
    const partial = r.log.months.filter((m) => m.countedFrom);
    for (const m of partial) out.push(`  * ${m.month}: ${m.countedFrom}부터 센 ${m.days}일의 수치`);
    for (const m of r.log.months.filter((x) => x.note)) out.push(`  ${m.month} 메모: ${m.note}`);
  }
  besides('log');
  return `${out.join('\n')}\n`;
}
