/**
 * Deterministic random strings for comparing a rewritten rule with its reference: `count` texts of
 * `length` pieces each, drawn from `pool` by a linear congruential generator started at `seed`, so
 * every run tests the same texts and a failure can be reproduced.
 */
export function randomTexts(pool: readonly string[], count: number, length: number, seed: number): string[] {
  const texts: string[] = [];
  let state = seed;
  for (let n = 0; n < count; n++) {
    let text = '';
    for (let i = 0; i < length; i++) {
      state = (state * 1103515245 + 12345) % 2147483648;
      text += pool[state % pool.length];
    }
    texts.push(text);
  }
  return texts;
}
