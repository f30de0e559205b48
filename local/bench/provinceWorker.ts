// Child process of the province bench: node --expose-gc --import tsx provinceWorker.ts N C RUNS CODE_PATH
import { measureProvinceHere } from './province';

const [communes, criteria, runs] = process.argv.slice(2, 5).map(Number);
console.log(JSON.stringify(measureProvinceHere(communes, criteria, runs, process.argv[5])));
