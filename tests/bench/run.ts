/** `npm run bench`: runs every benchmark, prints tables and one JSON line per suite. Never fails on time. */
import { runEngineBench } from './engine-bench';

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const started = Date.now();
const engine = runEngineBench(log);
console.log(`\nBENCH_JSON ${JSON.stringify({ suite: 'engine', node: process.version, rows: engine })}`);
log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
