// Stops the install and the build on a Node.js older than package.json's "engines" allows (the lock file's
// Vite and rolldown need it), with a message that says what to install, instead of an obscure syntax error.
// Kept to syntax that old Node versions can still run.
import { readFileSync } from 'node:fs'

var manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
var wanted = manifest.engines.node
var minimum = /^>=\s*(\d+)\.(\d+)\.(\d+)/.exec(wanted)
if (!minimum) {
  console.error('web/package.json: engines.node must read ">=X.Y.Z", not "' + wanted + '"')
  process.exit(1)
}

var have = process.versions.node.split('.').map(Number)
var need = minimum.slice(1).map(Number)
for (var i = 0; i < 3; i++) {
  if (have[i] > need[i]) break
  if (have[i] < need[i]) {
    console.error('Outlay\'s web app needs Node.js ' + wanted + ' (found ' + process.versions.node + '). ' +
      'Install Node.js ' + need.join('.') + ' or newer and run the build again.')
    process.exit(1)
  }
}
