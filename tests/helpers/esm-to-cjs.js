/**
 * A jest transform for the few dependencies published as ES modules only (jose): jest's module
 * loader cannot require ESM on Node 20, so their files are rewritten to CommonJS with esbuild.
 * Node itself (npm start, tsx) loads them unchanged.
 */
const { transformSync } = require('esbuild');

module.exports = {
  process(source, filename) {
    const { code, map } = transformSync(source, { format: 'cjs', loader: 'js', target: 'node20', sourcefile: filename, sourcemap: 'external' });
    return { code, map };
  },
};
