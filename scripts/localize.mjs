#!/usr/bin/env node
// Runs `lit-localize extract` or `build` for every front-end's lit-localize.json.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const command = process.argv[2];
if (command !== 'extract' && command !== 'build') {
  console.error('usage: node scripts/localize.mjs extract|build');
  process.exit(2);
}
const configs = ['kiosk-ui/lit-localize.json', 'display-ui/lit-localize.json', 'manager-ui/lit-localize.json', 'manager-ui/src/admin/lit-localize.json'];
for (const config of configs.filter((c) => existsSync(c))) {
  console.log(`lit-localize ${command} --config ${config}`);
  execFileSync('npx', ['lit-localize', command, '--config', config], { stdio: 'inherit' });
}
