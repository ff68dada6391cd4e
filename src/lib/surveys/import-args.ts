/**
 * Command-line options of `npm run survey:import`: the survey's description, which the CSV does not
 * carry, given as flags so nobody writes JSON by hand. Pure: parsing and its inverse
 * (`importArgsFor`, used by the round-trip test and to print the command for an existing survey).
 */
import { parseArgs } from 'node:util';
import type { QuestionMeta, SurveyMeta } from './csv.ts';
import { PROVENANCES, type Provenance, type Survey, type SurveySource } from './types.ts';
import { ID_PATTERN as ID } from './validate.ts';

export const IMPORT_USAGE = `Usage: npm run survey:import -- <file.csv> --id <survey-id> --title <title> --publisher <publisher>
         --year <year> --n <respondents> --population <who was asked> --source "<provenance>|<url>|<title>[|<id>[|<note>]]"
         [--fieldwork <start>..<end>] [--note <text>] [--multi <q1,q2>] [--partial <q1,q2>]
         [--numeric <question>=<unit>] [--cite <question>=<source-id,...>] [--force] [--dry-run]

  The CSV has one row per question and option, with the columns of /surveys/<id>/data.csv:
    survey,question_id,question,option_id,option,share_pct,base,company_answer
  provenance is read (the publisher's own text), press (news coverage) or secondhand (a third party's summary);
  write a "|" inside a title or note as "\\|".
  Questions are single-choice unless listed in --multi or --numeric; --partial marks questions of which only
  some answers were reported. --numeric and --cite can be repeated. The survey is written to
  content/surveys/<id>.json (CONTENT_DIR honoured); an existing file is only replaced with --force.`;

export interface ImportOptions {
  csv: string;
  id: string;
  meta: SurveyMeta;
  force: boolean;
  dryRun: boolean;
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Splits a --source value at "|"; a "|" inside a title or note is written "\\|". */
function splitSource(text: string): string[] {
  return text.split(/(?<!\\)\|/).map((part) => part.replace(/\\\|/g, '|').trim());
}

const escapeBar = (text: string) => text.replace(/\|/g, '\\|');

/** "staff=명" -> ["staff", "명"] */
function pair(value: string): [string, string] | undefined {
  const at = value.indexOf('=');
  if (at <= 0) return undefined;
  return [value.slice(0, at).trim(), value.slice(at + 1).trim()];
}

export function parseImportArgs(argv: string[]): { options?: ImportOptions; errors: string[] } {
  const errors: string[] = [];
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        id: { type: 'string' },
        title: { type: 'string' },
        publisher: { type: 'string' },
        year: { type: 'string' },
        n: { type: 'string' },
        population: { type: 'string' },
        fieldwork: { type: 'string' },
        note: { type: 'string' },
        source: { type: 'string', multiple: true },
        multi: { type: 'string', multiple: true },
        partial: { type: 'string', multiple: true },
        numeric: { type: 'string', multiple: true },
        cite: { type: 'string', multiple: true },
        force: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return { errors: [(error as Error).message] };
  }
  const v = parsed.values;
  if (v.help) return { errors: [] };
  const [csv, ...extra] = parsed.positionals;
  if (!csv) errors.push('missing the CSV file to import (first argument)');
  if (extra.length > 0) errors.push(`unexpected arguments: ${extra.join(' ')} (quote values that contain spaces)`);
  if (!v.id || !ID.test(v.id)) errors.push(`--id ${JSON.stringify(v.id ?? '')}: expected the survey id, lowercase letters, digits and "-" (e.g. kicom-2010)`);
  for (const name of ['title', 'publisher', 'population'] as const) {
    if (!v[name]?.trim()) errors.push(`--${name}: missing; expected text`);
  }
  const year = Number(v.year);
  if (!v.year || !Number.isInteger(year)) errors.push(`--year ${JSON.stringify(v.year ?? '')}: expected the year of publication, e.g. 2010`);
  const n = Number(v.n);
  if (!v.n || !Number.isInteger(n) || n <= 0) errors.push(`--n ${JSON.stringify(v.n ?? '')}: expected the number of respondents`);

  let fieldwork: SurveyMeta['fieldwork'];
  if (v.fieldwork !== undefined) {
    const [start, end, ...rest] = v.fieldwork.split('..');
    if (!start || !end || rest.length > 0) errors.push(`--fieldwork ${JSON.stringify(v.fieldwork)}: expected <start>..<end>, e.g. 2010-03-01..2010-04-12`);
    else fieldwork = { start: start.trim(), end: end.trim() };
  }

  const sources: SurveySource[] = [];
  for (const text of v.source ?? []) {
    const [provenance, url, title, id, note, ...rest] = splitSource(text);
    if (!provenance || !url || !title || rest.length > 0) {
      errors.push(`--source ${JSON.stringify(text)}: expected "<provenance>|<url>|<title>" with optional "|<id>|<note>"`);
      continue;
    }
    if (!PROVENANCES.includes(provenance as Provenance)) {
      errors.push(`--source ${JSON.stringify(text)}: provenance "${provenance}"; expected read, press or secondhand`);
      continue;
    }
    sources.push({ ...(id ? { id } : {}), title, url, provenance: provenance as Provenance, ...(note ? { note } : {}) });
  }
  if ((v.source ?? []).length === 0) errors.push('--source: missing; expected at least one "<provenance>|<url>|<title>"');

  const questions: Record<string, QuestionMeta> = {};
  const q = (id: string) => (questions[id] ??= {});
  for (const id of (v.multi ?? []).flatMap(list)) q(id).type = 'multi';
  for (const id of (v.partial ?? []).flatMap(list)) q(id).partial = true;
  for (const text of v.numeric ?? []) {
    const p = pair(text);
    if (!p || !p[1]) errors.push(`--numeric ${JSON.stringify(text)}: expected <question>=<unit>, e.g. twitter-accounts=개`);
    else Object.assign(q(p[0]), { type: 'numeric', unit: p[1] });
  }
  for (const text of v.cite ?? []) {
    const p = pair(text);
    if (!p || list(p[1]).length === 0) errors.push(`--cite ${JSON.stringify(text)}: expected <question>=<source-id,...>`);
    else q(p[0]).sources = list(p[1]);
  }
  for (const [id, meta] of Object.entries(questions)) {
    if (meta.type === 'numeric' && meta.partial) errors.push(`--partial ${id}: a numeric question has no options to leave out`);
  }
  if (errors.length > 0) return { errors };
  return {
    errors,
    options: {
      csv: csv!,
      id: v.id!,
      force: v.force === true,
      dryRun: v['dry-run'] === true,
      meta: {
        title: v.title!.trim(),
        publisher: v.publisher!.trim(),
        year,
        ...(fieldwork ? { fieldwork } : {}),
        sample: { n, population: v.population!.trim() },
        sources,
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
        questions,
      },
    },
  };
}

/** The flags that import `survey` again from its CSV (the inverse of {@link parseImportArgs}). */
export function importArgsFor(id: string, survey: Survey, csv = `${id}.csv`): string[] {
  const args = [csv, '--id', id, '--title', survey.title, '--publisher', survey.publisher, '--year', String(survey.year), '--n', String(survey.sample.n), '--population', survey.sample.population];
  if (survey.fieldwork) args.push('--fieldwork', `${survey.fieldwork.start}..${survey.fieldwork.end}`);
  if (survey.note) args.push('--note', survey.note);
  for (const s of survey.sources) {
    const tail = s.note ? [s.id ?? '', s.note] : s.id ? [s.id] : [];
    args.push('--source', [s.provenance, s.url, s.title, ...tail].map(escapeBar).join('|'));
  }
  const multi = survey.questions.filter((q) => q.type === 'multi').map((q) => q.id);
  const partial = survey.questions.filter((q) => q.type !== 'numeric' && q.partial).map((q) => q.id);
  if (multi.length) args.push('--multi', multi.join(','));
  if (partial.length) args.push('--partial', partial.join(','));
  for (const q of survey.questions) if (q.type === 'numeric') args.push('--numeric', `${q.id}=${q.unit}`);
  for (const q of survey.questions) if (q.sources) args.push('--cite', `${q.id}=${q.sources.join(',')}`);
  return args;
}
