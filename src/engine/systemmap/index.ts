/**
 * System maps (causal loop diagrams): the public surface for the app, the workers and the CLI.
 * Import (CSV, Kumu JSON and sheets, GraphML), feedback loops, leverage, the actors overlay,
 * pure edits with undo, exports, and `analyzeSystemMap` that runs them all.
 */
export { ActorSchema, CausalLinkSchema, FactorSchema, PolaritySchema, SYSTEM_MAP_VERSION, SystemMapSchema, WorksOnSchema, checkSystemMap, emptySystemMap, parseSystemMap } from './model.ts';
export type { Actor, CausalLink, CausalLinkInput, Factor, FactorInput, ParseSystemMapResult, Polarity, SystemMap, SystemMapInput, WorksOn } from './model.ts';
export { parsePolarity, polarityText } from './polarity.ts';
export type { PolarityReading } from './polarity.ts';
export { ACTOR_TYPES, WORKS_ON_TYPES, emptySystemMapPart, isActorType, isWorksOnType } from './drafts.ts';
export type { ActorDraft, DraftOrigin, FactorDraft, LinkDraft, SystemMapPart, WorksOnDraft } from './drafts.ts';
export { assembleSystemMap, normalizeName } from './assemble.ts';
export type { AssembleOptions, SystemMapImportResult, UnknownFactorPolicy } from './assemble.ts';
export { actorsFromTable, factorsFromTable, importSystemMapCsv, linksFromTable, parseActorsCsv, parseFactorsCsv, parseLinksCsv } from './import-csv.ts';
export type { SystemMapCsvFiles, SystemMapCsvOptions } from './import-csv.ts';
export { importKumuJson, parseKumuJson } from './import-kumu.ts';
export type { KumuOptions } from './import-kumu.ts';
export { importKumuSheets, importKumuSheetsCsv, kumuSheetsParts } from './import-kumu-sheets.ts';
export type { KumuSheets } from './import-kumu-sheets.ts';
export { importSystemMapGraphml, parseSystemMapGraphml } from './import-graphml.ts';
export type { SystemMapGraphmlOptions } from './import-graphml.ts';
export { elementaryCycles } from './elementary-cycles.ts';
export type { CycleSearchOptions, CycleSearchResult } from './elementary-cycles.ts';
export { factorBetweenness, mapGraph } from './map-graph.ts';
export type { MapGraph } from './map-graph.ts';
export { DEFAULT_MAX_LOOPS, findFeedbackLoops, loopSentence, loopType } from './loops.ts';
export type { FactorLoopCount, FeedbackLoop, LoopNote, LoopOptions, LoopSearchResult, LoopType } from './loops.ts';
export { LEVERAGE_GLOSSARY, RANK_TOLERANCE, factorLeverage } from './leverage.ts';
export type { FactorLeverage, LeverageOptions, LeverageResult, Quadrant } from './leverage.ts';
export { ORGANIZATION_ATTRIBUTES, actorOverlay } from './actors.ts';
export type { ActorOverlay, ActorOverlayOptions, ActorSummary, FactorCoverage, Gap, Introduction } from './actors.ts';
export { applyEdit, describeEdit } from './edit.ts';
export type { ActorChanges, EditOperation, EditResult, FactorChanges, LinkChanges, NewActor, NewFactor, NewLink } from './edit.ts';
export { canRedo, canUndo, createEditorState, createHistory, edit, redo, redoLabel, undo, undoLabel } from './edit-history.ts';
export type { EditHistory, EditorResult, EditorState, HistoryEntry } from './edit-history.ts';
export { actorsCsv, factorsCsv, kumuBlueprint, kumuJson, linksCsv, systemMapGraphml } from './export.ts';
export type { KumuBlueprint, SystemMapExportOptions } from './export.ts';
export { analyzeSystemMap } from './analyze-systemmap.ts';
export type { FactorReport, SystemMapAnalysisOptions, SystemMapReport } from './analyze-systemmap.ts';
