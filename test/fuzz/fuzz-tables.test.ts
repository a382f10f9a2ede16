/** Fuzzing workbooks, surveys, program files, self-assessments, system maps and Network Canvas exports (see suite.ts). */
import { fuzzReaders } from './suite.ts';

fuzzReaders(['xlsx-edges', 'xlsx-table', 'survey', 'attendance', 'mentorships', 'abilities', 'map-links', 'map-factors', 'map-actors', 'map-kumu', 'map-graphml', 'network-canvas', 'network-canvas-graphml']);
