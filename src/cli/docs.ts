/**
 * @file The command reference (docs/cli.md), made from the program's own help texts.
 */
import { Writable } from 'node:stream';
import { createProgram } from './main.js';

const PREAMBLE = `# Command reference

Generated from \`lgo --help\` by \`node scripts/gen-cli-docs.mjs\`; \`npm test\` fails when it is out of date.

Settings have one precedence, highest first: a command-line flag, then an environment variable
(\`LGO_CORPUS\` for the corpus folder, \`LGO_DB\` for the database file), then the default (the
package's own \`corpus/\` and \`index/decisions.sqlite\`). A corpus folder of your own owns its
database: without \`--db\` or \`LGO_DB\`, every command given \`--corpus DIR\` (or \`LGO_CORPUS=DIR\`)
uses \`DIR/decisions.sqlite\`, and no build or fetch replaces a database built from another corpus.

Exit codes: 0 success; 1 bad input (a file that is not a decision, a missing file, a store to
rebuild, a fetch that stopped); 2 a wrong call (unknown option, bad value), with a hint; 3 a fetch
that finished with listed decisions not held (listed on stderr; the next run retries them); 4 the
database is busy (another \`lgo build\` or fetch kept writing it past the wait, \`LGO_LOCK_WAIT\`
seconds, default 600); 75 the site asked \`lgo fetch\` to come back later; 130/143 stopped by a signal.
`;

/** Renders docs/cli.md: the program's help, then each command's. */
export function renderCliDocs(): string {
  const sink = new Writable({ write: (_c, _e, cb) => cb() });
  const program = createProgram({ stdout: sink, stderr: sink, stdoutIsTTY: false, stderrIsTTY: false, env: {}, cwd: process.cwd() });
  program.configureHelp({ helpWidth: 100 });
  const parts = [PREAMBLE, '## lgo\n', '```', program.helpInformation().trimEnd(), '```\n'];
  for (const cmd of program.commands) {
    cmd.configureHelp({ helpWidth: 100 });
    parts.push(`## lgo ${cmd.name()}\n`, cmd.description(), '', '```', cmd.helpInformation().trimEnd(), '```\n');
  }
  return `${parts.join('\n')}`;
}
