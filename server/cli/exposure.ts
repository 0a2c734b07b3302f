/** `npm run --silent exposure -- [--no-reroute] [--no-stress] FILE.json`: prints the exposure report of a board file as JSON. */
import { readFileSync } from 'node:fs';
import { boardEnvelopeProblem } from '../../shared/exposure/clean-board';
import { computeExposure } from '../../shared/exposure/engine';
import { documentedWarning } from '../../shared/exposure/types';

function fail(reason: string): never {
  process.stderr.write(`exposure: ${reason}\n`);
  process.exit(2);
}

const USAGE = 'usage: npm run --silent exposure -- [--no-reroute] [--no-stress] FILE.json';
const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const files = args.filter((a) => !a.startsWith('--'));
for (const flag of flags) if (flag !== '--no-reroute' && flag !== '--no-stress') fail(`unknown option ${flag}; ${USAGE}`);
const file = files[0];
if (!file || files.length > 1) fail(USAGE);
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
const report = computeExposure(json, { reroute: !flags.has('--no-reroute'), stress: !flags.has('--no-stress') });
// The sentence keys and values the page uses are not part of the documented report.
process.stdout.write(`${JSON.stringify({ ...report, warnings: report.warnings.map(documentedWarning) }, null, 2)}\n`);
