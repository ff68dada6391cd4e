/**
 * "혹시 …?": the known id a writer probably meant when the one written is unknown. Tried in order:
 * the same id in other capitals ("Kicom-2010"), a typo of a few letters (a swapped pair counts as
 * one), then an id written short or with something added ("two" -> "two-plus", "kicom-2010-final"
 * -> "kicom-2010"). Nothing is suggested when nothing is close: a wrong hint costs more than none.
 */

/** Damerau-Levenshtein distance (optimal string alignment): insert, delete, replace, or swap two neighbours. */
function distance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/** A part shorter than this says too little: "a" is the start of half the ids. */
const MIN_PART = 3;

/**
 * The candidate closest to `value`, or undefined when none is close. A value that is itself a
 * candidate gets no suggestion (there is nothing to correct). Ties go to the earlier candidate.
 */
export function nearest(value: string, candidates: readonly string[]): string | undefined {
  const lower = value.toLowerCase();
  const sameLetters = candidates.find((c) => c.toLowerCase() === lower);
  if (sameLetters !== undefined) return sameLetters === value ? undefined : sameLetters;

  // About one typo per four letters, and at least one; but a letter in common ("x" is no typo of "n").
  const limit = Math.max(1, Math.floor(value.length / 4));
  let best: { candidate: string; d: number } | undefined;
  for (const candidate of candidates) {
    const d = distance(lower, candidate.toLowerCase());
    if (d <= limit && d < Math.max(lower.length, candidate.length) && (best === undefined || d < best.d)) best = { candidate, d };
  }
  if (best) return best.candidate;

  const part = (c: string) => {
    const other = c.toLowerCase();
    return (lower.length >= MIN_PART && other.startsWith(lower)) || (other.length >= MIN_PART && lower.includes(other));
  };
  return candidates.find(part);
}
