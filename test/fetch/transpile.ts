/**
 * @file Compiles src/ to plain JavaScript (type-stripping only, no checks) in a private folder
 * inside the package, so a test can run the real CLI in a child process without `npm run build`.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { REPO_ROOT } from './helpers.js';

/** Transpiles src/ into `.bench/transpiled-<pid>/` and returns the path of a CLI entry script there. */
export function transpileCli(): { entry: string; dir: string } {
  const dir = path.join(REPO_ROOT, '.bench', `transpiled-${process.pid}`);
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(REPO_ROOT, rel), { withFileTypes: true })) {
      const r = path.join(rel, e.name);
      if (e.isDirectory()) walk(r);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts')) {
        const out = ts.transpileModule(fs.readFileSync(path.join(REPO_ROOT, r), 'utf8'), {
          compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
        });
        const dest = path.join(dir, r.replace(/\.ts$/, '.js'));
        fs.mkdirSync(path.dirname(dest), { recursive: true });
        fs.writeFileSync(dest, out.outputText);
      }
    }
  };
  walk('src');
  const entry = path.join(dir, 'lgo.mjs');
  fs.writeFileSync(entry, "import { main } from './src/cli/main.js';\nmain(process.argv).then((code) => { process.exitCode = code; });\n");
  fs.writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}\n');
  return { entry, dir };
}
