/**
 * No component types words a reader sees: every reader-visible string comes from data/. This walks
 * the JSX of every component and fails on literal words in element text, in strings placed as
 * children, and in attributes a reader or screen reader meets (aria-label, title, alt...).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

/** Attributes whose value a reader (or a screen reader) is given. */
const VISIBLE_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'alt', 'placeholder', 'label']);

/** Words, not punctuation or symbols: "* ", "; ", "↓", "†", "100%" are allowed. */
const WORDS = /[A-Za-z]{2,}/;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsxFiles(path);
    return path.endsWith('.tsx') ? [path] : [];
  });
}

interface Literal {
  file: string;
  line: number;
  text: string;
}

function stringParts(node: ts.Node): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
  return [];
}

/** Literal words a file's JSX shows. Strings inside calls (fillSlots(copy.x, …), join(' ')) are arguments, not copy, unless they are words. */
export function literalWords(source: string, file: string): Literal[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Literal[] = [];
  const report = (node: ts.Node, text: string) => {
    if (WORDS.test(text)) found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: text.trim() });
  };
  // Strings anywhere inside a JSX child expression may end up on the page: check them all, except
  // those that are plainly not copy (keys, class names, comparisons against ids).
  const inChildExpression = (node: ts.Node) => {
    if (ts.isBinaryExpression(node) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(node.operatorToken.kind))
      return;
    if (ts.isJsxAttribute(node)) return visit(node);
    if (ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node)) return visit(node);
    for (const part of stringParts(node)) report(node, part);
    ts.forEachChild(node, inChildExpression);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      inChildExpression(node.expression);
      return;
    } else if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(sf);
      if (VISIBLE_ATTRIBUTES.has(name) && node.initializer) {
        if (ts.isStringLiteral(node.initializer)) report(node, node.initializer.text);
        else if (ts.isJsxExpression(node.initializer) && node.initializer.expression) inChildExpression(node.initializer.expression);
      }
      // Other attributes (className, href, data-*) are not read; their JSX values are still walked.
      if (node.initializer && ts.isJsxExpression(node.initializer) && node.initializer.expression && !VISIBLE_ATTRIBUTES.has(name))
        ts.forEachChild(node.initializer.expression, function walkJsx(n): void {
          if (ts.isJsxElement(n) || ts.isJsxSelfClosingElement(n) || ts.isJsxFragment(n)) visit(n);
          else ts.forEachChild(n, walkJsx);
        });
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('no reader-visible words typed into components', () => {
  const files = tsxFiles(resolve(ROOT, 'src')).map((f) => relative(ROOT, f));

  it('finds the components to check', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'src/story/components/Header.tsx',
        'src/story/components/HowWeMadeThis.tsx',
        'src/story/graphics/money/MoneyGraphic.tsx',
        'src/story/embed/EmbedPanel.tsx',
      ]),
    );
  });

  it('has no literal words in any component', () => {
    const found = files.flatMap((f) => literalWords(readFileSync(resolve(ROOT, f), 'utf8'), f));
    expect(found.map((l) => `${l.file}:${l.line}: "${l.text}"`)).toEqual([]);
  });

  it('would catch a kicker, a caption, an aria-label or a title typed back in', () => {
    const samples = [
      '<p className="kicker">North East mayoral election 2024</p>',
      '<caption>{`Votes by ${"council"} area`}</caption>',
      '<a aria-label="see note on corrected figures">*</a>',
      '<text>{isResult ? "Result" : title}</text>',
      '<p>{cond && <span>Graphic:</span>}</p>',
    ];
    for (const jsx of samples) expect(literalWords(`const x = ${jsx};`, 'sample.tsx'), jsx).not.toEqual([]);
  });

  it('lets punctuation, symbols, figures and non-copy attributes through', () => {
    const samples = [
      '<p>{i > 0 && "; "}</p>',
      '<span aria-hidden="true">↓</span>',
      '<td className="num">100%</td>',
      '<li data-title-kind={s.publishedTitle ? "published" : "ours"} key={`${a}:${b}`}>* {note}</li>',
      '<g>{variant === "result" && <rect />}</g>',
    ];
    for (const jsx of samples) expect(literalWords(`const x = ${jsx};`, 'sample.tsx'), jsx).toEqual([]);
  });
});
