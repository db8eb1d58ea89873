// Prints the runnable example of a README: the fenced block right after `<!-- runnable-example -->`,
// so the README stays the one copy of the example that scripts/pack-check.sh runs.
import { readFileSync } from 'node:fs';
import process from 'node:process';

const file = process.argv[2];
if (!file) throw new Error('usage: node scripts/readme-example.mjs README.md');
const match = /<!-- runnable-example -->\s*```(?:ts|js)\n([\s\S]*?)\n```/.exec(readFileSync(file, 'utf8'));
if (!match) {
  process.stderr.write(`${file}: no fenced block after <!-- runnable-example -->\n`);
  process.exit(1);
}
process.stdout.write(`${match[1]}\n`);
