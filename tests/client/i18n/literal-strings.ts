/** Finds words a person would read written as literals in a component: JSX text, labelling attributes, strings placed as JSX children. */
import ts from 'typescript';

/** Attributes whose value a person reads or hears. */
const READ_ATTRIBUTES = new Set(['title', 'aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'placeholder', 'alt', 'label']);
/** Literals that are names, not words to translate. */
const ALLOWED = new Set(['Lodestone', 'CSV', 'PNG', 'SVG', 'JSON', 'HHI', 'CRMA', 'USD', 'ISO', 'EU']);

const hasWords = (text: string) => /\p{L}{2,}/u.test(text) && !ALLOWED.has(text.trim());

/** One literal: where it is and what it says. */
export interface Literal {
  line: number;
  text: string;
}

/** The user-facing literals in one .tsx source. */
export function findLiterals(fileName: string, source: string): Literal[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Literal[] = [];
  const add = (node: ts.Node, text: string) => found.push({ line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: text.trim().slice(0, 60) });
  /** A string (or template) that ends up as a JSX child, directly or through a conditional or `??`/`||`. */
  const childStrings = (expr: ts.Expression | undefined): void => {
    if (!expr) return;
    if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) {
      if (hasWords(expr.text)) add(expr, expr.text);
    } else if (ts.isTemplateExpression(expr)) {
      const text = expr.head.text + expr.templateSpans.map((s) => s.literal.text).join(' ');
      if (hasWords(text)) add(expr, text);
    } else if (ts.isConditionalExpression(expr)) {
      childStrings(expr.whenTrue);
      childStrings(expr.whenFalse);
    } else if (ts.isBinaryExpression(expr) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.AmpersandAmpersandToken].includes(expr.operatorToken.kind)) {
      childStrings(expr.right);
      if (expr.operatorToken.kind !== ts.SyntaxKind.AmpersandAmpersandToken) childStrings(expr.left);
    } else if (ts.isParenthesizedExpression(expr)) childStrings(expr.expression);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && hasWords(node.text)) add(node, node.text);
    else if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(file))) {
      const init = node.initializer;
      if (init && ts.isStringLiteral(init) && hasWords(init.text)) add(init, init.text);
      else if (init && ts.isJsxExpression(init)) childStrings(init.expression);
    } else if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) childStrings(node.expression);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}
