// Links this package's own command into node_modules/.bin, so `node_modules/.bin/selfeval` and
// scripts that look there find it after `npm install` (npm links only dependencies' bins).
const fs = require('fs');
const path = require('path');

const bin = path.join(__dirname, '..', 'node_modules', '.bin');
const link = path.join(bin, 'selfeval');
try {
  fs.mkdirSync(bin, { recursive: true });
  fs.rmSync(link, { force: true });
  fs.symlinkSync(path.relative(bin, path.join(__dirname, '..', 'bin', 'selfeval.js')), link);
} catch (e) {
  console.warn(`selfeval: could not link node_modules/.bin/selfeval (${e.message}); use npx selfeval`);
}
