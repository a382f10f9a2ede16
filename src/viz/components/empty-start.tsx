/**
 * What the map's place shows when no project is open (the open one was deleted, or everything
 * forgotten): where to start, in plain words.
 */
export interface EmptyStartProps {
  openImport: () => void;
  openProjects: () => void;
  openDemo: () => void;
  privateMode: boolean;
}

export function EmptyStart({ openImport, openProjects, openDemo, privateMode }: EmptyStartProps) {
  return (
    <section class="empty-start" aria-labelledby="empty-start-title">
      <h2 id="empty-start-title">No project is open</h2>
      <p>Import your own data (a list of ties, a survey export, a network file), open a project kept in this browser or a project file, or look around the demo.</p>
      {privateMode ? <p class="muted">Private mode is on: nothing you open is saved in this browser.</p> : null}
      <div class="empty-start-actions">
        <button type="button" class="primary" onClick={openImport}>
          Import data
        </button>
        <button type="button" onClick={openProjects}>
          Projects
        </button>
        <button type="button" onClick={openDemo}>
          Open the demo
        </button>
      </div>
    </section>
  );
}
