#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm ci` through the prepare script).
await import('../../dist/apps/node/src/cli/bin.js');
