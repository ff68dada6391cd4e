/**
 * Hugo shortcodes in a post's Markdown: `{{< name args >}}`, `{{% name args %}}` and their closing
 * `{{< /name >}}`. `figure` becomes an image, `highlight` a fenced code block, `ref`/`relref` the
 * imported post's new address; anything else (youtube, tweet, gist, a theme's own) is removed with a
 * note, the text between a pair kept. Line numbers are kept, as in ./liquid.ts.
 */
import { converted, lineOf, needsHuman, type ImportNote } from './notes.ts';

const SHORTCODE = /\{\{([<%])\s*(\/?)\s*([\w-]+)([\s\S]*?)\s*[>%]\}\}/g;

/** Positional and named arguments: `src="a.png" alt='그림' go` -> { src, alt, 0: 'go' }. */
function shortcodeArgs(args: string): Record<string, string> {
  const out: Record<string, string> = {};
  let position = 0;
  for (const m of args.matchAll(/(?:([A-Za-z_][\w-]*)\s*=\s*)?(?:"([^"]*)"|`([^`]*)`|'([^']*)'|([^\s"'`]+))/g)) {
    const value = m[2] ?? m[3] ?? m[4] ?? m[5] ?? '';
    if (m[1]) out[m[1]] = value;
    else out[String(position++)] = value;
  }
  return out;
}

export function translateShortcodes(body: string, context: { postUrl: (name: string) => string | undefined; lineOffset: number }): { text: string; notes: ImportNote[] } {
  const notes: ImportNote[] = [];
  const text = body.replace(SHORTCODE, (raw: string, _kind: string, closing: string, name: string, rawArgs: string, offset: number) => {
    const line = lineOf(body, offset) + context.lineOffset;
    const args = shortcodeArgs(rawArgs);
    const keep = '\n'.repeat((raw.match(/\n/g) ?? []).length);
    if (name === 'highlight') return closing ? '```' : `\`\`\`${args['0'] ?? ''}`;
    if (closing) return keep;
    if (name === 'figure' || name === 'img' || name === 'image') {
      const src = args.src ?? args['0'] ?? '';
      if (src) {
        notes.push(converted('shortcode', `${raw.replace(/\s+/g, ' ')}을(를) 이미지로 바꿨습니다.`, line));
        return `![${(args.alt ?? args.caption ?? args.title ?? '').replace(/[[\]]/g, '')}](${src})`;
      }
    }
    if (name === 'ref' || name === 'relref') {
      const target = (args['0'] ?? '').split('/').at(-1)?.replace(/\.md$/, '').replace(/#.*$/, '') ?? '';
      const url = context.postUrl(target);
      if (url) {
        notes.push(converted('글 링크', `${raw}을(를) 새 주소 ${url}(으)로 바꿨습니다.`, line));
        return url;
      }
    }
    notes.push(needsHuman('shortcode', `Hugo shortcode ${raw.replace(/\s+/g, ' ')}을(를) 뺐습니다. 필요하면 링크나 이미지로 바꿔 쓰세요.`, line));
    return keep;
  });
  return { text, notes };
}
