'use strict';
/*
 * Stops an npm script at once, in one plain line, when this Node.js is older than the project needs.
 *
 * Every script in package.json runs this first: `node -r ./scripts/require-node.cjs scripts/x.ts` loads
 * it before the TypeScript file (which an old Node cannot even read), and `node scripts/require-node.cjs
 * && astro …` runs it before a tool that would fail with a stack trace of its own. So it is CommonJS
 * written in old JavaScript on purpose: it must run, and say why, on the Node it turns away.
 *
 * The version needed comes from package.json's engines.node (">=24.2.0": import.meta.main arrived in
 * 24.2); the version to install comes from .nvmrc, which `nvm use` and `fnm use` read.
 */
var fs = require('fs');
var path = require('path');

var ROOT = path.join(__dirname, '..');

/** [major, minor, patch] of "v24.2.0" or "24.2", or null when it is not a version. */
function parseVersion(text) {
  var match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(String(text).trim());
  if (!match) return null;
  return [Number(match[1]), Number(match[2] || 0), Number(match[3] || 0)];
}

/** The lowest version an engines range of the form ">=24.2.0" allows; anything else is refused. */
function lowestAllowed(range) {
  var match = /^>=\s*(v?\d+(?:\.\d+){0,2})$/.exec(String(range).trim());
  var version = match && parseVersion(match[1]);
  if (!version) throw new Error('package.json engines.node must be of the form ">=24.2.0"; it is "' + range + '".');
  return version;
}

function atLeast(found, needed) {
  for (var index = 0; index < 3; index++) {
    if (found[index] !== needed[index]) return found[index] > needed[index];
  }
  return true;
}

/** The one line to print when `found` (e.g. "20.20.2") is older than `range` allows, or null when it is not. */
function nodeVersionProblem(found, range, suggested) {
  var needed = lowestAllowed(range);
  var version = parseVersion(found);
  if (version && atLeast(version, needed)) return null;
  return (
    'Council Commons needs Node.js ' +
    needed.join('.') +
    ' or newer, and this is Node.js ' +
    found +
    '. ' +
    'Switch with "nvm use" (it reads .nvmrc) or install Node.js ' +
    suggested +
    ' from https://nodejs.org/, then run the command again.'
  );
}

function readProject() {
  var pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  var suggested = '24';
  try {
    suggested = fs.readFileSync(path.join(ROOT, '.nvmrc'), 'utf8').trim() || suggested;
  } catch (error) {
    // No .nvmrc: suggest the major version engines.node names.
    suggested = String(lowestAllowed(pkg.engines.node)[0]);
  }
  return { range: pkg.engines.node, suggested: suggested };
}

module.exports = { nodeVersionProblem: nodeVersionProblem, parseVersion: parseVersion };

var project = readProject();
var problem = nodeVersionProblem(process.versions.node, project.range, project.suggested);
if (problem) {
  process.stderr.write(problem + '\n');
  process.exit(2);
}

// The Node this project needs keeps the compiled code of the modules a script loads, in the system's
// temporary folder, so that the next run of a script starts sooner: about 0.3 s of npm run validate's
// 2.7 s at 25,000 records, and as much of every pull request's check.
var nodeModule = require('module');
if (typeof nodeModule.enableCompileCache === 'function') nodeModule.enableCompileCache();
