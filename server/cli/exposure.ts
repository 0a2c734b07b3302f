/** `npm run --silent exposure -- FILE.json`: prints the exposure report of a board file as JSON. */
import { readFileSync } from 'node:fs';
import { boardEnvelopeProblem } from '../../shared/exposure/clean-board';
import { computeExposure } from '../../shared/exposure/engine';

function fail(reason: string): never {
  process.stderr.write(`exposure: ${reason}\n`);
  process.exit(2);
}

const file = process.argv[2];
if (!file || process.argv.length > 3) fail('usage: npm run --silent exposure -- FILE.json');
let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (error) {
  fail(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
}
let json: unknown;
try {
  json = JSON.parse(text);
} catch (error) {
  fail(`${file} is not JSON: ${(error as Error).message.split('\n')[0]}`);
}
const problem = boardEnvelopeProblem(json);
if (problem !== null) fail(`${file} is not a Lodestone board (v1 or v2): ${problem}`);
process.stdout.write(`${JSON.stringify(computeExposure(json), null, 2)}\n`);
