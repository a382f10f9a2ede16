/**
 * Must be the first import of every browser entry point (page and workers): zod otherwise
 * probes for `new Function` support when schemas are created, which the app's
 * Content-Security-Policy reports as a violation.
 */
import { z } from 'zod';

z.config({ jitless: true });
