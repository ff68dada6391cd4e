/**
 * What each page of a built site makes a reader download: its HTML, its JavaScript (every module
 * it loads, and every module those import, lazily or not), its CSS and the web fonts its CSS
 * declares. Sizes are gzip sizes, as a server sends them, except fonts (already compressed).
 * The limits and the report are in ./rules.ts; `npm run budget` (scripts/budget.ts) runs both.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Parser } from 'htmlparser2';
import { init as initModuleLexer, parse as parseModule } from 'es-module-lexer';
import { parse as parseCss, walk as walkCss } from 'css-tree';

export interface Asset {
  /** Site path ("/_astro/charts.js") or "(inline)" for code inside the page. */
  url: string;
  bytes: number;
}

export interface PageWeight {
  /** Site path of the page ("/posts/a/"). */
  path: string;
  htmlGzip: number;
  /** JavaScript the page loads, imports followed (gzip). JSON data in <script> is not JavaScript. */
  scripts: Asset[];
  /** Stylesheets and <style> elements (gzip). */
  styles: Asset[];
  /** Font files named by the @font-face rules of its CSS and by font preloads (bytes as stored). */
  fonts: Asset[];
  /** The page draws survey charts (canvas[data-chart]). */
  hasCharts: boolean;
  /** The page is the search page ([data-search]). */
  hasSearch: boolean;
}

const DATA_SCRIPT_TYPES = new Set(['application/ld+json', 'application/json', 'importmap', 'speculationrules']);

interface HtmlRefs {
  scripts: string[];
  inlineScripts: string[];
  styles: string[];
  inlineStyles: string[];
  fontPreloads: string[];
  hasCharts: boolean;
  hasSearch: boolean;
}

/** The script, stylesheet and font references of one HTML page. */
export function pageRefs(html: string): HtmlRefs {
  const refs: HtmlRefs = { scripts: [], inlineScripts: [], styles: [], inlineStyles: [], fontPreloads: [], hasCharts: false, hasSearch: false };
  let inScript: boolean | undefined;
  let inStyle = false;
  let text = '';
  const parser = new Parser(
    {
      onopentag(tag, a) {
        if ('data-search' in a) refs.hasSearch = true;
        if (tag === 'canvas' && 'data-chart' in a) refs.hasCharts = true;
        if (tag === 'script') {
          const isCode = !DATA_SCRIPT_TYPES.has((a.type ?? '').trim().toLowerCase());
          if (a.src !== undefined) {
            if (isCode) refs.scripts.push(a.src);
            inScript = undefined;
          } else inScript = isCode;
          text = '';
        } else if (tag === 'style') {
          inStyle = true;
          text = '';
        } else if (tag === 'link' && a.href) {
          const rel = (a.rel ?? '').toLowerCase().split(/\s+/);
          if (rel.includes('stylesheet')) refs.styles.push(a.href);
          if (rel.includes('modulepreload')) refs.scripts.push(a.href);
          if (rel.includes('preload') && a.as === 'font') refs.fontPreloads.push(a.href);
          if (rel.includes('preload') && a.as === 'script') refs.scripts.push(a.href);
        }
      },
      ontext(chunk) {
        if (inScript !== undefined || inStyle) text += chunk;
      },
      onclosetag(tag) {
        if (tag === 'script') {
          if (inScript && text.trim()) refs.inlineScripts.push(text);
          inScript = undefined;
        } else if (tag === 'style') {
          if (text.trim()) refs.inlineStyles.push(text);
          inStyle = false;
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return refs;
}

/** Module specifiers a JavaScript file imports, statically or with import(), as written. */
export function moduleImports(source: string): string[] {
  try {
    const [imports] = parseModule(source);
    return imports.map((i) => i.n).filter((n): n is string => typeof n === 'string');
  } catch {
    // A classic script (not a module) that the lexer cannot read imports nothing.
    return [];
  }
}

/** URLs of the font files each @font-face of a stylesheet names first (the one a browser would fetch). */
export function fontFaceUrls(css: string): string[] {
  const urls: string[] = [];
  const ast = parseCss(css, { parseValue: true, onParseError: () => undefined });
  walkCss(ast, {
    visit: 'Atrule',
    enter(node) {
      if (node.name.toLowerCase() !== 'font-face' || !node.block) return;
      let first: string | undefined;
      walkCss(node.block, {
        visit: 'Declaration',
        enter(decl) {
          if (decl.property.toLowerCase() !== 'src' || first !== undefined) return;
          walkCss(decl.value, {
            visit: 'Url',
            enter(url) {
              first ??= url.value;
            },
          });
        },
      });
      if (first !== undefined) urls.push(first);
    },
  });
  return urls;
}

/** "/posts/a/index.html" -> "/posts/a/". */
function pagePathOf(file: string): string {
  return file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}

function htmlFilesUnder(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(dir, prefix))) {
    const rel = `${prefix}/${name}`;
    if (statSync(join(dir, rel)).isDirectory()) {
      if (prefix === '' && name.startsWith('.')) continue;
      out.push(...htmlFilesUnder(dir, rel));
    } else if (name.endsWith('.html')) out.push(rel);
  }
  return out;
}

/** Measures every HTML page of a built site. Each asset is read and compressed once. */
export async function measureSite(dir: string, siteUrl?: string): Promise<PageWeight[]> {
  await initModuleLexer;
  const origin = siteUrl ? new URL(siteUrl).origin : undefined;
  const gzipBytes = (text: string | Buffer) => gzipSync(text, { level: 9 }).byteLength;
  /** A site path for a reference on `page`, or undefined for another site's address. */
  const local = (ref: string, base: string): string | undefined => {
    try {
      const url = new URL(ref, `http://site.invalid${base}`);
      if (url.origin !== 'http://site.invalid' && url.origin !== origin) return undefined;
      return decodeURIComponent(url.pathname);
    } catch {
      return undefined;
    }
  };
  const fileOf = (path: string) => {
    const file = join(dir, path);
    return existsSync(file) && statSync(file).isFile() ? file : undefined;
  };
  const gzipOf = new Map<string, number>();
  const assetGzip = (path: string): number => {
    let bytes = gzipOf.get(path);
    if (bytes === undefined) {
      const file = fileOf(path);
      bytes = file ? gzipBytes(readFileSync(file)) : 0;
      gzipOf.set(path, bytes);
    }
    return bytes;
  };
  const importsOf = new Map<string, string[]>();
  const moduleClosure = (entry: string): string[] => {
    const seen = new Set<string>();
    const stack = [entry];
    while (stack.length) {
      const path = stack.pop()!;
      if (seen.has(path)) continue;
      seen.add(path);
      let imports = importsOf.get(path);
      if (!imports) {
        const file = fileOf(path);
        imports = file
          ? moduleImports(readFileSync(file, 'utf8'))
              .map((spec) => (spec.startsWith('.') || spec.startsWith('/') ? local(spec, path) : undefined))
              .filter((p): p is string => p !== undefined)
          : [];
        importsOf.set(path, imports);
      }
      stack.push(...imports);
    }
    return [...seen];
  };
  const fontsOf = new Map<string, string[]>();
  const fontsIn = (cssPath: string | undefined, css: string): string[] => {
    const key = cssPath ?? css;
    let fonts = fontsOf.get(key);
    if (!fonts) {
      fonts = fontFaceUrls(css)
        .map((u) => local(u, cssPath ?? '/'))
        .filter((p): p is string => p !== undefined);
      fontsOf.set(key, fonts);
    }
    return fonts;
  };
  const sizeOf = (path: string) => {
    const file = fileOf(path);
    return file ? statSync(file).size : 0;
  };

  const pages: PageWeight[] = [];
  for (const file of htmlFilesUnder(dir).sort()) {
    const path = pagePathOf(file);
    const html = readFileSync(join(dir, file), 'utf8');
    const refs = pageRefs(html);
    const scriptPaths = new Set<string>();
    for (const ref of refs.scripts) {
      const p = local(ref, path);
      if (p) for (const m of moduleClosure(p)) scriptPaths.add(m);
    }
    const scripts: Asset[] = [...scriptPaths].map((url) => ({ url, bytes: assetGzip(url) }));
    for (const code of refs.inlineScripts) scripts.push({ url: '(inline)', bytes: gzipBytes(code) });
    const styles: Asset[] = [];
    const fontPaths = new Set<string>();
    for (const ref of refs.styles) {
      const p = local(ref, path);
      if (!p) continue;
      styles.push({ url: p, bytes: assetGzip(p) });
      const file = fileOf(p);
      if (file) for (const f of fontsIn(p, readFileSync(file, 'utf8'))) fontPaths.add(f);
    }
    for (const css of refs.inlineStyles) {
      styles.push({ url: '(inline)', bytes: gzipBytes(css) });
      for (const f of fontsIn(undefined, css)) fontPaths.add(f);
    }
    for (const ref of refs.fontPreloads) {
      const p = local(ref, path);
      if (p) fontPaths.add(p);
    }
    pages.push({
      path,
      htmlGzip: gzipBytes(html),
      scripts,
      styles,
      fonts: [...fontPaths].map((url) => ({ url, bytes: sizeOf(url) })),
      hasCharts: refs.hasCharts,
      hasSearch: refs.hasSearch,
    });
  }
  return pages;
}
