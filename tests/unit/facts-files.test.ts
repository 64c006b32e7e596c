/**
 * What the loader reads and accepts: `textFile` only under the facts file's directory or
 * FACTS_ROOT (no absolute paths, no `..` escapes, no symlinks out, no kernel files or FIFOs),
 * texts within SOURCE_TEXT_MAX_BYTES, errors that never quote a file, http(s) URLs only, and names
 * whose words are each in one script.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mixedScriptWord } from '../../src/facts/names';
import { type FileRules, readFactsFile, syntaxErrorAt } from '../../src/ingest/read';
import { formatProblem, type Problem, validateFacts } from '../../src/facts/validate';
import { SEED_FILE } from '../helpers/seed-file';

const TEXT = 'Kushner met Putin in Moscow. Putin said nothing.';
const SECRET = 'AUTH_JWT_SECRET=do-not-leak-this-secret-value-0123456789';

let dir: string;
let rules: FileRules;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsgraph-files-test-'));
  // dir/facts/*.json, dir/articles/*.txt (under FACTS_ROOT = dir), and a secret next to dir.
  await mkdir(join(dir, 'facts'));
  await mkdir(join(dir, 'articles'));
  await writeFile(join(dir, 'articles', 'a.txt'), TEXT);
  await writeFile(join(dir, 'facts', 'own.txt'), TEXT);
  await writeFile(`${dir}-secret.txt`, SECRET);
  rules = { root: dir, maxTextBytes: 1_000 };
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(`${dir}-secret.txt`, { force: true });
});

function doc(source: Record<string, unknown>, entities: unknown[] = []) {
  return { source: { id: 'source:test', title: 'Test', publisher: 'Tester', ...source }, entities, relationships: [] };
}

async function load(source: Record<string, unknown>, fileRules = rules, name = 'facts/doc.json') {
  const file = join(dir, name);
  await writeFile(file, JSON.stringify(doc(source)));
  return readFactsFile(file, fileRules);
}

function problemsOf(result: Awaited<ReturnType<typeof readFactsFile>>): Problem[] {
  return result.ok ? [] : result.problems;
}

describe('textFile', () => {
  test('reads a file under the facts file directory or under FACTS_ROOT', async () => {
    const own = await load({ textFile: 'own.txt' });
    expect(own.ok && own.value.doc.source.text).toBe(TEXT);
    const underRoot = await load({ textFile: '../articles/a.txt' });
    expect(underRoot.ok && underRoot.value.doc.source.text).toBe(TEXT);
  });

  test('the seed loads with the default rules', async () => {
    const seed = await readFactsFile(SEED_FILE);
    expect(seed.ok).toBe(true);
  });

  test.each([
    ['an absolute path', () => `${dir}-secret.txt`],
    ['a .. escape', () => `../../${dir.split('/').pop()}-secret.txt`],
    ['/proc/self/environ', () => '/proc/self/environ'],
    ['../../etc/passwd', () => '../../../../../../../../etc/passwd'],
  ])('%s is refused as PATH_OUTSIDE_ROOT, naming the file and field, without the content', async (_, path) => {
    const problems = problemsOf(await load({ textFile: path() }));
    expect(problems).toEqual([expect.objectContaining({ code: 'PATH_OUTSIDE_ROOT', path: `${join(dir, 'facts/doc.json')}: source.textFile` })]);
    expect(problems[0].message).toContain(path());
    expect(problems[0].message).not.toContain('do-not-leak');
    expect(problems[0].message).not.toContain('root:');
  });

  test('a symbolic link out of the root is refused, one inside it is followed', async () => {
    await symlink(`${dir}-secret.txt`, join(dir, 'articles', 'escape.txt'));
    await symlink('/proc/self/environ', join(dir, 'articles', 'environ.txt'));
    await symlink(join(dir, 'articles', 'a.txt'), join(dir, 'facts', 'inside.txt'));
    for (const textFile of ['../articles/escape.txt', '../articles/environ.txt']) {
      const problems = problemsOf(await load({ textFile }));
      expect(problems).toEqual([expect.objectContaining({ code: 'PATH_OUTSIDE_ROOT' })]);
      expect(JSON.stringify(problems)).not.toContain('do-not-leak');
    }
    const inside = await load({ textFile: 'inside.txt' });
    expect(inside.ok && inside.value.doc.source.text).toBe(TEXT);
  });

  test('kernel files, directories and FIFOs are refused even under the root, without waiting on a FIFO', async () => {
    const everything = { root: '/', maxTextBytes: 1_000 };
    const proc = problemsOf(await load({ textFile: '../../../../../../../../proc/self/environ' }, everything));
    expect(proc).toEqual([expect.objectContaining({ code: 'NOT_A_REGULAR_FILE' })]);
    expect(JSON.stringify(proc)).not.toMatch(/PATH=|HOME=/);
    expect(problemsOf(await load({ textFile: '../articles' }))).toEqual([expect.objectContaining({ code: 'NOT_A_REGULAR_FILE' })]);
    execFileSync('mkfifo', [join(dir, 'articles', 'fifo.txt')]);
    expect(problemsOf(await load({ textFile: '../articles/fifo.txt' }))).toEqual([expect.objectContaining({ code: 'NOT_A_REGULAR_FILE' })]);
  });

  test('a missing file is FILE_UNREADABLE, named by its path', async () => {
    const [problem] = problemsOf(await load({ textFile: '../articles/missing.txt' }));
    expect(problem).toMatchObject({ code: 'FILE_UNREADABLE', path: expect.stringContaining('source.textFile') });
    expect(problem.message).toContain('missing.txt');
  });

  test('a text file over the limit is refused from its size, naming the limit and the setting', async () => {
    await writeFile(join(dir, 'articles', 'big.txt'), '');
    await truncate(join(dir, 'articles', 'big.txt'), 50_000_000); // sparse: nothing to read, and nothing is
    const [problem] = problemsOf(await load({ textFile: '../articles/big.txt' }));
    expect(problem).toMatchObject({ code: 'TEXT_TOO_LARGE' });
    expect(problem.message).toBe('the source text has 50000000 bytes; the limit is 1000 (SOURCE_TEXT_MAX_BYTES)');
  });
});

describe('no message quotes a file', () => {
  test('a JSON syntax error gives its line and column only', async () => {
    const file = join(dir, 'facts', 'passwd.json');
    await writeFile(file, 'root:x:0:0:root:/root:/bin/bash\n');
    const [problem] = problemsOf(await readFactsFile(file, rules));
    expect(problem).toMatchObject({ code: 'INVALID_JSON', message: 'is not valid JSON: syntax error at line 1, column 1' });
    await writeFile(file, `{\n  "source": {\n    "id": ${SECRET}\n  }\n}`);
    const [second] = problemsOf(await readFactsFile(file, rules));
    expect(second.message).toBe('is not valid JSON: syntax error at line 3, column 11');
    expect(formatProblem(second)).not.toContain('do-not-leak');
  });

  test('the scanner finds the position JSON.parse fails at', () => {
    expect(syntaxErrorAt('{"a": 1,}')).toBe('syntax error at line 1, column 9');
    expect(syntaxErrorAt('[1, 2')).toBe('unexpected end of file (line 1, column 6)');
    expect(syntaxErrorAt('{"a": "x\\q"}')).toBe('syntax error at line 1, column 10');
    expect(syntaxErrorAt('{"a": tru}')).toBe('syntax error at line 1, column 7');
    expect(syntaxErrorAt('{"a": [1e5, -0.5, "\\u00e9", null, false]} x')).toBe('syntax error at line 1, column 43');
  });

  test('a facts file over 4 × SOURCE_TEXT_MAX_BYTES is refused unread', async () => {
    const file = join(dir, 'facts', 'huge.json');
    await writeFile(file, '');
    await truncate(file, 4_001);
    const [problem] = problemsOf(await readFactsFile(file, rules));
    expect(problem).toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect(problem.message).toContain('SOURCE_TEXT_MAX_BYTES');
  });

  test('an excerpt that is not in its sentence quotes at most the start of a long sentence', () => {
    const text = `A${'a'.repeat(10_000)}.`;
    const result = validateFacts(doc({ text }, [{ id: 'actor:x', type: 'Actor', name: 'X', kind: 'PERSON', evidence: [{ sentence: 1, excerpt: 'zzz' }] }]));
    const [problem] = result.ok ? [] : result.problems;
    expect(problem.message.length).toBeLessThan(300);
    expect(problem.message).toContain('(10002 characters)');
  });
});

describe('validation rules', () => {
  test('an inline text over the limit is TEXT_TOO_LARGE, counted in UTF-8 bytes', () => {
    const result = validateFacts(doc({ text: 'é'.repeat(600) }), undefined, { maxTextBytes: 1_000 });
    expect(result.ok ? [] : result.problems).toEqual([
      { path: 'source.text', code: 'TEXT_TOO_LARGE', message: 'the source text has 1200 bytes; the limit is 1000 (SOURCE_TEXT_MAX_BYTES)' },
    ]);
    expect(validateFacts(doc({ text: 'é'.repeat(500) }), undefined, { maxTextBytes: 1_000 }).ok).toBe(true);
  });

  test('thousands of distinct excerpts of one long sentence stop at the search budget with EVIDENCE_TOO_COSTLY; repeats cost nothing', () => {
    const words = Array.from({ length: 2_000 }, (_, i) => `w${i}`);
    const text = `${words.join(' ')}.`; // one sentence of about 11,000 characters
    const cite = (excerpts: string[]) => [
      { id: 'actor:x', type: 'Actor', name: 'X', kind: 'PERSON', evidence: excerpts.map((excerpt) => ({ sentence: 1, excerpt })) },
    ];
    const limits = { maxTextBytes: 12_000 }; // a budget of 25 × 12,000 characters: 27 searches of this sentence
    const costly = validateFacts(doc({ text }, cite(words.slice(0, 40))), undefined, limits);
    expect(costly.ok ? [] : costly.problems).toEqual([expect.objectContaining({ code: 'EVIDENCE_TOO_COSTLY', path: 'entities[0].evidence[27]' })]);
    expect(validateFacts(doc({ text }, cite(words.slice(0, 20))), undefined, limits).ok).toBe(true);
    expect(validateFacts(doc({ text }, cite(Array(1_000).fill('w7'))), undefined, limits).ok).toBe(true);
  });

  test.each(['javascript:alert(1)', 'JavaScript:alert(document.cookie)', 'data:text/html,<script>x</script>', 'file:///etc/passwd', 'ftp://example.com/a'])(
    'the URL %s is refused as URL_NOT_ALLOWED',
    (url) => {
      const result = validateFacts(doc({ text: TEXT, url }));
      expect(result.ok ? [] : result.problems).toEqual([{ path: 'source.url', code: 'URL_NOT_ALLOWED', message: 'must be an http: or https: URL' }]);
    },
  );

  test('http and https URLs are accepted', () => {
    expect(validateFacts(doc({ text: TEXT, url: 'https://example.com/a?b=c' })).ok).toBe(true);
    expect(validateFacts(doc({ text: TEXT, url: 'http://example.com' })).ok).toBe(true);
  });

  test('a name mixing Latin and Cyrillic letters in one word is CONFUSABLE_NAME; words in one script each are fine', () => {
    const putin = 'Vladimir Put\u0456n'; // Cyrillic "і"
    const entity = (fields: Record<string, unknown>) => ({
      id: 'actor:x',
      type: 'Actor',
      kind: 'PERSON',
      evidence: [{ sentence: 1, excerpt: 'Putin' }],
      ...fields,
    });
    const result = validateFacts(doc({ text: TEXT }, [entity({ name: putin })]));
    expect(result.ok ? [] : result.problems).toEqual([
      {
        path: 'entities[0] (actor:x).name',
        code: 'CONFUSABLE_NAME',
        message: `the word "Put\u0456n" mixes Latin and Cyrillic letters, which look alike; write each word in one script`,
      },
    ]);
    const alias = validateFacts(doc({ text: TEXT }, [entity({ name: 'Vladimir Putin', aliases: ['\u03a1utin'] })])); // Greek "Ρ"
    expect(alias.ok ? [] : alias.problems.map((p) => [p.path, p.code])).toEqual([['entities[0] (actor:x).aliases[0]', 'CONFUSABLE_NAME']]);
    expect(validateFacts(doc({ text: TEXT }, [entity({ name: 'Владимир Путин', aliases: ['Vladimir Putin', 'Βλαντιμίρ Πούτιν'] })])).ok).toBe(true);
  });

  test('mixedScriptWord looks at each word alone', () => {
    expect(mixedScriptWord('Zelensky Зеленський')).toBeNull();
    expect(mixedScriptWord('Café Crème, São Paulo, Łódź')).toBeNull();
    expect(mixedScriptWord('Kyiv K\u0443iv')).toEqual({ word: 'K\u0443iv', scripts: ['Latin', 'Cyrillic'] });
  });

  test('the seed and the test fixture still validate', async () => {
    const fixtureRules = { root: join(SEED_FILE, '..', '..', '..', 'tests', 'fixtures'), maxTextBytes: 2_000_000 };
    const fixture = await readFactsFile(join(fixtureRules.root, 'facts', 'followup-abu-dhabi.json'), fixtureRules);
    expect(fixture.ok ? [] : fixture.problems).toEqual([]);
    const seed = JSON.parse(await readFile(SEED_FILE, 'utf8'));
    expect(seed.source.textFile).toBe('../articles/uae-talks.txt');
  });
});
