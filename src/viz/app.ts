/**
 * The app shell: wires the store, the analysis worker, persistence and the panels together.
 * State and side effects live here; panels only render what they are given.
 */
import { el, replace, download, tablistKeys } from './dom.ts';
import { createDrawer, type Drawer } from './drawer.ts';
import { importSummaryLines, type ImportSummary } from './format/import-summary.ts';
import { EXPORTS, exportAvailable, exportFiles, fileSafe, introductionsFile, type DownloadFile, type ExportKind } from './actions/exports.ts';
import { createAppStore, type AppState } from './state/app-state.ts';
import { createViewModel, type ViewModel } from './state/view-model.ts';
import { ProjectDb } from './state/project-db.ts';
import { MapView } from './map/map-view.ts';
import { renderSummary } from './panels/summary-panel.ts';
import { renderProfile } from './panels/profile-panel.ts';
import { renderBrokers, renderEquity, renderPeriphery, renderWeaving } from './panels/insight-lists.ts';
import { renderSkills } from './panels/skills-panel.ts';
import { renderProgram } from './panels/program-panel.ts';
import { MatchingDialog } from './panels/matching-dialog.ts';
import { abilitiesTemplateCsv } from '../engine/features/skills/leadership-abilities.ts';
import { SystemMapView, type SystemMapSelection } from './map/system-map-view.ts';
import { renderActors, renderEditor, renderLeverage, renderLoops, type SystemMapPanelActions } from './panels/systemmap-panels.ts';
import { VirtualTable } from './panels/virtual-table.ts';
import { formatNumber } from './state/view-model.ts';
import type { SystemMap } from '../engine/core/model/systemmap.ts';
import type { SystemMapReport } from '../engine/features/systemmap/analyze-systemmap.ts';
import { createEditorState, edit, redo, redoLabel, undo, undoLabel, type EditorResult, type EditorState } from '../engine/features/systemmap/edit-history.ts';
import { renderSidePanel } from './panels/side-panel.ts';
import { createGroupTable, createPeopleTable } from './panels/tables.ts';
import { ImportDialog, type ImportDone } from './panels/import-dialog.ts';
import { ProjectsDialog } from './panels/projects-dialog.ts';
import { EngineClient, CancelledByUser } from '../workers/engine-client.ts';
import { yieldToPage } from '../workers/yield-to-page.ts';
import type { Project, ProjectSettings } from '../engine/core/model/project.ts';
import { parseProjectFile } from '../engine/project/project-file.ts';
import { projectAnalysisOptions } from '../engine/project/project-analysis.ts';
import { defaultRelations, newProject, newProjectId, relationNames } from '../engine/project/new-project.ts';
import { formatIssue, type InputIssue } from '../engine/core/util/issues.ts';
import { readSourceFile } from '../engine/io/workbook-detect.ts';
import type { SourceFile } from '../engine/io/types.ts';
import { loadDemoFiles, DEMO_DESCRIPTION, DEMO_NAME } from './demo.ts';

type PanelTab = 'summary' | 'person' | 'periphery' | 'brokers' | 'equity' | 'weaving' | 'skills' | 'program';
type MapTab = 'loops' | 'leverage' | 'actors' | 'edit';

const MAP_TABS: Array<[MapTab, string]> = [
  ['loops', 'Loops'],
  ['leverage', 'Leverage'],
  ['actors', 'Who works where'],
  ['edit', 'Edit'],
];

const PANEL_TABS: Array<[PanelTab, string]> = [
  ['summary', 'Network'],
  ['person', 'Person'],
  ['periphery', 'Edge'],
  ['brokers', 'Brokers'],
  ['equity', 'Equity'],
  ['weaving', 'Weave'],
  ['skills', 'Skills'],
  ['program', 'Program'],
];

export class App {
  private store = createAppStore();
  private engine = new EngineClient();
  private db = new ProjectDb();
  private map: MapView;
  private importDialog: ImportDialog;
  private projectsDialog: ProjectsDialog;
  private vm: ViewModel | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private saveDue = 0;
  /** Counts show() calls, so the parts of an older one still to be drawn are dropped. */
  private shown = 0;
  private peopleTable: VirtualTable | null = null;

  private el = {
    projectName: el('button', { class: 'project-name', title: 'Projects' }),
    banner: el('div', { class: 'banner', hidden: true }),
    status: el('div', { class: 'status', role: 'status', aria: { live: 'polite' } }),
    side: el('div', { class: 'side' }),
    // Scrollable regions take focus, so keyboard users can scroll them.
    panelBody: el('div', { class: 'panel-body', tabindex: 0, role: 'region', aria: { label: 'Selected view' } }),
    tabs: tablistKeys(el('div', { class: 'tabs', role: 'tablist', aria: { label: 'Views' } })),
    tableHost: el('div', { class: 'table-host' }),
    tableTabs: tablistKeys(el('div', { class: 'tabs', role: 'tablist', aria: { label: 'Tables' } })),
    exportMenu: el('div', { class: 'menu', hidden: true, role: 'menu' }),
  };
  private panelTab: PanelTab = 'summary';
  private mode: 'people' | 'systemmap' = 'people';
  private systemMapView: SystemMapView;
  private mapReport: SystemMapReport | null = null;
  private mapEditor: EditorState | null = null;
  private mapSelection: SystemMapSelection = { factor: null, loop: null };
  private mapTab: MapTab = 'loops';
  private activeLoop: string | null = null;
  private modeSwitch = tablistKeys(el('div', { class: 'mode-switch', role: 'tablist', aria: { label: 'What to show' }, hidden: true }));
  /** Map settings (left), the selected view (right) and the tables (bottom): drawers that fold away and resize. */
  private drawers: { side: Drawer; panel: Drawer; tables: Drawer } | null = null;
  private workspace = el('main', { class: 'workspace' });
  private tableTab: 'people' | 'groups' = 'people';

  constructor(private root: HTMLElement) {
    this.map = new MapView(this.store, (positions, projectId) => {
      // Positions of a map still arranging another project's people are not this project's.
      if (this.store.get().project?.id === projectId) this.updateProject({ layout: positions });
    });
    this.importDialog = new ImportDialog(
      this.engine,
      (result) => void this.onImported(result),
      (busy, step, fraction) => this.store.set({ status: busy ? { kind: 'working', task: busy, step: step || 'reading', fraction: fraction ?? 0, cancellable: true } : { kind: 'idle' } }),
      () => this.store.get().project?.survey.decisions ?? [],
      (map, issues) => void this.onSystemMapImported(map, issues),
      (dataset, issues) => {
        const project = this.store.get().project;
        if (!project) return;
        this.store.set({ notices: issues.filter((i) => i.level === 'warning') });
        void this.reanalyseProject({ ...project, dataset, settings: { ...project.settings, relations: defaultRelations(dataset) } });
      },
      () => this.store.get().project?.dataset ?? null,
      (file) => void this.importAssessment(file),
    );
    this.systemMapView = new SystemMapView(
      (factor) => {
        this.mapSelection = { factor, loop: null };
        this.systemMapView.select(this.mapSelection);
        if (factor) this.mapTab = 'edit';
        this.renderMapPanels();
      },
      (positions) => this.updateProject({ systemMapLayout: positions }),
    );
    this.projectsDialog = new ProjectsDialog(this.db, {
      open: (id) => void this.openSaved(id),
      openFile: (file) => void this.openProjectFile(file),
      openDemo: () => void this.openDemo(),
      currentId: () => this.store.get().project?.id ?? null,
    });
    this.store.subscribe((state, previous) => this.onState(state, previous));
  }

  async start(): Promise<void> {
    this.layout();
    try {
      const saved = await this.db.current();
      if (saved) {
        await this.openProject(saved, false);
        return;
      }
    } catch {
      // IndexedDB can be unavailable (private windows): fall through to the demo.
    }
    await this.openDemo();
  }

  // ----- layout -------------------------------------------------------------------------------

  private layout(): void {
    const exportButton = el('button', { aria: { haspopup: 'menu', expanded: 'false' } }, 'Export ▾');
    const closeMenu = (): void => {
      this.el.exportMenu.hidden = true;
      exportButton.setAttribute('aria-expanded', 'false');
    };
    // Built when opened: what can be exported depends on the project (no system map, nothing to save).
    const openMenu = (): void => {
      replace(
        this.el.exportMenu,
        ...EXPORTS.map(({ kind, label, needs }) => {
          const available = exportAvailable(needs, this.store.get().project, this.vm?.analysis ?? null);
          return el('button', { role: 'menuitem', disabled: !available, title: available ? undefined : 'Nothing to export yet', on: { click: () => { closeMenu(); this.runExport(kind); } } }, label);
        }),
      );
      this.el.exportMenu.hidden = false;
      exportButton.setAttribute('aria-expanded', 'true');
      this.el.exportMenu.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    };
    exportButton.addEventListener('click', () => (this.el.exportMenu.hidden ? openMenu() : closeMenu()));
    this.el.exportMenu.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        closeMenu();
        exportButton.focus();
      }
    });
    this.el.projectName.addEventListener('click', () => void this.projectsDialog.open());
    const header = el(
      'header',
      { class: 'topbar' },
      el('h1', { class: 'brand' }, 'netweave'),
      this.el.projectName,
      this.modeSwitch,
      el('div', { class: 'spacer' }),
      el('button', { class: 'primary import-button', on: { click: () => this.openImport() } }, 'Import data'),
      el('div', { class: 'menu-wrap' }, exportButton, this.el.exportMenu),
      el('button', { on: { click: () => void this.projectsDialog.open() } }, 'Projects'),
    );
    const side = createDrawer('aside', [this.el.side], { id: 'settings', label: 'Map settings', edge: 'left', size: 260, min: 200, max: 420, open: false });
    const panel = createDrawer('aside', [this.el.tabs, this.el.panelBody], { id: 'details', label: 'Details', edge: 'right', size: 380, min: 280, max: 640, open: true });
    panel.root.classList.add('panel');
    // Closed at first: the map gets the room (at 1366x768 an open table leaves it under half the window).
    const tables = createDrawer('section', [this.el.tableTabs, this.el.tableHost], { id: 'tables', label: 'Tables', edge: 'bottom', size: 240, min: 140, max: 560, open: false });
    tables.root.classList.add('bottom');
    this.drawers = { side, panel, tables };
    this.panel = panel.root;
    replace(this.workspace, side.root, this.map.root, panel.root);
    const messages = el('div', { class: 'messages', role: 'region', aria: { label: 'Messages' } }, this.el.banner, this.el.status);
    replace(this.root, header, messages, this.workspace, tables.root, this.matchingDialog.root, this.abilitiesInput, this.importDialog.root, this.projectsDialog.root);
    // Drop files anywhere to import them.
    document.addEventListener('dragover', (e) => e.preventDefault());
    document.addEventListener('drop', (e) => {
      e.preventDefault();
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length > 0) this.openImport(files);
    });
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.store.get().selected) this.store.set({ selected: null });
    });
    this.renderStatus();
  }

  private panel: HTMLElement | null = null;
  private matchingDialog = new MatchingDialog(this.engine);
  private abilitiesInput = (() => {
    // Opened by the Skills panel's button; never a tab stop of its own.
    const input = el('input', { type: 'file', class: 'visually-hidden', tabindex: -1, aria: { hidden: 'true', label: 'Choose a self-assessment file' } });
    input.accept = '.csv,.xlsx';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.value = '';
      if (file) void readSourceFile(file).then((source) => this.importAssessment(source));
    });
    return input;
  })();

  /** A self-assessment joins the open project; a failed read leaves it as it was. */
  private async importAssessment(source: SourceFile): Promise<void> {
    const project = this.store.get().project;
    if (!project) return;
    const result = await this.engine.importAbilities(source);
    if (result.ok && result.value.matches.length === 0) {
      this.store.set({ status: { kind: 'error', message: `No row of ${source.name} names someone in this network: is it the assessment for this group? Your project is unchanged.` } });
      return;
    }
    if (!result.ok) {
      this.store.set({ status: { kind: 'error', message: `${source.name} could not be used; your project is unchanged.`, issues: result.issues } });
      return;
    }
    const { assessment, unmatched: rows } = result.value;
    const unmatched = rows.length > 0 ? [{ level: 'warning' as const, code: 'abilities-unmatched', message: `${rows.length} rows of ${source.name} name no one in this network (${rows.slice(0, 5).map((u) => u.written).join(', ')}).` }] : [];
    this.store.set({ notices: [...result.issues, ...unmatched] });
    await this.reanalyseProject({ ...project, abilities: assessment });
  }

  /** Import needs room for previews and column choices: on a phone the app is a viewer. */
  private openImport(files?: File[]): void {
    if (window.matchMedia('(max-width: 600px)').matches) {
      this.store.set({ notices: [{ level: 'warning', code: 'small-screen', message: 'Importing files needs a larger screen: open netweave on a computer or tablet to add your data. On a phone you can read the map and the lists.' }] });
      return;
    }
    this.importDialog.open(files);
  }

  // ----- system map mode ----------------------------------------------------------------------

  private renderModeSwitch(): void {
    const project = this.store.get().project;
    this.modeSwitch.hidden = !project?.systemMap;
    const button = (mode: 'people' | 'systemmap', label: string) =>
      el('button', { role: 'tab', tabindex: this.mode === mode ? 0 : -1, class: this.mode === mode ? 'active' : '', aria: { selected: String(this.mode === mode) }, on: { click: () => void this.setMode(mode) } }, label);
    replace(this.modeSwitch, button('people', 'People network'), button('systemmap', 'System map'));
  }

  private async setMode(mode: 'people' | 'systemmap'): Promise<void> {
    this.mode = mode;
    this.renderModeSwitch();
    if (mode === 'people') {
      this.systemMapView.kill();
      replace(this.workspace, this.drawers!.side.root, this.map.root, this.panel!);
      if (this.vm) {
        void this.map.show(this.vm);
        // Leaving for the system map can stop show() before it drew the side panel.
        renderSidePanel(this.el.side, this.vm, this.store, { reanalyse: (s) => void this.reanalyse(s) });
      }
      this.renderPanel();
      this.renderTables();
      return;
    }
    const project = this.store.get().project;
    if (!project?.systemMap) return;
    this.map.hide();
    replace(this.workspace, this.drawers!.side.root, this.systemMapView.root, this.panel!);
    // The map's summary and how to use it live in the left drawer.
    this.drawers!.side.setOpen(true);
    if (!this.mapEditor || this.mapEditor.map !== project.systemMap) this.mapEditor = createEditorState(project.systemMap);
    await this.analyseMap(project.systemMap);
  }

  private async analyseMap(map: SystemMap): Promise<void> {
    const project = this.store.get().project;
    try {
      this.setWorking('Finding feedback loops', 'analysing the map', true);
      this.mapReport = await this.engine.analyzeSystemMap(map, project?.dataset);
      this.store.set({ status: { kind: 'idle' } });
    } catch (error) {
      this.store.set({ status: { kind: 'error', message: `The system map could not be analysed: ${(error as Error).message}` } });
      this.mapReport = null;
    }
    if (this.mode !== 'systemmap') return;
    this.systemMapView.show(map, this.mapReport, project?.systemMapLayout ?? {});
    this.systemMapView.select(this.mapSelection);
    this.renderMapPanels();
  }

  private renderMapPanels(): void {
    const report = this.mapReport;
    const map = this.mapEditor?.map;
    if (!map) return;
    const tab = (id: MapTab, label: string) =>
      el('button', { role: 'tab', tabindex: this.mapTab === id ? 0 : -1, aria: { selected: String(this.mapTab === id) }, class: this.mapTab === id ? 'active' : '', on: { click: () => { this.mapTab = id; this.renderMapPanels(); } } }, label);
    replace(this.el.tabs, ...MAP_TABS.map(([id, label]) => tab(id, label)));
    const actions: SystemMapPanelActions = {
      highlightLoop: (factors) => {
        this.activeLoop = factors ? report?.loops.find((l) => l.factors === factors)?.id ?? null : null;
        this.mapSelection = { factor: null, loop: factors };
        this.systemMapView.select(this.mapSelection);
        this.renderMapPanels();
      },
      selectFactor: (factor) => {
        this.mapSelection = { factor, loop: null };
        this.systemMapView.select(this.mapSelection);
      },
      edit: (operation) => this.editMap(() => edit(this.mapEditor!, operation)),
      undo: () => this.editMap(() => undo(this.mapEditor!)),
      redo: () => this.editMap(() => redo(this.mapEditor!)),
      undoLabel: this.mapEditor ? undoLabel(this.mapEditor) : undefined,
      redoLabel: this.mapEditor ? redoLabel(this.mapEditor) : undefined,
    };
    const body = this.el.panelBody;
    if (this.mapTab === 'edit') renderEditor(body, map, this.mapSelection.factor, actions);
    else if (!report) replace(body, el('p', {}, 'The map has not been analysed yet.'));
    else if (this.mapTab === 'leverage') renderLeverage(body, report, actions);
    else if (this.mapTab === 'actors') renderActors(body, report);
    else renderLoops(body, report, actions, this.activeLoop);
    this.renderFactorTable();
    replace(
      this.el.side,
      el('h2', {}, 'System map'),
      el('p', {}, `${map.factors.length} factors, ${map.links.length} causal links${map.actors.length ? `, ${map.actors.length} organisations` : ''}.`),
      report ? el('p', {}, `${report.summary.reinforcing} reinforcing and ${report.summary.balancing} balancing loops; ${report.summary.gaps} gaps no one works on.`) : null,
      el('p', { class: 'explain' }, 'Click a loop to trace it on the map, or a factor to edit it. The Export menu saves the map as CSV, for Kumu, or as GraphML.'),
    );
  }

  private renderFactorTable(): void {
    const report = this.mapReport;
    if (!report) return replace(this.el.tableHost, el('p', { class: 'muted' }, 'No analysis yet.'));
    replace(this.el.tableTabs, el('button', { role: 'tab', class: 'active', aria: { selected: 'true' } }, 'Factors'));
    const f = report.factors;
    const num = (v: number | string): string => formatNumber(v as number);
    const table = new VirtualTable({
      label: 'Factors and their leverage',
      rowCount: f.length,
      onPick: (r) => {
        this.mapSelection = { factor: f[r]!.id, loop: null };
        this.systemMapView.select(this.mapSelection);
      },
      searchText: (r) => f[r]!.label,
      initialSort: { key: 'loops', descending: true },
      columns: [
        { key: 'label', label: 'Factor', value: (r) => f[r]!.label },
        { key: 'quadrant', label: 'Role', title: 'MICMAC quadrant: driving, linkage, dependent or autonomous', value: (r) => f[r]!.quadrant },
        { key: 'influence', label: 'Influences', numeric: true, title: 'Factors it directly affects', value: (r) => f[r]!.influence, format: num },
        { key: 'dependence', label: 'Depends on', numeric: true, title: 'Factors that directly affect it', value: (r) => f[r]!.dependence, format: num },
        { key: 'loops', label: 'Loops', numeric: true, title: 'Feedback loops it sits in', value: (r) => f[r]!.loops, format: num },
        { key: 'betweenness', label: 'Bridging', numeric: true, title: 'How often it lies on the shortest causal path between two others', value: (r) => f[r]!.betweenness, format: num },
        { key: 'reach', label: 'Reach downstream', numeric: true, title: `Factors reached within ${report.settings.reachSteps} steps`, value: (r) => f[r]!.reach, format: num },
        { key: 'actors', label: 'Organisations', numeric: true, value: (r) => f[r]!.actors.length, format: num },
      ],
    });
    replace(this.el.tableHost, table.root);
  }

  private editMap(run: () => EditorResult): void {
    const result = run();
    if (!result.ok) {
      this.store.set({ status: { kind: 'error', message: `That edit could not be made: ${result.error}` } });
      return;
    }
    this.mapEditor = result.state;
    if (result.warnings.length > 0) this.store.set({ notices: result.warnings.map((message) => ({ level: 'warning' as const, code: 'map-edit', message })) });
    this.updateProject({ systemMap: result.state.map });
    if (this.mapSelection.factor && !result.state.map.factors.some((f) => f.id === this.mapSelection.factor)) this.mapSelection = { factor: null, loop: null };
    void this.analyseMap(result.state.map);
  }

  private async onSystemMapImported(map: SystemMap, issues: InputIssue[]): Promise<void> {
    if (!this.store.get().project) return;
    this.updateProject({ systemMap: map, systemMapLayout: {} });
    this.mapEditor = createEditorState(map);
    this.store.set({ notices: issues.filter((i) => i.level === 'warning') });
    await this.setMode('systemmap');
  }

  private renderTabs(): void {
    const tab = (id: PanelTab, label: string) =>
      el('button', { role: 'tab', tabindex: this.panelTab === id ? 0 : -1, aria: { selected: String(this.panelTab === id) }, class: this.panelTab === id ? 'active' : '', on: { click: () => this.showTab(id) } }, label);
    replace(this.el.tabs, ...PANEL_TABS.map(([id, label]) => tab(id, label)));
    const tableTab = (id: 'people' | 'groups', label: string) =>
      el('button', { role: 'tab', tabindex: this.tableTab === id ? 0 : -1, aria: { selected: String(this.tableTab === id) }, class: this.tableTab === id ? 'active' : '', on: { click: () => { this.tableTab = id; this.renderTables(); } } }, label);
    replace(this.el.tableTabs, tableTab('people', 'People'), tableTab('groups', 'Groups'));
  }

  private renderPanel(): void {
    if (this.mode === 'systemmap') return this.renderMapPanels();
    this.renderTabs();
    const vm = this.vm;
    if (!vm) return;
    const selected = this.store.get().selected;
    const body = this.el.panelBody;
    switch (this.panelTab) {
      case 'person':
        if (selected) renderProfile(body, vm, selected, this.store);
        else replace(body, el('p', { class: 'muted' }, 'Click a person on the map or in the table to see their profile.'));
        break;
      case 'periphery':
        renderPeriphery(body, vm, this.store);
        break;
      case 'brokers':
        renderBrokers(body, vm, this.store);
        break;
      case 'equity':
        renderEquity(body, vm, this.store, (groupBy) => void this.reanalyse({ groupBy }));
        break;
      case 'skills':
        renderSkills(body, vm, this.store, {
          colourBySkill: (skill) => this.store.set({ colorBy: `skill:${skill}` }),
          importAssessment: () => this.abilitiesInput.click(),
          downloadTemplate: () => download('leadership-abilities-self-assessment.csv', abilitiesTemplateCsv(), 'text/csv'),
        });
        break;
      case 'program':
        renderProgram(body, vm, this.store, {
          addFiles: () => this.openImport(),
          openMatching: () => this.matchingDialog.open(),
          compare: (compareFrom, compareTo) => void this.reanalyse({ compareFrom, compareTo }),
        });
        break;
      case 'weaving':
        renderWeaving(body, vm, this.store, { mark: (id, state) => this.markSuggestion(id, state), exportCsv: () => this.exportSuggestions() });
        break;
      default:
        renderSummary(body, vm);
    }
  }

  /** Switching to the edge or broker list highlights those people on the map. */
  private showTab(tab: PanelTab): void {
    this.panelTab = tab;
    const insights = this.vm?.analysis.insights;
    const highlight =
      tab === 'periphery' && insights ? insights.periphery.map((p) => p.id) : tab === 'brokers' && insights ? insights.brokers.map((b) => b.id) : null;
    this.store.set({ highlight });
    this.renderPanel();
  }

  private markSuggestion(id: string, state: 'done' | 'dismissed' | null): void {
    const project = this.store.get().project;
    if (!project) return;
    const weaving = { ...project.weaving };
    if (state) weaving[id] = state;
    else delete weaving[id];
    this.updateProject({ weaving });
    this.renderPanel();
  }

  private exportSuggestions(): void {
    const project = this.store.get().project;
    if (project && this.vm) saveFiles([introductionsFile(project, this.vm.analysis)]);
  }

  private renderTables(): void {
    if (this.mode === 'systemmap') return;
    this.renderTabs();
    const vm = this.vm;
    if (!vm) return;
    if (this.tableTab === 'people') {
      this.peopleTable = createPeopleTable(vm, (id) => this.store.set({ selected: id }));
      replace(this.el.tableHost, this.peopleTable.root);
      const selected = this.store.get().selected;
      // A new table has no row marked: only a selection needs drawing again.
      if (selected) this.peopleTable.highlight(vm.indexOf.get(selected) ?? null);
    } else {
      this.peopleTable = null;
      const table = createGroupTable(vm, (group) => this.store.set({ filters: { ...this.store.get().filters, range: { metric: 'community', min: group, max: group } } }));
      replace(this.el.tableHost, table.root);
    }
  }

  private renderBanner(): void {
    const state = this.store.get();
    if (!state.isDemo) {
      this.el.banner.hidden = true;
      return;
    }
    this.el.banner.hidden = false;
    replace(
      this.el.banner,
      el('div', {}, el('strong', {}, `You are looking at a demo: ${DEMO_NAME}. `), el('span', { class: 'banner-more' }, DEMO_DESCRIPTION, ' To map your own network, choose ', el('button', { class: 'link', on: { click: () => this.openImport() } }, 'Import data'), ' or drop a CSV of ties (and one of people) anywhere on this page.')),
      el('button', { class: 'small', aria: { label: 'Hide this message' }, on: { click: () => (this.el.banner.hidden = true) } }, 'Hide'),
    );
  }

  private renderStatus(): void {
    const { status, notices, imported } = this.store.get();
    if (status.kind === 'working') {
      const bar = el('progress', { aria: { label: status.step } });
      bar.max = 1;
      // Without a value the bar shows motion, for steps whose length is unknown.
      if (status.fraction > 0) bar.value = status.fraction;
      replace(this.el.status, el('span', {}, `${status.task}: ${status.step}…`), bar, status.cancellable ? el('button', { class: 'small', on: { click: () => this.engine.cancel() } }, 'Cancel') : null);
      this.el.status.className = 'status working';
    } else if (status.kind === 'error') {
      replace(this.el.status, el('span', { role: 'alert' }, status.message), ...(status.issues ?? []).slice(0, 5).map((i) => el('div', {}, formatIssue(i))), el('button', { class: 'small', on: { click: () => this.store.set({ status: { kind: 'idle' } }) } }, 'Dismiss'));
      this.el.status.className = 'status error';
    } else if (notices.length > 0 || imported) {
      const lines = imported ? importSummaryLines(imported) : null;
      replace(
        this.el.status,
        lines ? el('div', { class: 'import-summary' }, el('strong', {}, `${lines.headline}: `), lines.figures.join(' · ')) : null,
        notices.length > 0
          ? el('details', {}, el('summary', {}, `${notices.length} note${notices.length === 1 ? '' : 's'}${imported ? ' from the import' : ''}`), el('ul', {}, ...notices.slice(0, 50).map((i) => el('li', {}, formatIssue(i)))))
          : null,
        el('button', { class: 'small', on: { click: () => this.store.set({ notices: [], imported: null }) } }, 'Dismiss'),
      );
      this.el.status.className = 'status notice';
    } else {
      replace(this.el.status);
      this.el.status.className = 'status';
    }
  }

  private onState(state: AppState, previous: AppState): void {
    if (state.status !== previous.status || state.notices !== previous.notices || state.imported !== previous.imported) this.renderStatus();
    if (state.isDemo !== previous.isDemo) this.renderBanner();
    if (state.project !== previous.project) this.el.projectName.textContent = state.project ? state.project.name : '';
    if (state.selected !== previous.selected) {
      if (state.selected && (this.panelTab === 'summary' || this.panelTab === 'person')) this.panelTab = 'person';
      this.renderPanel();
      if (this.peopleTable && this.vm) this.peopleTable.highlight(state.selected ? this.vm.indexOf.get(state.selected) ?? null : null);
    }
    if ((state.filters !== previous.filters || state.sizeBy !== previous.sizeBy || state.colorBy !== previous.colorBy) && this.vm) {
      renderSidePanel(this.el.side, this.vm, this.store, { reanalyse: (s) => void this.reanalyse(s) });
      if (state.sizeBy !== previous.sizeBy || state.colorBy !== previous.colorBy) this.updateProject({ settings: { ...this.vm.project.settings, sizeBy: state.sizeBy, colorBy: state.colorBy } });
    }
  }

  // ----- projects -----------------------------------------------------------------------------

  private async openDemo(): Promise<void> {
    this.setWorking('Loading the demo', 'reading files', false);
    const outcome = await this.engine.importFiles(loadDemoFiles(), { name: DEMO_NAME, kinds: { 'people.csv': 'nodes', 'ties.csv': 'edges' } });
    if (!outcome.ok) {
      this.store.set({ status: { kind: 'error', message: 'The demo data could not be read.', issues: outcome.issues } });
      return;
    }
    const project = newProject(`Demo: ${DEMO_NAME}`, outcome.value, { sources: [{ name: 'people.csv', kind: 'nodes' }, { name: 'ties.csv', kind: 'edges' }] });
    await this.openProject(project, true);
  }

  private async openSaved(id: string): Promise<void> {
    const project = await this.db.load(id);
    if (project) await this.openProject(project, false);
    else this.store.set({ status: { kind: 'error', message: 'That project could not be read from this browser\'s storage.' } });
  }

  private async openProjectFile(file: File): Promise<void> {
    const result = parseProjectFile(await file.text(), file.name);
    if (!result.ok) {
      this.store.set({ status: { kind: 'error', message: `${file.name} could not be opened; your current project is unchanged.`, issues: result.issues } });
      return;
    }
    // A file opened twice becomes a separate project rather than overwriting the first.
    const project = (await this.db.load(result.value.id)) ? { ...result.value, id: newProjectId() } : result.value;
    await this.openProject(project, false);
  }

  private async onImported(result: ImportDone): Promise<void> {
    const name = result.dataset.name || result.sources[0]?.name || 'My network';
    const created = newProject(name, result.dataset, { sources: result.sources });
    const project = result.survey ? { ...created, survey: result.survey } : created;
    const relations = relationNames(result.dataset).length;
    const imported = { people: result.dataset.people.length, ties: result.dataset.ties.length, relations, ...(result.responses ? { responses: result.responses } : {}) };
    await this.openProject(project, false, result.issues.filter((i) => i.level === 'warning'), imported);
  }

  /** Analyses a project and only then makes it current: a failed analysis leaves the old one. */
  private async openProject(project: Project, isDemo: boolean, notices: InputIssue[] = [], imported: ImportSummary | null = null): Promise<void> {
    const analysis = await this.analyse(project);
    if (!analysis) return;
    // Receiving a big analysis is one task of its own; drawing it starts in the next.
    await yieldToPage();
    this.store.set({ project, isDemo, selected: null, hovered: null, filters: { attributes: {}, hiddenRelations: [], range: null }, sizeBy: project.settings.sizeBy, colorBy: project.settings.colorBy, notices, imported });
    this.show(project, analysis);
    this.scheduleSave(project, 0);
  }

  private async analyse(project: Project) {
    this.setWorking('Analysing', 'starting', true);
    const previous = this.store.get().project;
    // Progress messages travel on their own channel and can arrive after the result.
    let finished = false;
    try {
      this.engine.setDataset(project.dataset);
      const analysis = await this.engine.analyze(projectAnalysisOptions(project), (step, fraction) => {
        if (!finished) this.setWorking('Analysing', step, true, fraction);
      });
      finished = true;
      this.store.set({ status: { kind: 'idle' } });
      return analysis;
    } catch (error) {
      finished = true;
      if (previous) this.engine.setDataset(previous.dataset);
      if (error instanceof CancelledByUser) {
        this.store.set({ status: { kind: 'idle' }, notices: [{ level: 'warning', code: 'cancelled', message: 'The analysis was cancelled; the map shows the previous results.' }] });
      } else {
        this.store.set({ status: { kind: 'error', message: `The analysis failed: ${(error as Error).message}. Your project is unchanged.` } });
      }
      return null;
    }
  }

  private async reanalyse(patch: Partial<ProjectSettings>): Promise<void> {
    const project = this.store.get().project;
    if (!project) return;
    await this.reanalyseProject({ ...project, settings: { ...project.settings, ...patch } });
  }

  /** Analyses a changed project and shows it; a failed analysis keeps the old one on screen. */
  private async reanalyseProject(changed: Project): Promise<void> {
    const next = { ...changed, updatedAt: new Date().toISOString() };
    const analysis = await this.analyse(next);
    if (!analysis) {
      if (this.vm) renderSidePanel(this.el.side, this.vm, this.store, { reanalyse: (s) => void this.reanalyse(s) });
      return;
    }
    await yieldToPage();
    this.store.set({ project: next });
    this.show(next, analysis);
    this.scheduleSave(next);
  }

  private show(project: Project, analysis: NonNullable<Awaited<ReturnType<App['analyse']>>>): void {
    const shown = ++this.shown;
    this.vm = createViewModel(project, analysis);
    if (this.mode === 'systemmap' && !project.systemMap) this.mode = 'people';
    this.renderModeSwitch();
    if (this.mode === 'systemmap') {
      void this.setMode('systemmap');
      return;
    }
    // Each part is drawn in a task of its own: on a big network each takes tens of milliseconds,
    // together a pause the user would feel. A newer show() (or leaving for the system map) stops
    // the rest.
    const steps = [
      () => this.renderTables(),
      () => this.vm && renderSidePanel(this.el.side, this.vm, this.store, { reanalyse: (s) => void this.reanalyse(s) }),
      () => this.renderPanel(),
      // Last: building a big map allocates a lot, and its collections would land in the steps above.
      () => this.vm && void this.map.show(this.vm),
    ];
    // For scripts and tests: set while the parts are still being drawn.
    this.root.dataset.drawing = 'results';
    void (async () => {
      try {
        for (const step of steps) {
          if (shown !== this.shown || this.mode !== 'people') return;
          step();
          await yieldToPage();
        }
      } finally {
        if (shown === this.shown) delete this.root.dataset.drawing;
      }
    })();
  }

  private updateProject(patch: Partial<Project>): void {
    const project = this.store.get().project;
    if (!project) return;
    const next = { ...project, ...patch, updatedAt: new Date().toISOString() };
    this.store.set({ project: next });
    if (this.vm) this.vm = { ...this.vm, project: next };
    this.scheduleSave(next);
  }

  /**
   * Saves soon, after a burst of changes. A save already due sooner is kept, not put off: it
   * writes whatever is current when it runs, so a new project is stored at once even when its map
   * reports a layout a moment later.
   */
  private scheduleSave(project: Project, delay = 800): void {
    const due = Date.now() + delay;
    if (this.saveTimer && this.saveDue <= due) return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveDue = due;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      this.db.save(this.store.get().project ?? project).catch((error: unknown) => {
        this.store.set({ notices: [{ level: 'warning', code: 'not-saved', message: `This browser did not save the project (${(error as Error).message}). Export it to a file to keep it.` }] });
      });
    }, delay);
  }

  private setWorking(task: string, step: string, cancellable: boolean, fraction = 0): void {
    this.store.set({ status: { kind: 'working', task, step, fraction, cancellable } });
  }

  // ----- exports ------------------------------------------------------------------------------

  private runExport(kind: ExportKind): void {
    const project = this.store.get().project;
    if (!project) return;
    if (kind === 'map-png') {
      void this.map.exportPng(fileSafe(project.name));
      return;
    }
    saveFiles(exportFiles(kind, project, this.vm?.analysis ?? null));
  }
}

function saveFiles(files: DownloadFile[]): void {
  for (const file of files) download(file.name, file.content, file.type);
}
