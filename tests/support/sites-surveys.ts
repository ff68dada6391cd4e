/** A label that would end a <script> element and run code if any survey text were written unescaped. */
export const XSS = '</script><script>alert(1)</script>';

/** A survey (part of the blog fixture, tests/support/sites-blog.ts) whose every reader-visible text tries to break out of the page, with a small base (소표본). */
export const xssSurvey = {
  title: `주입 시험 조사 ${XSS}`,
  publisher: `발행처 ${XSS}`,
  year: 2011,
  sample: { n: 25, population: `대상 ${XSS}` },
  sources: [{ id: 'copy', title: `출처 ${XSS}`, url: 'https://example.com/a?b=1&c=2', provenance: 'secondhand' }],
  questions: [
    {
      id: 'q',
      text: `질문 ${XSS}`,
      type: 'single',
      base: 25,
      options: [
        { id: 'a', label: XSS },
        { id: 'b', label: '<img src=x onerror=alert(2)>' },
      ],
      results: { a: 60, b: 40 },
    },
    { id: 'n', text: '평균 계정 수', type: 'numeric', unit: '개', results: { mean: 3.5 } },
  ],
};

export const xssBenchmark = { survey: 'xss-survey', organization: `우리 회사 ${XSS}`, asOf: '2011-01-01', answers: { q: 'a', n: 2 }, notes: { q: `메모 ${XSS}` } };
