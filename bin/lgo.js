#!/usr/bin/env node
// The `lgo` command: a thin launcher for the compiled CLI (built by `npm ci` through `prepare`).
import { main } from '../dist/cli/main.js';

main(process.argv).then((code) => {
  process.exitCode = code;
});
