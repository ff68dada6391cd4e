/**
 * Which names a `{…}` expression of an MDX post uses that nothing defines. MDX runs every `{…}`
 * as JavaScript when the page is made, so `{이름}` or `{Nickname}` written as prose fails the build
 * with "ReferenceError: Nickname is not defined", naming a page (often a feed) and not the post.
 * A name is defined when the post imports or declares it (`import`/`export` lines), when MDX gives
 * it (`props`) or Astro does (`frontmatter`), or when JavaScript itself has it (`Math`, `Date`,
 * `undefined`: anything on `globalThis`). Parsed with Babel, scopes included: `{list.map((x) => x)}`
 * uses `list` but not `x`.
 */
import { parse, parseExpression } from '@babel/parser';

/** Names every MDX post can use in `{…}` besides its own and JavaScript's. */
export const MDX_SCOPE_NAMES = ['props', 'frontmatter'];

interface Node {
  type: string;
  [key: string]: unknown;
}

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

/** Keys of a Babel node that hold positions and comments, never code. */
const NOT_CODE = new Set(['type', 'start', 'end', 'loc', 'range', 'extra', 'leadingComments', 'trailingComments', 'innerComments', 'comments']);

/** Names a pattern binds: `x`, `{ a, b: c }`, `[d, ...e]`, `f = 1`. */
function patternNames(pattern: unknown, into: Set<string>): void {
  if (!isNode(pattern)) return;
  switch (pattern.type) {
    case 'Identifier':
      into.add(pattern.name as string);
      return;
    case 'ObjectPattern':
      for (const property of pattern.properties as Node[]) patternNames(property.type === 'RestElement' ? property.argument : property.value, into);
      return;
    case 'ArrayPattern':
      for (const element of pattern.elements as unknown[]) patternNames(element, into);
      return;
    case 'RestElement':
      patternNames(pattern.argument, into);
      return;
    case 'AssignmentPattern':
      patternNames(pattern.left, into);
  }
}

/** Names declared anywhere in a function body (`const`, `let`, `var`, `function`, `class`): a generous scope, never a false alarm. */
function declaredIn(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) declaredIn(item, into);
    return;
  }
  if (!isNode(node)) return;
  if (node.type === 'VariableDeclarator') patternNames(node.id, into);
  if ((node.type === 'FunctionDeclaration' || node.type === 'ClassDeclaration') && isNode(node.id)) patternNames(node.id, into);
  if (node.type === 'CatchClause') patternNames(node.param, into);
  for (const [key, value] of Object.entries(node)) if (!NOT_CODE.has(key)) declaredIn(value, into);
}

/** Every name `node` reads that `bound` does not define, into `free`. */
function freeNames(node: unknown, bound: ReadonlySet<string>, free: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) freeNames(item, bound, free);
    return;
  }
  if (!isNode(node)) return;
  switch (node.type) {
    case 'Identifier':
      if (!bound.has(node.name as string)) free.add(node.name as string);
      return;
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      freeNames(node.object, bound, free);
      if (node.computed) freeNames(node.property, bound, free);
      return;
    case 'ObjectProperty':
    case 'ClassProperty':
      if (node.computed) freeNames(node.key, bound, free);
      freeNames(node.value, bound, free);
      return;
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
    case 'ObjectMethod':
    case 'ClassMethod': {
      const inner = new Set(bound);
      if (node.type !== 'ArrowFunctionExpression' && node.type !== 'FunctionExpression') {
        if (node.computed) freeNames(node.key, bound, free);
      } else patternNames(node.id, inner);
      for (const param of node.params as unknown[]) patternNames(param, inner);
      declaredIn(node.body, inner);
      freeNames(node.params, inner, free);
      freeNames(node.body, inner, free);
      return;
    }
    case 'AssignmentPattern':
      freeNames(node.right, bound, free);
      return;
    case 'VariableDeclarator':
      freeNames(node.init, bound, free);
      return;
    case 'LabeledStatement':
      freeNames(node.body, bound, free);
      return;
    case 'BreakStatement':
    case 'ContinueStatement':
      return;
    case 'JSXOpeningElement': {
      // `<Foo>` and `<Foo.Bar>` read Foo; `<div>` is HTML.
      let name = node.name as Node;
      while (name.type === 'JSXMemberExpression') name = name.object as Node;
      if (name.type === 'JSXIdentifier' && /^[^a-z]/.test(name.name as string) && !bound.has(name.name as string)) free.add(name.name as string);
      freeNames(node.attributes, bound, free);
      return;
    }
    case 'JSXAttribute':
      freeNames(node.value, bound, free);
      return;
    case 'JSXClosingElement':
      return;
  }
  for (const [key, value] of Object.entries(node)) if (!NOT_CODE.has(key)) freeNames(value, bound, free);
}

/** Names the `import` and `export` lines of a post define (imports, and everything declared at their top level). */
export function esmNames(esm: string): string[] {
  let program: Node;
  try {
    program = parse(esm, { sourceType: 'module', plugins: ['jsx', 'typescript'], errorRecovery: true }).program as unknown as Node;
  } catch {
    return [];
  }
  const names = new Set<string>();
  for (const statement of program.body as Node[]) {
    const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? (statement.declaration as Node | null) : statement;
    if (statement.type === 'ImportDeclaration') {
      for (const specifier of statement.specifiers as Node[]) patternNames(specifier.local, names);
    }
    if (!isNode(declaration)) continue;
    if (declaration.type === 'VariableDeclaration') for (const declarator of declaration.declarations as Node[]) patternNames(declarator.id, names);
    else if ((declaration.type === 'FunctionDeclaration' || declaration.type === 'ClassDeclaration') && isNode(declaration.id)) patternNames(declaration.id, names);
  }
  return [...names];
}

/**
 * The names `code` (the inside of one `{…}`) reads that neither `defined`, MDX_SCOPE_NAMES nor
 * JavaScript's globals define, in the order written. Empty for a comment (`{/* … *\/}`), a literal,
 * and code that does not parse (the MDX parser reports that itself).
 */
export function undefinedNames(code: string, defined: Iterable<string>): string[] {
  let expression: Node;
  try {
    expression = parseExpression(code, { plugins: ['jsx'] }) as unknown as Node;
  } catch {
    return [];
  }
  const bound = new Set([...defined, ...MDX_SCOPE_NAMES]);
  const free = new Set<string>();
  freeNames(expression, bound, free);
  return [...free].filter((name) => !(name in globalThis));
}
