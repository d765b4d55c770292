// Validates data/ and prints every problem: `npm run check:data`.
import { DatasetError } from '../core/dataset/dataset';
import { readDataset } from './dataset-files';

try {
  const entries = readDataset();
  console.log(`${entries.length} entries, all valid.`);
} catch (error) {
  if (!(error instanceof DatasetError)) throw error;
  console.error(error.message);
  process.exit(1);
}
