import { describe, expect, it } from 'vitest';
import { missingPrerequisites } from '../support/prerequisites';

describe('the machine check before npm test', () => {
  it('says what to install and how, one line per missing tool', () => {
    const [chromium, feedparser, java, ...rest] = missingPrerequisites('/no/such/chromium', '/no/such/python3', '/no/such/java');
    expect(chromium).toContain('Chromium이 없습니다 (/no/such/chromium)');
    expect(chromium).toContain('apt-get install chromium');
    expect(chromium).toContain('CHROMIUM_PATH');
    expect(feedparser).toContain('feedparser가 없습니다 (/no/such/python3)');
    expect(feedparser).toContain('pip install feedparser');
    expect(java).toContain('Java가 없습니다 (/no/such/java)');
    expect(java).toContain('apt-get install default-jre-headless');
    expect(java).toContain('JAVA_HOME');
    expect(rest).toEqual([]);
  });
  it('finds a Python without feedparser, not only a missing Python', () => {
    // Any executable passes for the browser here; `false` exits 1 like a Python whose import fails, `true` 0 like one that has it.
    expect(missingPrerequisites('/bin/sh', '/bin/false', '/bin/true')).toEqual([expect.stringContaining('feedparser가 없습니다')]);
    expect(missingPrerequisites('/bin/sh', '/bin/true', '/bin/true')).toEqual([]);
    // A java that does not run (a broken alternative, say) is as good as none.
    expect(missingPrerequisites('/bin/sh', '/bin/true', '/bin/false')).toEqual([expect.stringContaining('Java가 없습니다')]);
  });
});
