/**
 * Where the project's own files are, for code in any layer: the repository root and the
 * directories under it that the code reads or writes. Imports nothing of src/, so the lowest
 * layer (src/db) can use it too.
 */
import { join, resolve } from 'node:path';

/** The repository root (this file lives in src/, or in dist/ when compiled). */
export const PROJECT_ROOT = resolve(__dirname, '..');
/** Where provisioned Neo4j jars and the `npm start` database live; ignored by git. */
export const LOCAL_NEO4J_DIR = join(PROJECT_ROOT, '.neo4j');
