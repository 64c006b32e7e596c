/**
 * A jest runner that runs the reliability files beside the others instead of after them: when jest
 * runs in band (npm test passes --runInBand), the reliability project's files run one at a time in
 * a worker process of their own while every other file runs one at a time in jest's process, as
 * before. Each side still runs its files serially, so no two files share a database at the same
 * time (the scratch Neo4j is taken by one file at a time; a file that finds it taken starts a
 * Neo4j of its own, see scale-graph.ts). The reliability files spend most of their time waiting
 * on processes they start, stop and kill, and on pauses, which now overlap the rest of the run.
 *
 * Under RELIABILITY=full (npm run test:reliability) everything runs one file at a time, so the
 * figures the long runs print are not measured beside other tests.
 */
const { default: TestRunner } = require('jest-runner');

const APART = 'reliability';

class LanesRunner {
  supportsEventEmitters = true;

  constructor(globalConfig, context, options) {
    this.inBand = new TestRunner(globalConfig, context, options);
    this.apart = new TestRunner({ ...globalConfig, maxWorkers: 1 }, context, options);
  }

  on(eventName, listener) {
    const off = [this.inBand.on(eventName, listener), this.apart.on(eventName, listener)];
    return () => off.forEach((unsubscribe) => unsubscribe());
  }

  async runTests(tests, watcher, options) {
    const apart = tests.filter((test) => test.context.config.displayName?.name === APART);
    const rest = tests.filter((test) => !apart.includes(test));
    if (!options.serial || process.env.RELIABILITY === 'full' || !apart.length || !rest.length) {
      return this.inBand.runTests(tests, watcher, options);
    }
    await Promise.all([this.apart.runTests(apart, watcher, { ...options, serial: false }), this.inBand.runTests(rest, watcher, options)]);
  }
}

module.exports = LanesRunner;
