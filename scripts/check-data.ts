// Validates data/ against the schema and the sourcing rule and prints every problem: `npm run check:data`.
// `--today YYYY-MM-DD` sets the day the dating rule counts from (no asOf after it); with `--stale` it lists the
// entries by the age of their last check instead.
import { DatasetError } from '../core/dataset/dataset';
import { readDataset } from './dataset-files';
import { datingProblems, formatStaleReport, sourcePolicyProblems, staleReport } from './source-policy';

const usage = 'usage: npm run check:data [-- [--stale] [--today YYYY-MM-DD]]';

function main(args: string[]): void {
  const stale = args.includes('--stale');
  const todayAt = args.indexOf('--today');
  // Today's date where the checker is, as the one who sets asOf reads it from the calendar.
  const now = new Date();
  const localToday = new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
  const today = todayAt >= 0 ? args[todayAt + 1] : localToday;
  const known = new Set(['--stale', '--today', ...(todayAt >= 0 && args[todayAt + 1] ? [args[todayAt + 1]] : [])]);
  if (args.some((arg) => !known.has(arg)) || !today || !/^\d{4}-\d{2}-\d{2}$/.test(today)) {
    console.error(usage);
    process.exit(2);
  }
  try {
    if (stale) {
      // The listing needs a readable dataset, not one that keeps the sourcing rule: it helps to fix both.
      console.log(formatStaleReport(staleReport(readDataset(), today), today));
      return;
    }
    const entries = readDataset(undefined, { check: (entry) => [...sourcePolicyProblems(entry), ...datingProblems(entry, today)] });
    console.log(`${entries.length} entries, all valid.`);
  } catch (error) {
    if (!(error instanceof DatasetError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

main(process.argv.slice(2));
