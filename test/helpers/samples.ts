/**
 * Where the sample data that tests read lives in the repository, so a fresh clone needs nothing
 * beside it: the coalition sample (data/samples/coalition, also a sample for users) and the classic
 * research networks (test/fixtures/classic, one folder per dataset). Each folder's README.md says
 * where the files came from and which tests use them. Paths are file-system paths ending in "/".
 */
import { fileURLToPath } from 'node:url';

/** data/samples/coalition/: two survey waves, roster, attendance, mentorships, abilities, system map, truth/. */
export const COALITION_DIR = fileURLToPath(new URL('../../data/samples/coalition/', import.meta.url));

/** test/fixtures/classic/: e.g. `${CLASSIC_DIR}davis/attendance.csv`. */
export const CLASSIC_DIR = fileURLToPath(new URL('../fixtures/classic/', import.meta.url));
