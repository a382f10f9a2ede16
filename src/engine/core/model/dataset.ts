/**
 * A dataset: one set of people with several relation layers over them, plus attendance and
 * mentorship records. This is what imports produce and what graphs are built from.
 */
import { z } from 'zod';
import {
  AttendanceSchema,
  MentorshipSchema,
  PersonSchema,
  RelationSchema,
  TieSchema,
} from './records.ts';

export const DATASET_VERSION = 1 as const;

export const DatasetSchema = z.object({
  format: z.literal('netweave-dataset').default('netweave-dataset'),
  version: z.literal(DATASET_VERSION),
  name: z.string().default('Untitled network'),
  description: z.string().optional(),
  people: z.array(PersonSchema),
  relations: z.array(RelationSchema).default([]),
  ties: z.array(TieSchema).default([]),
  attendance: z.array(AttendanceSchema).default([]),
  mentorships: z.array(MentorshipSchema).default([]),
});
export type Dataset = z.infer<typeof DatasetSchema>;
export type DatasetInput = z.input<typeof DatasetSchema>;

/** An empty dataset, the neutral element for merging imports. */
export function emptyDataset(name = 'Untitled network'): Dataset {
  return {
    format: 'netweave-dataset',
    version: DATASET_VERSION,
    name,
    people: [],
    relations: [],
    ties: [],
    attendance: [],
    mentorships: [],
  };
}
