import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { CheerioAPI } from 'cheerio';
import { builtFiles, fileForUrl, htmlPages, page } from '../support/html';
import { getBuild, readBuilt } from '../support/sites';
import { XSS, xssSurvey } from '../support/sites-surveys';
import { BLOG, BLOG_NOW, blogContentDir, COMPARISON_CHARTS } from '../support/sites-blog';
import { publishedPosts, readJsonDir } from '../support/source';

const site = BLOG;

/** The fixture's surveys and benchmarks as written, read straight from its content folder. */
const surveys = readJsonDir(blogContentDir, 'surveys');
const benchmarks = readJsonDir(blogContentDir, 'benchmarks');
const benchmarkOf = (id: string) => benchmarks.find((b) => b.data.survey === id)?.data;

/** "200명", "약 1,900곳", "34,000곳 이상": the sample as the pages count it, in the survey's unit. */
const count = (data: any) => {
  const n = `${data.sample.n.toLocaleString('ko-KR')}${data.sample.unit ?? '곳'}`;
  return data.sample.nPrecision === 'about' ? `약 ${n}` : data.sample.nPrecision === 'at-least' ? `${n} 이상` : n;
};

/** "31.0%" / "4.2개" / "1,234" -> 31 / 4.2 / 1234 */
const num = (text: string) => Number(text.replace(/[^\d.-]/g, ''));
const text = ($: CheerioAPI, el: Parameters<CheerioAPI>[0]) => $(el).text().replace(/\s+/g, ' ').trim();

describe('the fixture surveys', () => {
  it('cover every question type, partial results, every provenance, notes and an unanswered question', () => {
    const questions = surveys.flatMap((s) => s.data.questions);
    // What a source can say: an observation, people and companies, an approximate sample and figure, a named and an unnamed remainder, an unreported base.
    expect(surveys.some((s) => s.data.method === 'observation')).toBe(true);
    expect(new Set(surveys.map((s) => s.data.sample.unit ?? '곳'))).toEqual(new Set(['곳', '명']));
    expect(surveys.some((s) => s.data.sample.nPrecision === 'about')).toBe(true);
    expect(questions.some((q: any) => q.remainder) && questions.some((q: any) => q.partial && !q.remainder)).toBe(true);
    expect(questions.some((q: any) => q.approximate) && questions.some((q: any) => q.base === undefined)).toBe(true);
    expect(new Set(questions.map((q: any) => q.type))).toEqual(new Set(['single', 'multi', 'numeric']));
    expect(questions.some((q: any) => q.partial)).toBe(true);
    expect(new Set(surveys.flatMap((s) => s.data.sources.map((src: any) => src.provenance)))).toEqual(new Set(['read', 'press', 'secondhand']));
    expect(benchmarks.some((b) => b.data.notes)).toBe(true);
    expect(surveys.some((s) => s.data.questions.some((q: any) => benchmarkOf(s.id) && benchmarkOf(s.id).answers[q.id] === undefined))).toBe(true);
  });
});

describe('/surveys/', () => {
  it('lists every survey with title, publisher, year, n and its questions', () => {
    const $ = page(site, '/surveys/');
    expect($('[data-survey]').length).toBe(surveys.length);
    for (const { id, data } of surveys) {
      const item = $(`[data-survey="${id}"]`);
      const t = text($, item);
      expect(item.find(`a[href="/surveys/${id}/"]`).text()).toBe(data.title);
      expect(t).toContain(data.publisher);
      expect(t).toContain(`${data.year}년`);
      expect(t).toContain(count(data));
      expect(t).toContain(`${data.questions.length}개`);
      for (const q of data.questions) expect(t).toContain(q.text);
    }
  });
});

describe.each(surveys)('/surveys/$id/', ({ id, data }) => {
  let $: CheerioAPI;
  beforeAll(() => {
    $ = page(site, `/surveys/${id}/`);
  });
  const benchmark = benchmarkOf(id);

  it('shows title, publisher, population, n and every source with its provenance', () => {
    const main = text($, 'main');
    expect($('h1').text()).toBe(data.title);
    for (const fact of [data.publisher, data.sample.population, count(data)]) expect(main).toContain(fact);
    expect(main).toContain(data.method === 'observation' ? '관찰 대상 수' : '응답 수');
    expect(main.includes('응답 기준')).toBe(data.method !== 'observation' && data.questions.some((q: any) => q.base !== undefined));
    const labels = { read: '원문 확인', press: '언론 보도 인용', secondhand: '재인용' } as Record<string, string>;
    for (const s of data.sources) {
      const link = $(`.sources a[href="${s.url}"]`);
      expect(link.text()).toBe(s.title);
      expect(text($, link.parent())).toContain(labels[s.provenance]);
    }
  });

  it('has a real table per question whose numbers equal the JSON, the company answer marked', () => {
    expect($('figure[data-question]').length).toBe(data.questions.length);
    for (const q of data.questions) {
      const figure = $(`figure[data-question="${q.id}"]`);
      expect(text($, figure.find('figcaption'))).toContain(q.text);
      const rows = figure.find('table tbody tr').toArray();
      const answer = benchmark?.answers[q.id];
      if (q.type === 'numeric') {
        const cells = rows.map((r) => [text($, $(r).find('th')), num(text($, $(r).find('td').first()))]);
        expect(cells[0]).toEqual(['조사 평균', q.results.mean]);
        if (answer !== undefined) expect(cells.at(-1)).toEqual([benchmark.organization, answer]);
        continue;
      }
      const shown = Object.fromEntries(
        rows.filter((r) => $(r).attr('data-option')).map((r) => [$(r).attr('data-option'), text($, $(r).find('td').first())]),
      );
      for (const o of q.options) {
        const share = q.results[o.id];
        expect(shown[o.id], `${q.id}.${o.id}`).toEqual(share === undefined ? '보고되지 않음' : expect.stringMatching(/%$/));
        if (share !== undefined) expect(num(shown[o.id]!)).toBe(share);
      }
      const chosen = rows.filter((r) => text($, $(r).find('td.answer')).includes(`${benchmark?.organization}의 답`)).map((r) => $(r).attr('data-option'));
      expect(chosen).toEqual(answer === undefined ? [] : [answer].flat());
      for (const o of q.approximate ?? []) expect(shown[o]).toMatch(/^약 /);
      const sum = Object.values(q.results as Record<string, number>).reduce((a, b) => a + b, 0);
      // The rest of a partial single question: the answer the source names, or "not reported", never an answer; computed either way.
      const remainder = rows.find((r) => ['complement', 'remainder'].includes($(r).attr('data-kind')!));
      if (q.type === 'single' && (q.partial || q.remainder)) {
        expect(num(text($, $(remainder).find('td').first()))).toBeCloseTo(100 - sum, 5);
        expect(text($, $(remainder).find('th'))).toBe(`${q.remainder?.label ?? '보고되지 않은 나머지'} 100%에서 보고된 비율을 뺀 계산값`);
        expect($(remainder).attr('data-kind')).toBe(q.remainder ? 'complement' : 'remainder');
        if (!q.remainder) expect($(remainder).hasClass('chosen')).toBe(false);
      } else expect(remainder).toBeUndefined();
      expect(text($, figure)).not.toContain('미응답');
      // An observation asked no one: nothing on its figures speaks of answers or respondents.
      if (data.method === 'observation') expect(text($, figure.find('figcaption, caption, thead, .notes')).replace(/의 답/g, '')).not.toMatch(/응답/);
      const meta = text($, figure.find('.question-meta'));
      expect(meta).toContain(
        q.base === undefined
          ? '기준 수 보고되지 않음'
          : // The whole sample keeps the source's precision ("약 100곳").
            `${data.method === 'observation' ? '관찰' : '응답'} 기준 ${q.base === data.sample.n ? count(data) : `${q.base.toLocaleString('ko-KR')}${data.sample.unit ?? '곳'}`}`,
      );
      // A secondhand figure with no reported base may rest on few answers.
      const secondhand = data.sources.filter((s: any) => !q.sources || q.sources.includes(s.id)).every((s: any) => s.provenance === 'secondhand');
      expect(meta.includes('소표본일 수 있음')).toBe(q.base === undefined && secondhand);
      const notes = text($, figure);
      expect(notes).toContain('반올림');
      if (q.type === 'multi') expect(meta).toContain(data.method === 'observation' ? '복수 집계' : '복수 응답');
      if (benchmark) {
        // The day the organisation's answers describe, beside the survey's own year.
        const [y, m, d] = benchmark.asOf.split('-').map(Number);
        expect(text($, figure.find('.answer-note'))).toContain(`${y}. ${m}. ${d}. 기준`);
      }
      if (benchmark?.notes?.[q.id]) expect(text($, figure.find('.answer-note'))).toContain(benchmark.notes[q.id]);
    }
  });

  it('draws from the same numbers: chart JSON and the canvas label match the table', () => {
    for (const figure of $('figure[data-question]').toArray()) {
      const canvas = $(figure).find('canvas');
      expect(canvas.attr('role')).toBe('img');
      const spec = JSON.parse($(figure).find('script[type="application/json"]').text());
      const tableValues = $(figure)
        .find('tbody td.num')
        .toArray()
        .map((td) => $(td).text())
        .filter((t) => t !== '보고되지 않음')
        .map(num);
      expect(spec.values).toEqual(tableValues);
      for (const cell of $(figure).find('tbody td.num').toArray()) {
        if ($(cell).text() !== '보고되지 않음') expect(canvas.attr('aria-label')).toContain($(cell).text());
      }
    }
  });

  it('labels press and secondhand figures on the question', () => {
    const best = (q: any) => {
      const cited = data.sources.filter((s: any) => !q.sources || q.sources.includes(s.id)).map((s: any) => s.provenance);
      return cited.includes('read') ? 'read' : cited.includes('press') ? 'press' : 'secondhand';
    };
    for (const q of data.questions) {
      const meta = text($, $(`figure[data-question="${q.id}"] .question-meta`));
      const expected = { read: undefined, press: '언론 보도로 전해진 수치', secondhand: '재인용한 수치' }[best(q) as 'read'];
      if (expected) expect(meta).toContain(expected);
      else expect(meta).not.toMatch(/보도로 전해진|재인용/);
    }
  });

  it('links data.csv (BOM, RFC 4180, parses with csv-parse, same numbers) and data.json', () => {
    expect($(`a[href="/surveys/${id}/data.csv"]`).length).toBe(1);
    expect($(`a[href="/surveys/${id}/data.json"]`).length).toBe(1);
    const csv = readBuilt(site, `surveys/${id}/data.csv`);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFsurvey,question_id,question,option_id,option,share_pct,approximate,figure,base,base_unit,company_answer,provenance,source_url',
    );
    const rows = parse(csv, { bom: true, columns: true, strict: true } as never) as Record<string, string>[];
    for (const q of data.questions) {
      const cited = data.sources.filter((s: any) => !q.sources || q.sources.includes(s.id));
      const provenance = ['read', 'press', 'secondhand'].find((p) => cited.some((s: any) => s.provenance === p));
      for (const row of rows.filter((r) => r.question_id === q.id)) {
        expect(row.survey).toBe(id);
        expect(row.question).toBe(q.text);
        // A figure keeps its provenance, its sources and the sample's unit once downloaded.
        expect(row.provenance).toBe(provenance);
        expect(row.source_url!.split(' ').sort()).toEqual([...new Set(cited.map((s: any) => s.url))].sort());
        expect(row.base_unit).toBe(data.sample.unit ?? '곳');
        if (row.figure === 'computed') {
          expect(row.option_id).toBe(q.remainder.id);
          const reported = Object.values(q.results as Record<string, number>).reduce((a, b) => a + b, 0);
          expect(Math.abs(Number(row.share_pct) - (100 - reported))).toBeLessThan(0.5);
        } else {
          expect(row.figure).toBe('reported');
          expect(row.share_pct === '' ? undefined : Number(row.share_pct)).toBe(q.results[row.option_id!]);
        }
      }
    }
    const remainders = data.questions.filter((q: any) => q.type === 'single' && q.remainder).length;
    expect(rows.length).toBe(data.questions.reduce((n: number, q: any) => n + (q.type === 'numeric' ? Object.keys(q.results).length : q.options.length), 0) + remainders);
    const body = JSON.parse(readBuilt(site, `surveys/${id}/data.json`));
    expect(body.survey).toEqual(data);
    expect(body.benchmark?.answers ?? null).toEqual(benchmark?.answers ?? null);
    expect(body.rows.map((r: any) => [r.question_id, r.option_id, r.share_pct, r.provenance])).toEqual(
      rows.map((r) => [r.question_id, r.option_id, r.share_pct === '' ? null : Number(r.share_pct), r.provenance]),
    );
  });
});

describe('articles and surveys', () => {
  const articles = publishedPosts(blogContentDir, BLOG_NOW).map((p) => ({ slug: p.slug, survey: p.data.survey as string | undefined, text: p.body }));
  const citing = articles.filter((a) => a.survey || /<Survey(Chart|Comparison) /.test(a.text));

  it('each survey page lists the articles that name it in `survey` or embed its charts', () => {
    expect(citing.length).toBeGreaterThan(0);
    let links = 0;
    for (const { id } of surveys) {
      const $ = page(site, `/surveys/${id}/`);
      const linked = $('#citing ~ ul a')
        .toArray()
        .map((a) => $(a).attr('href'));
      const expected = citing
        .filter((a) => a.survey === id || a.text.includes(`survey="${id}"`))
        .map((a) => `/posts/${a.slug}/`);
      expect(linked.sort(), id).toEqual(expected.sort());
      links += linked.length;
    }
    // Surveys cited by an article's `survey` field alone, and by its charts alone.
    const pairs = citing.flatMap((a) => surveys.map(({ id }) => ({ field: a.survey === id, chart: a.text.includes(`survey="${id}"`) })));
    expect(pairs.some((p) => p.field && !p.chart)).toBe(true);
    expect(pairs.some((p) => !p.field && p.chart)).toBe(true);
    expect(links).toBeGreaterThanOrEqual(4);
  });

  it('the comparison article renders every SurveyChart and the SurveyComparison table', () => {
    const article = articles.find((a) => a.slug === 'survey-comparison')!;
    const $ = page(site, `/posts/${article.slug}/`);
    const charts = [...article.text.matchAll(/<SurveyChart survey="([^"]+)" question="([^"]+)"/g)].map((m) => `${m[1]}/${m[2]}`);
    expect(charts).toEqual(COMPARISON_CHARTS);
    expect($('figure[data-question]').toArray().map((f) => `${$(f).attr('data-survey')}/${$(f).attr('data-question')}`)).toEqual(charts);
    const comparison = $('.survey-comparison');
    expect(comparison.find('tbody tr').length).toBe(surveys.find((s) => s.id === comparison.attr('data-survey'))!.data.questions.length);
  });
});

describe('chart JavaScript only where there are charts', () => {
  it('pages with a chart load the one chart module; no other page does, and home and chartless posts load no script at all', () => {
    const modules = new Set<string>();
    let withCharts = 0;
    let chartless = 0;
    const chartModule = page(site, `/surveys/${surveys[0]!.id}/`)('script[src]').attr('src');
    expect(chartModule).toBeDefined();
    for (const path of htmlPages(site)) {
      const $ = page(site, path);
      const scripts = $('script[src]').toArray().map((s) => $(s).attr('src')!);
      if ($('canvas[data-chart]').length > 0) {
        withCharts++;
        expect(scripts, path).toHaveLength(1);
        modules.add(scripts[0]!);
      } else {
        expect(scripts, path).not.toContain(chartModule);
        if (path === '/' || path.startsWith('/posts/')) {
          chartless++;
          expect(scripts, path).toEqual([]);
        }
      }
    }
    expect(withCharts).toBeGreaterThan(surveys.length);
    expect(chartless).toBeGreaterThan(5);
    expect(modules).toEqual(new Set([chartModule]));
  });

  it('registers only the bar chart parts of Chart.js (no chart.js/auto) and loads them lazily', () => {
    const js = builtFiles(site).filter((f) => f.endsWith('.js'));
    const entry = page(site, `/surveys/${surveys[0]!.id}/`)('script[src]').attr('src')!;
    const entryText = readFileSync(fileForUrl(site, entry)!, 'utf8');
    // The entry is the small bootstrap; Chart.js itself is a separate chunk fetched by import().
    expect(entryText.length).toBeLessThan(10_000);
    const chunk = js.find((f) => /chart\.[\w-]+\.js$/.test(f) && f !== entry.slice(1));
    expect(chunk).toBeDefined();
    const chunkText = readFileSync(join(getBuild(site).outDir, chunk!), 'utf8');
    for (const unused of ['doughnut', 'polarArea', 'radar', 'legend']) expect(chunkText).not.toContain(unused);
  });
});

describe('hostile survey text (blog fixture, xss-survey)', () => {
  const fixture = BLOG;

  it('builds', () => {
    expect(getBuild(fixture).ok, getBuild(fixture).output).toBe(true);
  });

  it('never writes a survey text as markup', () => {
    for (const path of ['/surveys/xss-survey/', '/posts/with-chart/', '/surveys/']) {
      const $ = page(fixture, path);
      expect($('img[src="x"]').length, path).toBe(0);
      // Only chart data (JSON), JSON-LD and the chart module file: no script element came from survey text.
      for (const s of $('script').toArray()) {
        const type = $(s).attr('type');
        expect(['application/json', 'application/ld+json', 'module'], path).toContain(type);
        if (type === 'module') expect($(s).attr('src')).toBeDefined();
        else expect(() => JSON.parse($(s).text())).not.toThrow();
      }
    }
  });

  it('keeps the text intact in the table, the aria-label and the chart JSON', () => {
    const $ = page(fixture, '/surveys/xss-survey/');
    expect($('h1').text()).toBe(xssSurvey.title);
    const figure = $('figure[data-question="q"]');
    expect(figure.find('tbody th').first().text()).toBe(XSS);
    expect(figure.find('canvas').attr('aria-label')).toContain(XSS);
    expect(JSON.parse(figure.find('script[type="application/json"]').text()).labels[0]).toBe(`${XSS} ◀ 우리 회사 ${XSS}`);
  });

  it('marks a base under 30 as 소표본, and the post without a chart ships no JavaScript', () => {
    const $ = page(fixture, '/surveys/xss-survey/');
    expect(text($, $('figure[data-question="q"] .question-meta'))).toContain('소표본');
    // The build warns, naming the file, the line and the question, and goes on.
    expect(getBuild(fixture).output).toMatch(/^경고 \S*xss-survey\.json:\d+ · questions\[0\]\.base\n[^\n]*기준 25곳[^\n]*소표본/m);
    expect(page(fixture, '/posts/without-chart/')('script[src]').length).toBe(0);
    expect(page(fixture, '/posts/with-chart/')('script[src]').length).toBe(1);
  });
});
