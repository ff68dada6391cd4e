/**
 * Real feed readers for the feed tests: Debian's python3-feedparser (what many aggregators are
 * built on; strict about XML well-formedness, reports problems as `bozo`) and the npm
 * rss-parser. Both read the built file as a subscriber would.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import Parser from 'rss-parser';

/** Debian's interpreter, where apt installs python3-feedparser (a pyenv python may not have it). */
import { PYTHON } from './prerequisites';

export interface FeedparserEntry {
  title: string;
  link: string;
  id: string;
  guidislink: boolean;
  published: string;
  published_iso: string | null;
  author: string | null;
  tags: string[];
  summary: string;
  content: string[];
  enclosures: { href: string; length: string; type: string }[];
  media_content: Record<string, string>[];
}

export interface FeedparserResult {
  bozo: number;
  bozo_exception: string | null;
  version: string;
  feed: { title: string; link: string; language: string | null; updated: string | null; self: string | null; subtitle: string };
  entries: FeedparserEntry[];
}

const SCRIPT = String.raw`
import json, sys, time, calendar
import feedparser
d = feedparser.parse(sys.argv[1])
def iso(t):
    return None if t is None else time.strftime('%Y-%m-%dT%H:%M:%SZ', t)
self_links = [l.get('href') for l in d.feed.get('links', []) if l.get('rel') == 'self']
out = {
  'bozo': int(bool(d.bozo)),
  'bozo_exception': str(d.get('bozo_exception')) if d.bozo else None,
  'version': d.version,
  'feed': {
    'title': d.feed.get('title'), 'link': d.feed.get('link'), 'language': d.feed.get('language'),
    'updated': d.feed.get('updated'), 'self': self_links[0] if self_links else None, 'subtitle': d.feed.get('subtitle'),
  },
  'entries': [{
    'title': e.get('title'), 'link': e.get('link'), 'id': e.get('id'), 'guidislink': bool(e.get('guidislink')),
    'published': e.get('published'), 'published_iso': iso(e.get('published_parsed')),
    'author': e.get('author'), 'tags': [t.get('term') for t in e.get('tags', [])],
    'summary': e.get('summary'), 'content': [c.get('value') for c in e.get('content', [])],
    'enclosures': [dict(href=x.get('href'), length=x.get('length'), type=x.get('type')) for x in e.get('enclosures', [])],
    'media_content': [dict(m) for m in e.get('media_content', [])],
  } for e in d.entries],
}
print(json.dumps(out, ensure_ascii=False))
`;

const parsed = new Map<string, FeedparserResult>();

/** Parses a feed file with python3-feedparser (once per file version; callers get a fresh copy). */
export function feedparser(file: string): FeedparserResult {
  const key = `${file}:${statSync(file).mtimeMs}`;
  if (!parsed.has(key)) parsed.set(key, runFeedparser(file));
  return structuredClone(parsed.get(key)!);
}

function runFeedparser(file: string): FeedparserResult {
  const result = spawnSync(PYTHON, ['-c', SCRIPT, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(
      `python3-feedparser failed (${PYTHON}): ${result.stderr}\n` +
        'Install it with `apt-get install -y python3-feedparser` (.ci/run does this).',
    );
  }
  return JSON.parse(result.stdout) as FeedparserResult;
}

export interface RssParserItem {
  title?: string;
  link?: string;
  guid?: string;
  pubDate?: string;
  isoDate?: string;
  creator?: string;
  categories?: string[];
  'content:encoded'?: string;
  enclosure?: { url: string; length?: string; type?: string };
  media?: { $: Record<string, string> };
}

const npmParser = new Parser<Record<string, unknown>, RssParserItem>({
  customFields: { item: [['media:content', 'media']] },
});

/** Parses feed XML with the npm rss-parser. */
export async function rssParser(xml: string) {
  return npmParser.parseString(xml);
}
