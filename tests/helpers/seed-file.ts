import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';

/** The built-in facts file and the article it was built from. */
export const SEED_FILE = join(PROJECT_ROOT, 'seed', 'data', 'uae-talks.json');
export const ARTICLE_FILE = join(PROJECT_ROOT, 'seed', 'articles', 'uae-talks.txt');
