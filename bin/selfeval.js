#!/usr/bin/env node
// Runs the compiled CLI (lib/, built by `npm run build:cli`, which `npm install` runs as "prepare").
require('../lib/cli/main.js').main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
