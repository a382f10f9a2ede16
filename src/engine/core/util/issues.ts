/**
 * Problems found in user input. Every import reports them as values, never as stack traces, and
 * each names the file, and where it can the row (1-based, as a spreadsheet shows it) and field.
 */
export type IssueLevel = 'error' | 'warning';

export interface InputIssue {
  level: IssueLevel;
  /** A stable machine-readable code, e.g. `self-loop`, `duplicate-edge`, `bad-weight`. */
  code: string;
  /** What went wrong, in words a user can act on. Does not repeat file/row/field. */
  message: string;
  file?: string;
  /** 1-based line number in the file as a spreadsheet or editor shows it (header is row 1). */
  row?: number;
  field?: string;
}

/** Renders an issue as one line: `people.csv, row 4, field "weight": not a number ("abc")`. */
export function formatIssue(issue: InputIssue): string {
  const where = [
    issue.file,
    issue.row !== undefined ? `row ${issue.row}` : undefined,
    issue.field !== undefined ? `field "${issue.field}"` : undefined,
  ].filter((part): part is string => part !== undefined);
  return where.length > 0 ? `${where.join(', ')}: ${issue.message}` : issue.message;
}

/** The error thrown when input cannot be used at all; carries every issue found. */
export class InputError extends Error {
  readonly issues: InputIssue[];
  constructor(issues: InputIssue[]) {
    const errors = issues.filter((i) => i.level === 'error');
    const shown = (errors.length > 0 ? errors : issues).slice(0, 5).map(formatIssue);
    const more = errors.length > 5 ? `\n(and ${errors.length - 5} more errors)` : '';
    super(shown.join('\n') + more);
    this.name = 'InputError';
    this.issues = issues;
  }
}

/** Collects issues while a parser walks a file. */
export class IssueLog {
  readonly issues: InputIssue[] = [];
  constructor(readonly file: string) {}

  error(code: string, message: string, at: { row?: number; field?: string } = {}): void {
    this.issues.push({ level: 'error', code, message, file: this.file, ...at });
  }

  warn(code: string, message: string, at: { row?: number; field?: string } = {}): void {
    this.issues.push({ level: 'warning', code, message, file: this.file, ...at });
  }

  get hasErrors(): boolean {
    return this.issues.some((i) => i.level === 'error');
  }
}
