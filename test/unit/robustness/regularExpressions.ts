/**
 * Every regular expression written in the server's source: literals, and `RegExp(…)` calls,
 * including the ones the schema validators were generated with. Read with the TypeScript parser,
 * so that a `/` in a string or a comment is never taken for one.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface FoundExpression {
  /** `server/src/parsers/gomod.ts:42`. */
  readonly place: string;
  readonly source: string;
  readonly flags: string;
}

export interface DynamicExpression {
  readonly place: string;
  /** The call as written, for the failure message. */
  readonly text: string;
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory)
    .sort()
    .flatMap((name) => {
      const path = join(directory, name);
      if (statSync(path).isDirectory()) return sourceFiles(path);
      return /\.(ts|js)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
    });
}

function literalText(node: ts.Expression | undefined): string | undefined {
  if (node === undefined) return '';
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
    ? node.text
    : undefined;
}

/** Regular expressions under `directory`, and the `RegExp` calls whose pattern is not a literal. */
export function regularExpressionsIn(
  root: string,
  directory: string,
): { found: FoundExpression[]; dynamic: DynamicExpression[] } {
  const found: FoundExpression[] = [];
  const dynamic: DynamicExpression[] = [];
  for (const path of sourceFiles(join(root, directory))) {
    const kind = path.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS;
    const file = ts.createSourceFile(
      path,
      readFileSync(path, 'utf8'),
      ts.ScriptTarget.Latest,
      true,
      kind,
    );
    const placeOf = (node: ts.Node): string => {
      const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
      return `${relative(root, path)}:${line + 1}`;
    };
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(file);
        const end = text.lastIndexOf('/');
        found.push({
          place: placeOf(node),
          source: text.slice(1, end),
          flags: text.slice(end + 1),
        });
      } else if (
        (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'RegExp'
      ) {
        const source = literalText(node.arguments?.[0]);
        const flags = literalText(node.arguments?.[1]);
        if (source === undefined || flags === undefined) {
          dynamic.push({ place: placeOf(node), text: node.getText(file) });
        } else {
          found.push({ place: placeOf(node), source, flags });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return { found, dynamic };
}
