/**
 * The `.netweave.json` project file: one versioned, tagged JSON document holding the dataset,
 * settings and layout. Reading it back validates everything with zod; problems come back as
 * issues naming the file and the field, and nothing half-read is ever returned. A file sound in
 * shape is then checked for contradictions (`repairProject`), mended where that is certain, with
 * a warning for each kind of mending.
 */
import { ProjectSchema, PROJECT_VERSION, type Project } from '../core/model/project.ts';
import { fail as failed, ok, type Result } from '../core/util/result.ts';
import { repairProject } from './project-consistency.ts';

export type ProjectReadResult = Result<Project>;

export function serializeProject(project: Project): string {
  return JSON.stringify(project);
}

export function parseProjectFile(text: string, file: string): ProjectReadResult {
  const fail = (code: string, message: string, field?: string): ProjectReadResult => failed([{ level: 'error', code, message, file, ...(field ? { field } : {}) }]);
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail('bad-json', `this is not valid JSON (${(error as Error).message}).`);
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== 'netweave-project') {
    return fail('not-a-project', 'this is not a netweave project file (it has no "format": "netweave-project").', 'format');
  }
  const version = (data as { version?: unknown }).version;
  if (typeof version !== 'number') return fail('no-version', 'the project file has no version number.', 'version');
  if (version > PROJECT_VERSION) {
    return fail('newer-version', `this project was saved by a newer version of netweave (file version ${version}, this app reads up to ${PROJECT_VERSION}). Update netweave to open it.`, 'version');
  }
  if (version < PROJECT_VERSION) {
    return fail('old-version', `project file version ${version} is not supported.`, 'version');
  }
  const parsed = ProjectSchema.safeParse(data);
  if (!parsed.success) {
    return failed(
      parsed.error.issues.slice(0, 20).map((issue) => ({
        level: 'error' as const,
        code: 'invalid-project',
        message: issue.message,
        file,
        field: issue.path.join('.'),
      })),
    );
  }
  // Sound in shape but possibly contradicting itself (hand-edited, another tool): mended and said.
  const repaired = repairProject(parsed.data, file);
  return ok(repaired.project, repaired.notes);
}
