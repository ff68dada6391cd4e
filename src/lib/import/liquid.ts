/**
 * Liquid in a Jekyll post, translated or taken out before the Markdown is read (Jekyll runs Liquid
 * first too, which is why `{% raw %}` exists). liquidjs's tokenizer finds the tags and outputs;
 * each kind is handled here:
 *
 * - `{{ site.baseurl }}`, `{{ site.url }}`, `{{ "/x" | relative_url }}` / `absolute_url`: the
 *   site-relative path, which the image step then finds in the Jekyll folder;
 * - `{% highlight lang %}…{% endhighlight %}`: a fenced code block;
 * - `{% raw %}…{% endraw %}`: the text inside, as written;
 * - `{% comment %}…{% endcomment %}`: removed (blank lines keep the line numbers);
 * - `{% post_url name %}`, `{% link _posts/name.md %}`: the imported post's new address;
 * - `{% include x.html … %}`: an image when it names one (url/src/image=…), else removed and reported;
 * - anything else (`{% if %}`, `{{ page.x }}`): removed and reported.
 *
 * Line numbers are kept: every replacement spans as many lines as what it replaces.
 */
import { Tokenizer, TypeGuards, type TagToken } from 'liquidjs';
import { converted, lineOf, needsHuman, type ImportNote } from './notes.ts';

export interface LiquidContext {
  /** The new address of an imported post by its Jekyll file name without extension ("2010-07-21-name"). */
  postUrl: (name: string) => string | undefined;
  /** Added to lines in notes: the line of the body's first line in the source file, less one. */
  lineOffset: number;
}

const IMAGE_EXTENSIONS = /\.(png|jpe?g|gif|webp|avif|svg)(\?.*)?$/i;

/** Blank lines as many as `text` spans, so what follows keeps its line. */
const sameLines = (text: string) => '\n'.repeat((text.match(/\n/g) ?? []).length);

/** Named arguments of an include: `url="/a.png" description='그림'` -> { url, description }. */
function includeArgs(args: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of args.matchAll(/([A-Za-z_][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))/g)) out[m[1]!] = m[2] ?? m[3] ?? m[4] ?? '';
  return out;
}

/** A site-relative path for the outputs that only name the old site's address; undefined for others. */
function translateOutput(expression: string): string | undefined {
  const text = expression.trim();
  if (/^site\.(baseurl|url)$/.test(text)) return '';
  // A quoted text, alone or through relative_url / absolute_url: `{{ "/a.png" }}`, `{{ '{#' }}`.
  const filtered = /^(["'])(.*)\1\s*(?:\|\s*(relative_url|absolute_url)\s*)?$/.exec(text);
  if (filtered) return filtered[2];
  const prefixed = /^site\.(baseurl|url)\s*\|\s*append\s*:\s*(["'])(.*)\2\s*$/.exec(text);
  if (prefixed) return prefixed[3];
  return undefined;
}

export function translateLiquid(body: string, context: LiquidContext): { text: string; notes: ImportNote[] } {
  const notes: ImportNote[] = [];
  const line = (offset: number) => lineOf(body, offset) + context.lineOffset;
  let tokens;
  try {
    tokens = new Tokenizer(body).readTopLevelTokens();
  } catch (error) {
    notes.push(needsHuman('Liquid 문법 오류', `Liquid 태그를 읽지 못해 본문을 그대로 두었습니다: ${(error as Error).message}`, context.lineOffset + 1));
    return { text: body, notes };
  }
  let out = '';
  /** Inside `{% comment %}`: everything is dropped until its end. */
  let inComment = false;
  for (const token of tokens) {
    const raw = body.slice(token.begin, token.end);
    if (inComment) {
      if (TypeGuards.isTagToken(token) && token.name === 'endcomment') inComment = false;
      out += sameLines(raw);
      continue;
    }
    if (TypeGuards.isOutputToken(token)) {
      const translated = translateOutput(token.content);
      if (translated !== undefined) {
        out += translated;
      } else {
        notes.push(needsHuman('Liquid 출력', `${raw.replace(/\s+/g, ' ')}을(를) 뺐습니다. 빌드된 옛 페이지에서 이 자리에 무엇이 나왔는지 보고 글로 바꿔 쓰세요.`, line(token.begin)));
        out += sameLines(raw);
      }
      continue;
    }
    if (!TypeGuards.isTagToken(token)) {
      out += raw;
      continue;
    }
    const tag: TagToken = token;
    const args = tag.args.trim();
    switch (tag.name) {
      case 'highlight': {
        const lang = args.split(/\s+/)[0] ?? '';
        // A fence must start its own line.
        out += `${out === '' || out.endsWith('\n') ? '' : '\n'}\`\`\`${lang}`;
        break;
      }
      case 'endhighlight':
        out += `${out.endsWith('\n') ? '' : '\n'}\`\`\``;
        break;
      case 'raw':
      case 'endraw':
        break;
      case 'comment':
        inComment = true;
        break;
      case 'post_url':
      case 'link': {
        const name = args.replace(/^_posts\//, '').replace(/\.(md|markdown|html)$/, '').split('/').at(-1) ?? '';
        const url = context.postUrl(name);
        if (url) {
          out += url;
          notes.push(converted('글 링크', `${raw}을(를) 새 주소 ${url}(으)로 바꿨습니다.`, line(tag.begin)));
        } else {
          notes.push(needsHuman('글 링크', `${raw}: 가져온 글 중에 ${name}이(가) 없습니다. 링크를 고치세요.`, line(tag.begin)));
        }
        break;
      }
      case 'include': {
        const named = includeArgs(args);
        const src = named.url ?? named.src ?? named.image ?? named.file ?? '';
        if (IMAGE_EXTENSIONS.test(src)) {
          const alt = (named.description ?? named.alt ?? named.caption ?? named.title ?? '').replace(/[[\]]/g, '');
          out += `![${alt}](${src.replace(/^\{\{\s*site\.(baseurl|url)\s*\}\}/, '')})`;
          notes.push(converted('include', `${raw.replace(/\s+/g, ' ')}을(를) 이미지로 바꿨습니다.`, line(tag.begin)));
        } else {
          notes.push(needsHuman('include', `${raw.replace(/\s+/g, ' ')}을(를) 뺐습니다. _includes/의 내용을 보고 필요하면 본문에 직접 쓰세요.`, line(tag.begin)));
        }
        break;
      }
      default:
        // The end of a block (`{% endif %}`, `{% else %}`) goes with its start, which has the note.
        if (/^(end\w+|else|elsif|when)$/.test(tag.name)) {
          out += sameLines(raw);
          break;
        }
        notes.push(needsHuman('Liquid 태그', `${raw.replace(/\s+/g, ' ')}을(를) 뺐습니다 (안의 글은 남겼습니다). 조건·반복이 있던 자리인지 확인하세요.`, line(tag.begin)));
        out += sameLines(raw);
    }
  }
  return { text: out, notes };
}
