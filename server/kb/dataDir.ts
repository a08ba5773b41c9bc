import { fileURLToPath } from 'node:url';

/** The repository's `data/` (demo KB, dictionary, synonyms): the server runs from the source tree. */
export const SERVER_DATA_DIR = fileURLToPath(new URL('../../data', import.meta.url));
