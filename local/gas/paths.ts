// The repository root, found from this file under both jest (CommonJS) and tsx (ES modules).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = typeof __dirname !== 'undefined' ? __dirname : dirname(fileURLToPath(import.meta.url));

export const REPO_ROOT = resolve(here, '..', '..');
