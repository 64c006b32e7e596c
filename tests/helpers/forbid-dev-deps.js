// Preloaded (`node --require`) into the compiled service by tests/integration/compiled.int.test.ts:
// any require of a package that package.json lists under devDependencies (tsx, typescript, ...)
// fails, as it would where only the production dependencies are installed.
const Module = require('node:module');
const { devDependencies } = require('../../package.json');

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const name = request.startsWith('@') ? request.split('/').slice(0, 2).join('/') : request.split('/')[0];
  if (Object.hasOwn(devDependencies, name)) throw new Error(`the compiled service required ${request}, a dev dependency`);
  return resolve.call(this, request, ...rest);
};
