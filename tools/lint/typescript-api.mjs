// typescript-eslint needs TypeScript's JavaScript API, which TypeScript 7 (the project's compiler, a
// native binary) no longer ships. The API comes from `typescript-api`, an alias of the last
// TypeScript with one (package.json), and this points every `require('typescript')` (and its subpaths) of a package in
// ESLint's process (typescript-eslint, ts-api-utils) at it. Imported by eslint.config.js before
// typescript-eslint is.
import Module from 'node:module';

const resolve = Module._resolveFilename;
Module._resolveFilename = function resolveTypescriptApi(request, parent, ...rest) {
  const fromPackage = (parent?.filename ?? '').includes('/node_modules/');
  const typescript = request === 'typescript' || request.startsWith('typescript/');
  return resolve.call(this, fromPackage && typescript ? `typescript-api${request.slice('typescript'.length)}` : request, parent, ...rest);
};
