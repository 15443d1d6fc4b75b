// `npm run build:kit`: builds the served kit into packages/elements/dist/cdn when its
// sources changed (see ensureKit). Prints `built` or `reused`. `npm start` runs it in a
// child process, so that it builds while the database starts on the other core.
import { ensureKit } from './kit.ts';

const { built } = await ensureKit();
console.log(built ? 'built' : 'reused');
