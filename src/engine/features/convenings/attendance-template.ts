/**
 * A convening attendance sheet to hand out: one row per person per event (the long layout of
 * `importAttendance`), with the event, its date (YYYY-MM-DD), who came and their email (the email
 * wins when both match someone), and example rows to replace.
 */
export function attendanceTemplateCsv(): string {
  return [
    'event,date,attendee,email',
    'Spring convening,2025-03-22,Maria Lopez,maria.lopez@example.org',
    'Spring convening,2025-03-22,Jin Chen,jin.chen@example.org',
    'Summer workshop,2025-06-14,Maria Lopez,maria.lopez@example.org',
    'Summer workshop,2025-06-14,Bob Smith,bob.smith@example.org',
    '',
  ].join('\n');
}
