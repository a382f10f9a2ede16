/**
 * netweave's own saved dataset (JSON, `format: "netweave-dataset"`, versioned): parsed, migrated
 * from older versions and validated with DatasetSchema.
 */
import { DATASET_VERSION, DatasetSchema } from '../core/model/dataset.ts';
import { IssueLog } from '../core/util/issues.ts';
import type { InputIssue } from '../core/util/issues.ts';
import { resultOf, type Result } from '../core/util/result.ts';
import { locateJsonError } from './json-locate.ts';
import { mergeTies } from './merge-ties.ts';
import { migrateDataset } from './migrations.ts';
import type { RawDataset } from './migrations.ts';
import { emptyPart } from './types.ts';
import type { ImportPart } from './types.ts';
import { zodIssuesToInputIssues } from '../core/util/zod-issues.ts';
import { appendAll } from '../core/util/append-all.ts';

export interface DatasetJsonOptions {
  /** File name used in issues. */
  file: string;
}

/** Reads a saved dataset. Never throws: problems come back as the result's issues. */
export function parseDatasetJson(text: string, options: DatasetJsonOptions): Result<ImportPart> {
  const part = emptyPart(options.file);
  const issues: InputIssue[] = [];
  const log = new IssueLog(options.file);
  const done = (): Result<ImportPart> => {
    appendAll(issues, log.issues);
    return resultOf(part, issues);
  };
  const content = text.replace(/^\uFEFF/, '');
  if (content.trim() === '') {
    log.error('empty-file', 'the file is empty');
    return done();
  }
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch {
    const where = locateJsonError(content);
    if (where === undefined) log.error('not-json', 'the file is not valid JSON');
    else {
      log.error('not-json', `the file is not valid JSON: ${where.message} (line ${where.line}, column ${where.column})`, {
        row: where.line,
      });
    }
    return done();
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    log.error('wrong-format', 'this JSON file is not a netweave dataset: it should hold one object ({ ... })');
    return done();
  }
  const data = raw as RawDataset;
  if (data.format !== undefined && data.format !== 'netweave-dataset') {
    log.error('wrong-format', `this JSON file is not a netweave dataset (its format is ${JSON.stringify(data.format)})`, {
      field: 'format',
    });
    return done();
  }
  const version = data.version;
  if (version === undefined) {
    log.error('missing-version', 'the file has no version number, so it is not a netweave dataset or it is damaged', {
      field: 'version',
    });
    return done();
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    log.error('bad-version', `the version should be a whole number, not ${JSON.stringify(version)}`, { field: 'version' });
    return done();
  }
  if (version > DATASET_VERSION) {
    log.error(
      'newer-version',
      `the file was made by a newer version of netweave (dataset version ${version}; this one reads up to version ${DATASET_VERSION}); update netweave to open it`,
      { field: 'version' },
    );
    return done();
  }
  let current = data;
  if (version < DATASET_VERSION) {
    const migrated = migrateDataset(data, version);
    if (migrated === undefined) {
      log.error('bad-version', `dataset version ${version} was never written by netweave, so it cannot be converted`, {
        field: 'version',
      });
      return done();
    }
    current = migrated.data;
    log.warn(
      'old-version',
      `the file was made by an older version of netweave (dataset version ${version}) and was converted to version ${DATASET_VERSION}; save it again to keep the new format`,
      { field: 'version' },
    );
  }
  const parsed = DatasetSchema.safeParse(current);
  if (!parsed.success) {
    appendAll(issues, log.issues, zodIssuesToInputIssues(parsed.error.issues, current, options.file));
    return resultOf(part, issues);
  }
  const dataset = parsed.data;
  const merged = mergeTies(
    dataset.ties.map((tie, index) => ({
      tie,
      origin: {
        file: options.file,
        path: `ties.${index}`,
        sourceField: `ties.${index}.source`,
        targetField: `ties.${index}.target`,
      },
    })),
  );
  part.name = dataset.name;
  if (dataset.description !== undefined) part.description = dataset.description;
  part.people = dataset.people;
  part.ties = merged.ties;
  part.tieOrigins = merged.origins;
  part.relations = dataset.relations;
  part.attendance = dataset.attendance;
  part.mentorships = dataset.mentorships;
  appendAll(issues, log.issues, merged.issues);
  return resultOf(part, issues);
}
