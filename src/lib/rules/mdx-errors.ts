/**
 * Every MDX syntax error of a post, not only the first, each in Korean with its fix. The MDX
 * parser stops at its first error; a writer fixing one error per `npm run check` needs as many
 * runs as errors. So after each error the construct it names is neutralised in a copy (its `<` or
 * `{` becomes a space: the rest reads as text) and the copy is parsed again, up to
 * MAX_SYNTAX_ERRORS. Errors that only follow from an earlier one (the partner tag of a tag already
 * reported) are neutralised without being reported, so every error listed is one to fix.
 */
import { mdxToMdast } from 'satteri';
import { prepareMdxProse, sourceColumn, type ProseEdit } from '../markdown/mdx-prose.ts';
import { MARKDOWN_FEATURES } from '../markdown-features.ts';

/** More than this in one file, and the writer has a bigger problem than a list can show. */
export const MAX_SYNTAX_ERRORS = 20;

export interface MdxSyntaxError {
  line?: number;
  column?: number;
  /** The parser's own words (English). */
  reason: string;
}

/**
 * "7:1: Expected a closing tag for `<div>` (7:1) (mdx-jsx:unexpected-character)" -> parts. A
 * trailing position is dropped when it repeats the error's own; another one (the tag a closing
 * tag should have closed) is kept.
 */
export function parseMdxError(message: string): MdxSyntaxError {
  const match = /^(\d+):(\d+)(?:-\d+:\d+)?:\s*([\s\S]*?)(?:\s*\([\w:-]+\))?\s*$/.exec(message.trim());
  if (!match) return { reason: message.trim() };
  const own = new RegExp(`\\s*\\(${match[1]}:${match[2]}(?:-\\d+:\\d+)?\\)$`);
  return { line: Number(match[1]), column: Number(match[2]), reason: (match[3] ?? '').trim().replace(own, '') };
}

export interface ParsedMdx {
  /** The tree of the prepared source, when it has no syntax error. */
  tree?: unknown;
  /** With errors: the tree of the copy with every reported construct neutralised, for the checks that still can run. */
  recovered?: unknown;
  /** What the preparation changed, to turn the tree's columns into the writer's. */
  edits: ProseEdit[];
  /** Every syntax error, in the order found, at the writer's lines and columns. */
  errors: MdxSyntaxError[];
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset + column - 1;
}

/** The `{` that opens the expression around `offset` (the parser points into the code). */
function openingBrace(text: string, offset: number): number {
  let depth = 0;
  for (let i = Math.min(offset, text.length - 1); i >= 0; i--) {
    if (text[i] === '}' && i !== offset) depth++;
    else if (text[i] === '{') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** The `<` of the tag `offset` is inside (`<Foo x={…`, a tag may span lines but not a blank one), or -1 when it is in text. */
function tagAround(text: string, offset: number): number {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '>' || (c === '\n' && text[i - 1] === '\n')) return -1;
    if (c === '<') return /[A-Za-z]/.test(text[i + 1] ?? '') ? i : -1;
  }
  return -1;
}

const blank = (text: string, start: number, end: number) => text.slice(0, start) + text.slice(start, end).replace(/[^\n]/g, ' ') + text.slice(end);

/** Tag names an error is about: `<div>` for an unclosed tag, `</a>` for a stray closing tag. */
function tagsIn(reason: string): { opened?: string; closed?: string; partnerAt?: string } {
  const opened = /^Expected a closing tag for `<([^>`]*)>`/.exec(reason)?.[1];
  const closed = /^(?:Unexpected closing tag|Expected the closing tag) `<\/([^>`]*)>`/.exec(reason)?.[1];
  const partnerAt = /(?:corresponding closing tag for `<[^>`]*>`|opened at) \(?(\d+:\d+)\)?/.exec(reason)?.[1];
  return { opened, closed, partnerAt };
}

/** `text` with the construct `error` points at turned into plain text. */
function neutralise(text: string, line: number, column: number, reason: string): string {
  const offset = offsetOf(text, line, column);
  if (/expression|esm|statement in code/i.test(reason) && !/^Unexpected character/.test(reason)) {
    if (/esm|statement in code/i.test(reason)) {
      const end = text.indexOf('\n', offset);
      return blank(text, offset - (column - 1), end < 0 ? text.length : end);
    }
    const brace = text[offset] === '{' ? offset : openingBrace(text, offset);
    if (brace >= 0) {
      // An attribute's value (`<Foo x={…}>`): the tag goes with it, or it would fail next.
      const tag = tagAround(text, brace);
      return blank(tag >= 0 ? blank(text, tag, tag + 1) : text, brace, brace + 1);
    }
  }
  if (text[offset] === '<' || text[offset] === '{') return blank(text, offset, offset + 1);
  const lineStart = offset - (column - 1);
  const lineEnd = text.indexOf('\n', lineStart);
  return blank(text, lineStart, lineEnd < 0 ? text.length : lineEnd);
}

/**
 * Parses an MDX source as the site renders it (Korean prose prepared first), collecting every
 * syntax error. `source` is the whole file; the parser skips its front matter.
 */
export function parseMdxCollectingErrors(source: string): ParsedMdx {
  const errors: MdxSyntaxError[] = [];
  // Tags whose partner was already neutralised: an error about them is the same mistake again.
  const openersRemoved: string[] = [];
  const closersRemoved: string[] = [];
  const partnersReported = new Set<string>();
  let text = source;
  for (let round = 0; round < MAX_SYNTAX_ERRORS * 2; round++) {
    const prepared = prepareMdxProse(text);
    let error: MdxSyntaxError;
    try {
      const tree = mdxToMdast(prepared.text, { features: MARKDOWN_FEATURES });
      return errors.length ? { recovered: tree, edits: prepared.edits, errors } : { tree, edits: prepared.edits, errors };
    } catch (thrown) {
      error = parseMdxError(thrown instanceof Error ? thrown.message : String(thrown));
    }
    if (error.line === undefined || error.column === undefined) {
      errors.push(error);
      break;
    }
    const column = sourceColumn(prepared.edits, error.line, error.column);
    const found = { ...error, column };
    const tags = tagsIn(error.reason);
    const position = `${error.line}:${column}`;
    const followOn =
      partnersReported.has(position) ||
      (tags.opened !== undefined && takeName(closersRemoved, tags.opened)) ||
      (tags.closed !== undefined && /expected an open tag first/.test(error.reason) && takeName(openersRemoved, tags.closed));
    if (!followOn) {
      if (errors.some((e) => e.line === found.line && e.column === found.column && e.reason === found.reason)) break;
      if (errors.length === MAX_SYNTAX_ERRORS) break;
      errors.push(found);
      if (tags.partnerAt) {
        const [line = 0, partnerColumn = 0] = tags.partnerAt.split(':').map(Number);
        partnersReported.add(`${line}:${sourceColumn(prepared.edits, line, partnerColumn)}`);
      }
    }
    if (tags.opened !== undefined) openersRemoved.push(tags.opened);
    if (tags.closed !== undefined) closersRemoved.push(tags.closed);
    const next = neutralise(text, error.line, column, error.reason);
    if (next === text) break;
    text = next;
  }
  return { edits: [], errors };
}

/** Removes one `name` from `names`; whether there was one. */
function takeName(names: string[], name: string): boolean {
  const index = names.indexOf(name);
  if (index < 0) return false;
  names.splice(index, 1);
  return true;
}

export interface KoreanMdxError {
  message: string;
  fix: string;
}

const CONTAINERS: Record<string, string> = {
  paragraph: '문단',
  listItem: '목록 항목',
  blockquote: '인용',
  heading: '제목',
  tableCell: '표 칸',
};

/** The parser's English reason as a Korean explanation and fix; an unknown reason is kept as written. */
export function koreanMdxError(reason: string): KoreanMdxError {
  let match: RegExpExecArray | null;
  if (/^Unexpected character after `<`/.test(reason)) {
    return {
      message: '"<" 뒤에 태그 이름이 아닌 것이 있어서 태그로도 글자로도 읽을 수 없습니다.',
      fix: '글자 그대로의 "<"라면 \\< 로 쓰세요. 링크는 [글자](주소)로, 컴포넌트는 <이름 속성="값" />처럼 속성 값을 따옴표 안에 쓰세요.',
    };
  }
  if ((match = /^Unexpected character `(.+?)` \(U\+[0-9A-F]+\) (\w+(?: \w+)*?),? expected/.exec(reason))) {
    return {
      message: `태그 안의 "${match[1]}"는 이 자리에 올 수 없습니다.`,
      fix: '태그는 <이름 속성="값"> 꼴입니다. 속성 값은 따옴표 안에, 코드 값은 속성={값}으로 쓰세요. 메모는 {/* 메모 */}로 씁니다.',
    };
  }
  if ((match = /^Expected a closing tag for `<([^>`]*)>`(?: \(\d+:\d+\))?(?: before the end of `(\w+)`)?/.exec(reason))) {
    const where = match[2] ? `같은 ${CONTAINERS[match[2]] ?? match[2]} 안에서 ` : '';
    return {
      message: `<${match[1]}> 태그가 ${where}닫히지 않았습니다.`,
      fix: `</${match[1]}>로 닫거나, 내용이 없는 태그라면 <${match[1]} />로 쓰세요. 여러 문단을 감싸려면 여는 태그와 닫는 태그를 각각 한 줄에 따로 쓰세요. 태그가 아니라 글자 그대로의 "<${match[1]}>"라면 \\<${match[1]}> 로 쓰세요.`,
    };
  }
  if ((match = /^Unexpected closing tag `<\/([^>`]*)>`, expected an open tag first/.exec(reason))) {
    return {
      message: `</${match[1]}>로 닫으려는 <${match[1]}> 태그가 열려 있지 않습니다.`,
      fix: `여는 태그 <${match[1]}>를 쓰거나 </${match[1]}>를 지우세요.`,
    };
  }
  if ((match = /^Unexpected closing tag `<\/([^>`]*)>`, expected corresponding closing tag for `<([^>`]*)>` \((\d+):\d+\)/.exec(reason))) {
    return {
      message: `</${match[1]}>보다 먼저 ${match[3]}번째 줄의 <${match[2]}>를 닫아야 합니다.`,
      fix: `태그는 연 순서의 반대로 닫으세요: <${match[1]}><${match[2]}>…</${match[2]}></${match[1]}>.`,
    };
  }
  if ((match = /^Expected the closing tag `<\/([^>`]*)>` either after the end of `(\w+)`/.exec(reason))) {
    return {
      message: `</${match[1]}>가 여는 태그와 다른 ${CONTAINERS[match[2]!] ?? match[2]}에 있습니다.`,
      fix: '여는 태그와 닫는 태그를 같은 문단 안에 쓰거나, 둘 다 각각 한 줄에 따로 쓰세요.',
    };
  }
  if (/^Unexpected end of file in expression/.test(reason)) {
    return {
      message: '중괄호 {를 열고 닫지 않았습니다.',
      fix: '글자 그대로의 중괄호라면 \\{ 와 \\} 로 쓰세요. 코드라면 }로 닫으세요. 메모는 {/* 메모 */}로 씁니다.',
    };
  }
  if (/^Could not parse expression/.test(reason)) {
    return {
      message: '중괄호 { } 안이 자바스크립트 코드로 읽히지 않습니다. MDX에서 중괄호는 코드입니다.',
      fix: '글자 그대로의 중괄호라면 \\{ 와 \\} 로 쓰세요. 메모는 {/* 메모 */}로 씁니다.',
    };
  }
  if (/^(Could not parse esm|Unexpected statement in code)/.test(reason)) {
    return {
      message: '줄 맨 앞의 import나 export는 코드로 읽히는데, 이 줄은 자바스크립트 코드가 아닙니다.',
      fix: '문장이라면 import나 export가 줄 맨 앞에 오지 않게 고쳐 쓰세요. 코드라면 문법을 확인하세요.',
    };
  }
  if (/^Unexpected lazy line/.test(reason)) {
    return {
      message: '인용(>)이나 목록 안의 태그나 중괄호가 다음 줄로 이어지는데, 그 줄에 ">"나 들여쓰기가 없습니다.',
      fix: '이어지는 줄도 ">"나 같은 들여쓰기로 시작하세요.',
    };
  }
  return {
    message: reason,
    fix: 'MDX에서 "<"는 컴포넌트나 HTML 태그의 시작이고 "{"는 코드의 시작입니다. 글자 그대로 보이려면 \\< 와 \\{ 로 쓰거나 `백틱` 안에 넣으세요.',
  };
}
