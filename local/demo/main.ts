// npm run demo -- [--input FILE.csv|FILE.xlsx] [--out DIR] [--today dd/mm/yyyy|YYYY-MM-DD] [--settings FILE.json]
//              -- --province DIR [--out DIR] [--today …] [--settings FILE.json]
// (local/demo/command.ts reads the options; every failure is one Vietnamese line, exit 2 or 1.)
import { exitWith } from '../cli/main';
import { demoCommand } from './command';

exitWith(() => demoCommand(process.argv.slice(2)));
