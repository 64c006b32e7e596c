/**
 * The file a process that runs the local Neo4j writes into its data directory (`owner.json`: its
 * pid and the Bolt URI), so that a second process on the same data, such as `npm run seed` while
 * `npm start` runs, finds the running database instead of starting another server on a store that
 * Neo4j has locked (which used to hang, then print a Java stack trace).
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/** Who runs the local database in a data directory, and where it answers (null while it starts). */
export interface LocalOwner {
  pid: number;
  uri: string | null;
}

/**
 * A second process wants to run the local database that another one already runs. The message is
 * one line for a person: who runs it, and what to do.
 */
export class LocalDatabaseBusyError extends Error {}

const FILE = 'owner.json';
const OwnerRecord = z.object({ pid: z.number().int().positive(), uri: z.string().min(1).nullable() });

/**
 * Records that this process runs the local database in `dataDir`, answering at `uri` (null while
 * the server is starting and its port may not be known yet).
 */
export async function writeOwner(dataDir: string, uri: string | null): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  await writeFile(join(dataDir, FILE), `${JSON.stringify({ pid: process.pid, uri } satisfies LocalOwner)}\n`);
}

/** Removes the record, if it is this process's own (a newer owner's is left alone). */
export async function removeOwner(dataDir: string): Promise<void> {
  if ((await readOwner(dataDir))?.pid === process.pid) await rm(join(dataDir, FILE), { force: true });
}

/**
 * The live process that runs the local database in `dataDir`, or null: no record, an unreadable
 * one, or one whose process has gone (a service killed without cleaning up).
 */
export async function readOwner(dataDir: string): Promise<LocalOwner | null> {
  let text: string;
  try {
    text = await readFile(join(dataDir, FILE), 'utf8');
  } catch {
    return null;
  }
  let parsed;
  try {
    parsed = OwnerRecord.safeParse(JSON.parse(text));
  } catch {
    return null;
  }
  return parsed.success && isAlive(parsed.data.pid) ? parsed.data : null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
