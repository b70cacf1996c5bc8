#!/usr/bin/env node
// The `torchlike` command (package.json "bin"): the compiled CLI in dist/ (npm run build).
import { main } from '../dist/cli/main.js';

process.exitCode = main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
  progress: process.stderr.isTTY === true,
});
