#!/usr/bin/env node
// The `lgo` command: a thin launcher for the compiled, bundled CLI (built by `npm ci` through
// `prepare`: tsc into dist/, then scripts/bundle.mjs into dist/bundle/).
import { main } from '../dist/bundle/lgo.js';

main(process.argv).then((code) => {
  process.exitCode = code;
});
