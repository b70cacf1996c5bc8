#!/usr/bin/env node
// The `torchlike` command (package.json "bin"): the compiled CLI in dist/ (npm run build).
let main;
try {
  ({ main } = await import('../dist/cli/main.js'));
} catch (e) {
  process.stderr.write(`torchlike: cannot load the compiled CLI (dist/cli/main.js): ${e.message}\nrun \`npm run build\` first\n`);
  process.exit(2);
}
process.exitCode = main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
  progress: process.stderr.isTTY === true,
});
