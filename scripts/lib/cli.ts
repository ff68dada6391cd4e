/**
 * What the writer-facing commands (`npm run new`, `npm run new-site`) share: their problems with
 * arguments in Korean, and a terminal session that asks questions only when a person is typing.
 */
import { createInterface } from 'node:readline/promises';
import type { Problem } from '../../src/lib/rules/problems.ts';
import { nearest } from '../../src/lib/rules/suggest.ts';

type Found = Pick<Problem, 'message'> & Partial<Pick<Problem, 'expected' | 'fix' | 'suggestion'>>;

/** A problem with one argument of a command: `오류 npm run new · --author`. */
export function argProblem(command: string, field: string, found: Found): Problem {
  return { kind: 'arguments', file: command, ...(field ? { field } : {}), severity: 'error', ...found };
}

/**
 * node:util's message names the flag in quotes: "Unknown option '--autor'", "Option '--author <value>'
 * argument missing", "Option '-h, --help' does not take an argument" (the long name then).
 */
const flagIn = (message: string): string => /'(?:-\w, )?(-[^' ]*)/.exec(message)?.[1] ?? '';

/** Fixes a command adds to the generic ones: its own example of a quoted or "-"-led value. */
export interface ArgsErrorFixes {
  unknownFlag: string;
  missingValue: (flag: string) => string;
}

/** node:util parseArgs' error (strict mode) as a Korean problem naming the flag. */
export function argsErrorProblem(command: string, error: unknown, knownFlags: readonly string[], fixes: ArgsErrorFixes): Problem {
  const { code, message } = error as Error & { code?: string };
  const flag = flagIn(message);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    return argProblem(command, flag, {
      message: `알 수 없는 옵션 ${flag}입니다.`,
      expected: `쓸 수 있는 옵션: ${knownFlags.join(', ')}`,
      fix: fixes.unknownFlag,
      suggestion: nearest(flag, [...knownFlags]),
    });
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /does not take/.test(message)) {
    return argProblem(command, flag, { message: `${flag}에는 값을 붙이지 않습니다.`, expected: `${flag} 하나만`, fix: `${flag} 뒤의 "=값"을 지우세요.` });
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return argProblem(command, flag, { message: `${flag} 뒤에 값이 없습니다.`, expected: `${flag} <값>`, fix: fixes.missingValue(flag) });
  }
  return argProblem(command, '', { message });
}

/** How a command talks to the person running it. */
export interface TerminalIO {
  /** True when a person is typing: questions may be asked. */
  isTTY: boolean;
  /** Colour in the problem blocks: only for a terminal, and not when NO_COLOR is set. */
  color?: boolean;
  ask(question: string): Promise<string>;
  out(text: string): void;
  err(text: string): void;
}

/** Ctrl-C or Ctrl-D at a question closes readline, which rejects the pending question with an AbortError. */
const isAbort = (error: unknown): boolean => error instanceof Error && (error.name === 'AbortError' || (error as { code?: string }).code === 'ABORT_ERR');

/**
 * Runs a command with this process's terminal and exits with its code. Questions are asked only
 * when standard input is a terminal; Ctrl-C at a question prints `cancelled` and exits 130.
 */
export async function runInTerminal(command: (io: TerminalIO) => Promise<{ code: number }>, cancelled: string): Promise<never> {
  const isTTY = Boolean(process.stdin.isTTY);
  const rl = isTTY ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
  try {
    const result = await command({
      isTTY,
      // Problems go to standard error: colour when that is a terminal.
      color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR,
      ask: (question) => {
        if (!rl) throw new Error('standard input is not a terminal');
        return rl.question(question);
      },
      out: (text) => console.log(text),
      err: (text) => console.error(text),
    });
    rl?.close();
    process.exit(result.code);
  } catch (error) {
    if (!isAbort(error)) throw error;
    console.error(`\n${cancelled}`);
    process.exit(130);
  }
}
