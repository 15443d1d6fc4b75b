// The browser bundles' template folding: only white space inside html`` and css``
// literals changes, never an expression nor a meaningful space.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rollup } from 'rollup';
import { foldCss, foldHtml, minifyTemplates } from '../../../scripts/minify-templates.ts';

test('html: runs of white space become one space, text and attributes otherwise untouched', () => {
  assert.equal(foldHtml('<p class="a\n    b">\n      Bonjour  Léo\n    </p>'), '<p class="a b"> Bonjour Léo </p>');
});

test('css: no space around braces and semicolons, nor after colons and commas; a space before a colon stays', () => {
  assert.equal(
    foldCss('\n  a :hover,\n  b::before {\n    margin: 0 auto;\n    grid-template-columns: minmax(8rem, 1fr) auto;\n  }\n'),
    ' a :hover,b::before{margin:0 auto;grid-template-columns:minmax(8rem,1fr) auto;}',
  );
});

test('css: comments go (the explanation stays in the source)', () => {
  assert.equal(foldCss('a {\n  /* Why: WCAG 2.4.7. */\n  outline: 3px solid;\n}\n/* two\n lines */ b { margin: 0 }'), 'a{outline:3px solid;}b{margin:0}');
});

test('a bundle folds html`` and css`` literals only, and keeps the expressions', async () => {
  const source = [
    'const html = (s, ...v) => [s.raw, v];',
    'const css = html;',
    'const other = html;',
    'export const a = html`<p>\n    ${"x  y"}\n  </p>`;',
    'export const b = css`${"tag"} {\n  color: red;\n}`;',
    'export const c = other`keep\n   this`;',
  ].join('\n');
  const bundle = await rollup({
    input: 'entry',
    plugins: [{ name: 'entry', resolveId: (id) => (id === 'entry' ? id : null), load: (id) => (id === 'entry' ? source : null) }, minifyTemplates()],
  });
  const { output } = await bundle.generate({ format: 'es' });
  const code = output[0].code;
  assert.match(code, /html`<p> \$\{"x {2}y"\} <\/p>`/);
  assert.match(code, /css`\$\{"tag"\}\{color:red;\}`/);
  assert.match(code, /other`keep\n {3}this`/);
});
