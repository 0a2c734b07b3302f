/**
 * `npm run bench`: runs every benchmark, prints tables and one JSON line per suite. Never fails on time.
 * `npm run bench -- engine` (or sync, relay, scale, browser) runs only the named suites.
 */
import { runBrowserBench } from './browser-bench';
import { runEngineBench } from './engine-bench';
import { runRelayBench } from './relay-bench';
import { runScaleBench } from './scale-bench';
import { runSyncBench } from './sync/sync-bench';

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

const SUITES: Record<string, () => Promise<unknown>> = {
  engine: async () => runEngineBench(log),
  sync: () => runSyncBench(log),
  relay: () => runRelayBench(log),
  scale: () => runScaleBench(log),
  browser: () => runBrowserBench(log),
};

async function main(): Promise<void> {
  const asked = process.argv.slice(2).filter((arg) => arg !== '--');
  const unknown = asked.filter((name) => !(name in SUITES));
  if (unknown.length > 0) {
    process.stderr.write(`bench: unknown suite ${unknown.join(', ')}; suites: ${Object.keys(SUITES).join(', ')}\n`);
    process.exit(2);
  }
  const selected = asked.length > 0 ? Object.keys(SUITES).filter((name) => asked.includes(name)) : Object.keys(SUITES);
  const started = Date.now();
  for (const suite of selected) {
    const rows = await SUITES[suite]();
    console.log(`\nBENCH_JSON ${JSON.stringify({ suite, node: process.version, rows })}`);
  }
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error) => {
  process.stderr.write(`bench: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
