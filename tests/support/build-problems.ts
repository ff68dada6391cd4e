/**
 * Reading a failed build's report: the writer checks print one block per problem,
 * "오류 <file>:<line>[:<column>] · <field>" followed by indented lines (문제, 기대, 고치는 법).
 */
import { expect } from 'vitest';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The block of the error `field` in a file whose path ends with `file`; fails the test when there is none. */
export function problemBlock(output: string, file: string, field: string): string {
  const lines = output.split('\n');
  const header = new RegExp(`^오류 \\S*${escape(file)}:\\d+(:\\d+)? · ${escape(field)}$`);
  const start = lines.findIndex((l) => header.test(l));
  expect(start, `no error block for ${file} · ${field} in:\n${output.slice(-3000)}`).toBeGreaterThanOrEqual(0);
  const block = [lines[start]!];
  for (const line of lines.slice(start + 1)) {
    if (!/^\s+\S/.test(line)) break;
    block.push(line);
  }
  return block.join('\n');
}
