#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx ringfence` works straight after `npm install`.
import { register } from 'tsx/esm/api';

register();
// A reader that stops early (`ringfence scan … | head`) is not an error: stop quietly, as other tools do.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
