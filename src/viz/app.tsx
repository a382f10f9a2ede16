/**
 * The app: one component laying out the top bar, messages, the map with its drawers, the tables
 * and the dialogs, from the one state (./state) and the named actions (./actions). The two sigma
 * maps stay imperative (./map), placed here and driven by the state.
 */
import { useEffect, useMemo } from 'preact/hooks';
import { useComputed } from '@preact/signals';
import type { AppContext } from './actions/context.ts';
import { isDrawing, reanalyse, updateProject } from './actions/analysis.ts';
import { deleteProject, forgetEverything, openDemo, openImported, openProjectFile, openSaved, setPrivateMode } from './actions/projects.ts';
import { exportSuggestions, importAssessment, openImport, programFilesAdded, select, showDetailsTab } from './actions/people.ts';
import { editMap, highlightLoop, redoMapEdit, selectFactor, setMode, showMapTab, systemMapImported, undoMapEdit } from './actions/system-map.ts';
import { runExport } from './actions/run-export.ts';
import { exportCircles, formCircles, saveCircles } from './actions/circles.ts';
import { exportLedger, importLedger, markSuggestion, recordIntroduction, removeIntroduction, saveLadder } from './actions/program.ts';
import { saveNow } from './actions/autosave.ts';
import { EXPORTS, exportAvailable, MAP_PICTURE_RESTRICTED } from './actions/exports.ts';
import { restoreFromKey, setConsent, setSharing } from './actions/sharing.ts';
import { SharingDialog } from './components/sharing-dialog.tsx';
import { ReportDialog } from './components/report-dialog.tsx';
import { PacketsDialog } from './components/packets-dialog.tsx';
import { cancelReport, makeReport, reportSections, saveReport } from './actions/report.ts';
import { makePackets, savePackets } from './actions/packets.ts';
import { sharingRestricts } from '../engine/features/sharing/share.ts';
import { TopBar } from './components/top-bar.tsx';
import { Messages } from './components/messages.tsx';
import { Drawer } from './components/drawer.tsx';
import { DetailsPanel, type DetailsActions } from './components/details-panel.tsx';
import { TablesPanel } from './components/tables-panel.tsx';
import { ProjectsDialog } from './components/projects-dialog.tsx';
import { EmptyStart } from './components/empty-start.tsx';
import { storedSettings } from './state/browser-state.ts';
import { browserEstimate } from './state/project-db.ts';
import { Placed } from './components/imperative.tsx';
import { Modal } from './components/modal.tsx';
import { MatchingPanel } from './components/matching-dialog.tsx';
import { SystemMapMode } from './system-map-mode.tsx';
import { ResultsMode } from './results-mode.tsx';
import type { ResultIntroduction } from '../engine/features/results/people-join.ts';
import { addResultsFiles, addResultsSources, downloadResultsTemplate, exportCurve, removeResults, setStory } from './actions/results.ts';
import { SidePanel } from './components/side-panel.tsx';
import { SharingSettingsSchema, type ProjectSettings } from '../engine/core/model/project.ts';
import { lazyPart } from './components/lazy-part.tsx';
import type { MapView } from './map/map-view.ts';
import type { SystemMapView } from './map/system-map-view.ts';
import type { DrawerId, DrawerState, Mode } from './state/app-state.ts';
import { download } from './dom.ts';
import { DEMO_DESCRIPTION, DEMO_NAME } from './demo.ts';
import { abilitiesTemplateCsv } from '../engine/features/skills/leadership-abilities.ts';
import { readSourceFile } from '../engine/io/workbook-detect.ts';

/** Loaded when first opened: it brings every file reader with it. */
const ImportDialog = lazyPart(() => import('./components/import-dialog.tsx').then((m) => m.ImportDialog));

export interface AppProps {
  ctx: AppContext;
  map: MapView;
  systemMap: SystemMapView;
}

const NO_SHARING = SharingSettingsSchema.parse({});

/** The same empty list each time: a new one would read as files dropped. */
const NO_FILES: File[] = [];
/** Likewise: a new empty list would draw the Weave view again. */
const NO_INTRODUCTIONS: ResultIntroduction[] = [];

const DRAWERS = {
  settings: { label: 'Map settings', edge: 'left', min: 200, max: 420 },
  details: { label: 'Details', edge: 'right', min: 280, max: 640 },
  tables: { label: 'Tables', edge: 'bottom', min: 140, max: 560 },
} as const;

export function App({ ctx, map, systemMap }: AppProps) {
  const { store, engine } = ctx;
  const s = store.signals;
  // What the app itself shows of the project: a layout saved or an introduction marked changes none of it.
  const projectName = useComputed(() => s.project.value?.name ?? '').value;
  const projectId = useComputed(() => s.project.value?.id ?? null).value;
  const hasSystemMap = useComputed(() => Boolean(s.project.value?.systemMap)).value;
  const peopleCount = useComputed(() => s.project.value?.dataset.people.length ?? 0).value;
  const current = useMemo(() => (projectId === null ? null : { id: projectId, name: projectName, people: peopleCount }), [projectId, projectName, peopleCount]);
  const privateMode = s.privateMode.value;
  // No project, and none on its way: the open one was deleted, or everything forgotten.
  const empty = useComputed(() => s.project.value === null && s.status.value.kind !== 'working').value;
  const mode = s.mode.value;
  const dialog = s.dialog.value;
  const drawers = s.drawers.value;

  const drawer = (id: DrawerId) => ({
    id,
    ...DRAWERS[id],
    state: drawers[id],
    change: (state: DrawerState) => store.set({ drawers: { ...store.get().drawers, [id]: state } }),
  });

  const actions = useMemo<DetailsActions>(
    () => ({
      choose: (tab) => showDetailsTab(ctx, tab),
      select: (id) => select(ctx, id),
      reanalyse: (patch) => void reanalyse(ctx, patch),
      weave: { mark: (id, state) => markSuggestion(ctx, id, state), record: (entry) => recordIntroduction(ctx, entry), exportCsv: () => exportSuggestions(ctx) },
      ledger: {
        record: (entry) => recordIntroduction(ctx, entry),
        remove: (index) => removeIntroduction(ctx, index),
        importFile: async (file) => importLedger(ctx, await readSourceFile(file)),
        exportCsv: () => exportLedger(ctx),
      },
      skills: {
        colourBySkill: (skill) => store.set({ colorBy: `skill:${skill}` }),
        importAssessment: () => abilitiesInput.click(),
        downloadTemplate: () => download('leadership-abilities-self-assessment.csv', abilitiesTemplateCsv(), 'text/csv'),
      },
      program: {
        addFiles: () => openImport(ctx),
        openMatching: () => store.set({ dialog: { kind: 'matching' } }),
        compare: (compareFrom, compareTo) => void reanalyse(ctx, { compareFrom, compareTo }),
        circles: {
          form: (request, onProgress) => formCircles(ctx, request, onProgress),
          cancel: () => engine.cancel(),
          save: (circles) => saveCircles(ctx, circles),
          exportCsv: (csv) => exportCircles(ctx, csv),
          readFile: (file) => readSourceFile(file),
          headers: (file) => engine.preview([file]).then((previews) => previews[0]?.csv?.headers ?? []),
        },
        ladder: { save: (rules) => saveLadder(ctx, rules) },
      },
      setConsent: (id, consent) => setConsent(ctx, id, consent),
    }),
    [ctx],
  );
  // Opened by the Skills view's button; never a tab stop of its own.
  const abilitiesInput = useMemo(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.csv,.xlsx';
    input.className = 'visually-hidden';
    input.tabIndex = -1;
    input.setAttribute('aria-hidden', 'true');
    input.setAttribute('aria-label', 'Choose a self-assessment file');
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.value = '';
      if (file) void readSourceFile(file).then((source) => importAssessment(ctx, source));
    });
    return input;
  }, [ctx]);

  // The analysis the map is to draw (not its view, which a layout saved or a mark replaces).
  usePeopleMap(ctx, map, mode, useComputed(() => s.drawn.value.map?.analysis ?? null).value);

  const drawing = useComputed(() => isDrawing(s.view.value, s.drawn.value)).value;
  const people = mode === 'people';
  return (
    <>
      <TopBar
        projectName={projectName}
        mode={mode}
        hasSystemMap={hasSystemMap}
        setMode={(m) => void setMode(ctx, m)}
        openImport={() => openImport(ctx)}
        openProjects={() => store.set({ dialog: { kind: 'projects' } })}
        privateMode={privateMode}
        exports={() => {
          const { project, view } = store.get();
          const restricted = project !== null && sharingRestricts(project.dataset.people, project.sharing);
          return EXPORTS.filter(({ needs }) => needs !== 'restricted' || restricted).map(({ kind, label, needs, sharedLabel }) => ({
            kind,
            label: restricted ? (sharedLabel ?? label) : label,
            available: exportAvailable(needs, project, view?.analysis ?? null, restricted),
            ...(needs === 'shared-as-is' && restricted ? { why: MAP_PICTURE_RESTRICTED } : {}),
          }));
        }}
        runExport={(kind) => void runExport(ctx, kind)}
      />
      <MessagesHost ctx={ctx} />
      {people ? (
        <>
          {/* data-drawing: set while the parts of new results are still being drawn (for scripts and tests). */}
          <main class="workspace" data-drawing={drawing ? 'results' : undefined}>
            {empty ? <EmptyStart privateMode={privateMode} openImport={() => openImport(ctx)} openProjects={() => store.set({ dialog: { kind: 'projects' } })} openDemo={() => void openDemo(ctx)} /> : null}
            <Drawer {...drawer('settings')} scrolls>
              <SettingsHost ctx={ctx} />
            </Drawer>
            <Placed node={map.root} class="map-slot" />
            <Drawer {...drawer('details')} class="panel">
              <DetailsHost ctx={ctx} actions={actions} />
            </Drawer>
          </main>
          <Drawer {...drawer('tables')} tag="section" class="bottom">
            <TablesHost ctx={ctx} map={map} />
          </Drawer>
        </>
      ) : mode === 'results' ? (
        <ResultsMode
          store={store}
          actions={{
            addFiles: (files) => void addResultsFiles(ctx, files),
            downloadTemplate: (kind) => downloadResultsTemplate(ctx, kind),
            remove: () => removeResults(ctx),
            setStory: (indicator, story) => setStory(ctx, indicator, story),
            exportCurve: (indicator) => exportCurve(ctx, indicator),
          }}
        />
      ) : (
        <SystemMapMode
          store={store}
          view={systemMap}
          drawer={drawer}
          actions={{
            choose: (tab) => showMapTab(ctx, tab),
            highlightLoop: (factors) => highlightLoop(ctx, factors),
            selectFactor: (factor) => selectFactor(ctx, factor),
            edit: (operation) => editMap(ctx, operation),
            undo: () => undoMapEdit(ctx),
            redo: () => redoMapEdit(ctx),
          }}
        />
      )}
      <Modal open={dialog?.kind === 'matching'} title="Propose mentor matches" label="Mentor matching" class="import-dialog matching-dialog" close={() => store.set({ dialog: null })}>
        {/* Kept while closed: what was chosen and solved is there when it opens again. */}
        <div class="import-body">
          <MatchingPanel solve={(request) => engine.matchMentors(request)} readFile={(file) => readSourceFile(file)} download={(name, text, type) => download(name, text, type)} />
        </div>
      </Modal>
      <ProjectsDialog
        open={dialog?.kind === 'projects'}
        close={() => store.set({ dialog: null })}
        projects={{
          list: () => ctx.db.list(),
          remove: (id) => deleteProject(ctx, id),
          usage: async () => ({ settings: storedSettings(), estimate: await browserEstimate() }),
          forgetAll: () => forgetEverything(ctx),
          // The open project is renamed in the app too (its next save would undo a rename in storage alone).
          rename: async (id, name) => {
            if (id !== store.get().project?.id) return ctx.db.rename(id, name);
            updateProject(ctx, { name });
            await saveNow(ctx);
          },
        }}
        current={current}
        privateMode={privateMode}
        setPrivate={(on) => void setPrivateMode(ctx, on)}
        openSaved={(id) => void openSaved(ctx, id)}
        openFile={(file) => void openProjectFile(ctx, file)}
        openDemo={() => void openDemo(ctx)}
      />
      <SharingHost ctx={ctx} />
      <ReportHost ctx={ctx} />
      <PacketsHost ctx={ctx} />
      <ImportDialog
        engine={engine}
        open={dialog?.kind === 'import'}
        files={dialog?.kind === 'import' ? dialog.files : NO_FILES}
        onClose={() => store.get().dialog?.kind === 'import' && store.set({ dialog: null })}
        onImported={(result) => void openImported(ctx, result)}
        onBusy={(busy, step, fraction) => store.set({ status: busy ? { kind: 'working', task: busy, step: step || 'reading', fraction: fraction ?? 0, cancellable: true } : { kind: 'idle' } })}
        savedDecisions={() => store.get().project?.survey.decisions ?? []}
        onSystemMap={(systemMapRead, issues) => void systemMapImported(ctx, systemMapRead, issues)}
        onProgramAdded={(dataset, issues) => void programFilesAdded(ctx, dataset, issues)}
        currentDataset={() => store.get().project?.dataset ?? null}
        onAbilities={(file) => void importAssessment(ctx, file)}
        onResults={(files) => void addResultsSources(ctx, files)}
        onKey={(file) => void restoreFromKey(ctx, file)}
        loadFailed={(error) => store.set({ dialog: null, status: { kind: 'error', message: `The import could not start: ${error.message}. Reload the page and try again; your project is unchanged.` } })}
      />
      <Placed node={abilitiesInput} />
    </>
  );
}

/*
 * Each part reads the state it shows itself, so a change (progress, a selection) draws that part
 * again and not the whole app: a progress tick must not redraw the tables and charts.
 */

function MessagesHost({ ctx }: { ctx: AppContext }) {
  const { store, engine } = ctx;
  const s = store.signals;
  return (
    <Messages
      demo={s.isDemo.value && !s.bannerHidden.value ? { name: DEMO_NAME, description: DEMO_DESCRIPTION } : null}
      hideBanner={() => store.set({ bannerHidden: true })}
      openImport={() => openImport(ctx)}
      status={s.status.value}
      notices={s.notices.value}
      imported={s.imported.value}
      cancel={() => engine.cancel()}
      dismissError={() => store.set({ status: { kind: 'idle' } })}
      dismissNotices={() => store.set({ notices: [], imported: null })}
      storageProblem={s.storageProblem.value}
      exportProject={() => void runExport(ctx, 'project-own')}
    />
  );
}

/** The Sharing dialog, drawn from the open project's people and sharing settings. */
function SharingHost({ ctx }: { ctx: AppContext }) {
  const { store } = ctx;
  const open = store.signals.dialog.value?.kind === 'sharing';
  // Read only while open: a layout saved or a mark made does not draw it again when closed.
  const project = open ? store.signals.project.value : null;
  return (
    <SharingDialog
      open={open && project !== null}
      close={() => store.set({ dialog: null })}
      people={project?.dataset.people ?? []}
      sharing={project?.sharing ?? NO_SHARING}
      change={(patch) => setSharing(ctx, patch)}
      restoreKey={async (file) => restoreFromKey(ctx, { name: file.name, text: await file.text() })}
    />
  );
}

/** Export → Report: the report is made in the worker from the open project, as it may be shared. */
function ReportHost({ ctx }: { ctx: AppContext }) {
  const { store } = ctx;
  const open = store.signals.dialog.value?.kind === 'report';
  const project = open ? store.signals.project.value : null;
  // The sections are read once per opening, not on every change while the dialog is up.
  const sections = useMemo(() => (open && project !== null ? reportSections(ctx) : []), [open, project?.id, ctx]);
  return (
    <ReportDialog
      open={open && project !== null}
      projectName={project?.name ?? ''}
      sections={sections}
      make={(choices, onProgress) => makeReport(ctx, choices, onProgress)}
      save={(made) => saveReport(ctx, made)}
      cancel={() => cancelReport(ctx)}
      close={() => store.set({ dialog: null })}
    />
  );
}

/** Export → Member packets: one page per member who agreed to be named, zipped in the worker. */
function PacketsHost({ ctx }: { ctx: AppContext }) {
  const { store } = ctx;
  const open = store.signals.dialog.value?.kind === 'packets';
  const project = open ? store.signals.project.value : null;
  return (
    <PacketsDialog
      open={open && project !== null}
      close={() => store.set({ dialog: null })}
      people={project?.dataset.people ?? []}
      sharing={project?.sharing ?? NO_SHARING}
      make={(note, onProgress) => makePackets(ctx, note, onProgress)}
      save={(made) => savePackets(ctx, made)}
      cancel={() => ctx.engine.cancel()}
    />
  );
}

function SettingsHost({ ctx }: { ctx: AppContext }) {
  const view = useComputed(() => ctx.store.signals.drawn.value.settings).value;
  const actions = useMemo(() => ({ reanalyse: (patch: Partial<ProjectSettings>) => void reanalyse(ctx, patch) }), [ctx]);
  return view ? (
    <div class="side">
      {/* A new project starts with an empty find box and closed sections. */}
      <SidePanel key={view.project.id} vm={view} store={ctx.store} actions={actions} />
    </div>
  ) : null;
}

function DetailsHost({ ctx, actions }: { ctx: AppContext; actions: DetailsActions }) {
  const s = ctx.store.signals;
  const view = useComputed(() => s.drawn.value.details).value;
  const resultIntroductions = useComputed(() => s.results.value.report?.results.flatMap((r) => r.introductions) ?? NO_INTRODUCTIONS).value;
  return view ? <DetailsPanel view={view} tab={s.detailsTab.value} selected={s.selected.value} program={s.program.value} resultIntroductions={resultIntroductions} actions={actions} /> : null;
}

function TablesHost({ ctx, map }: { ctx: AppContext; map: MapView }) {
  const { store } = ctx;
  const s = store.signals;
  const view = useComputed(() => s.drawn.value.tables).value;
  if (!view) return null;
  return (
    <TablesPanel
      view={view}
      tab={s.tableTab.value}
      choose={(tab) => store.set({ tableTab: tab })}
      selected={s.selected.value}
      filters={s.filters.value}
      pickPerson={(id) => select(ctx, id)}
      pickGroup={(group) => store.set({ filters: { ...store.get().filters, range: { metric: 'community', min: group, max: group } } })}
      peopleOrder={(ids) => map.setPeopleOrder(ids)}
    />
  );
}

/** The people map draws the analysis it is given, once per analysis, and again after the system map. */
function usePeopleMap(ctx: AppContext, map: MapView, mode: Mode, analysis: object | null): void {
  const shown = useMemo(() => ({ analysis: null as object | null }), [map]);
  useEffect(() => {
    if (mode !== 'people') {
      map.hide();
      shown.analysis = null;
      return;
    }
    const view = ctx.store.get().drawn.map;
    if (view === null && shown.analysis !== null) {
      // The project was closed: nothing of it stays on the map.
      map.hide();
      shown.analysis = null;
    } else if (view && view.analysis !== shown.analysis) {
      shown.analysis = view.analysis;
      void map.show(view);
    }
  }, [map, mode, analysis]);
}
