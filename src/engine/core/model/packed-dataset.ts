/**
 * A dataset in the shape that crosses threads and goes into storage: people and ties as columns
 * (see packed-ties.ts), everything else (relations, attendance, mentorships: small) as records.
 * Unpacking can run in slices so a page never stops for a million ties.
 */
import { DatasetSchema, type Dataset } from './dataset.ts';
import { AttributesSchema, type Attributes, type Person, type Tie } from './records.ts';
import { attributesByPosition, packedTiesProblem, packedTransferables, packTies, unpackTies, type PackedTies } from './packed-ties.ts';

export interface PackedPeople {
  count: number;
  ids: string[];
  /** null where the label is the id, the usual case for edge lists. */
  labels: Array<string | null>;
  /** The people with attributes, by position. */
  attributes: Array<[number, Attributes]>;
}

export interface PackedDataset {
  format: 'netweave-packed-dataset';
  rest: Omit<Dataset, 'people' | 'ties'>;
  people: PackedPeople;
  ties: PackedTies;
}

export function packDataset(dataset: Dataset): PackedDataset {
  const { people, ties, ...rest } = dataset;
  const packedPeople: PackedPeople = { count: people.length, ids: new Array<string>(people.length), labels: new Array<string | null>(people.length), attributes: [] };
  people.forEach((p, i) => {
    packedPeople.ids[i] = p.id;
    packedPeople.labels[i] = p.label === p.id ? null : p.label;
    if (Object.keys(p.attributes).length > 0) packedPeople.attributes.push([i, p.attributes]);
  });
  return { format: 'netweave-packed-dataset', rest, people: packedPeople, ties: packTies(ties) };
}

/** People `from` to `to`, each put at its own position in `out` (by default an array for everyone), as unpackTies. */
export function unpackPeople(packed: PackedPeople, from = 0, to = packed.count, out: Person[] = new Array<Person>(packed.count)): Person[] {
  const attributes = attributesByPosition(packed.attributes);
  for (let i = from; i < to; i++) {
    const id = packed.ids[i]!;
    out[i] = { id, label: packed.labels[i] ?? id, attributes: attributes?.get(i) ?? {} };
  }
  return out;
}

/** The whole dataset at once: for workers and small datasets. */
export function unpackDataset(packed: PackedDataset): Dataset {
  return { ...packed.rest, people: unpackPeople(packed.people), ties: unpackTies(packed.ties) };
}

export interface UnpackOptions {
  /** Records (people plus ties) per slice. Default 50,000. */
  sliceSize?: number;
  /** Awaited between slices, e.g. a yield to the page's event loop. */
  between?: () => Promise<void>;
  onProgress?: (fraction: number) => void;
}

/** Unpacks in slices, awaiting `between` after each, so a page stays responsive. */
export async function unpackDatasetInSlices(packed: PackedDataset, options: UnpackOptions = {}): Promise<Dataset> {
  const size = options.sliceSize ?? 50_000;
  const total = packed.people.count + packed.ties.count;
  let done = 0;
  const step = async (count: number): Promise<void> => {
    done += count;
    options.onProgress?.(total === 0 ? 1 : done / total);
    await options.between?.();
  };
  const people = new Array<Person>(packed.people.count);
  for (let from = 0; from < packed.people.count; from += size) {
    const to = Math.min(packed.people.count, from + size);
    unpackPeople(packed.people, from, to, people);
    await step(to - from);
  }
  const ties = new Array<Tie>(packed.ties.count);
  for (let from = 0; from < packed.ties.count; from += size) {
    const to = Math.min(packed.ties.count, from + size);
    unpackTies(packed.ties, from, to, ties);
    await step(to - from);
  }
  return { ...packed.rest, people, ties };
}

export function packedDatasetTransferables(packed: PackedDataset): ArrayBuffer[] {
  return packedTransferables(packed.ties);
}

/**
 * Checks a packed dataset read back from storage before it is unpacked. Returns a message
 * naming the first problem, or null. (The records it unpacks to are the schema's shapes.)
 */
export function packedDatasetProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'the dataset is missing';
  const packed = value as Partial<PackedDataset>;
  if (packed.format !== 'netweave-packed-dataset' || !packed.rest || !packed.people || !packed.ties) return 'the dataset is not a packed netweave dataset';
  const people = packed.people;
  if (!Array.isArray(people.ids) || people.ids.length !== people.count || !Array.isArray(people.labels) || people.labels.length !== people.count) return 'the people columns are damaged';
  if (people.ids.some((id) => typeof id !== 'string' || id.trim() === '')) return 'a person has no id';
  if (people.labels.some((label) => label !== null && typeof label !== 'string')) return 'a person\'s name is damaged';
  if (!sparseAttributesOk(people.attributes, people.count)) return 'a person\'s attributes are damaged';
  if (!RestSchema.safeParse(packed.rest).success) return 'the relations, attendance or mentorships are damaged';
  const ties = packed.ties;
  if (!sparseAttributesOk(ties.attributes, ties.count)) return 'a tie\'s attributes are damaged';
  return packedTiesProblem(ties);
}

const RestSchema = DatasetSchema.omit({ people: true, ties: true });

/** A list of [position, attributes] pairs: positions within `count`, attributes as the schema allows. */
function sparseAttributesOk(list: unknown, count: number): boolean {
  return Array.isArray(list) && list.every((entry: unknown) => {
    if (!Array.isArray(entry)) return false;
    const [i, a] = entry as [unknown, unknown];
    return Number.isInteger(i) && (i as number) >= 0 && (i as number) < count && AttributesSchema.safeParse(a).success;
  });
}

const packedCache = new WeakMap<Dataset, PackedDataset>();

/** Notes that `packed` is `dataset`'s packed form, so it need not be packed again. */
export function rememberPacked(dataset: Dataset, packed: PackedDataset): void {
  packedCache.set(dataset, packed);
}

/** The packed form of a dataset where one is known already (never packs). */
export function knownPacked(dataset: Dataset): PackedDataset | undefined {
  return packedCache.get(dataset);
}

/** The packed form of a dataset: remembered from where it came, or packed now. */
export function packedOf(dataset: Dataset): PackedDataset {
  let packed = packedCache.get(dataset);
  if (packed === undefined) {
    packed = packDataset(dataset);
    packedCache.set(dataset, packed);
  }
  return packed;
}

export function isPackedDataset(value: unknown): value is PackedDataset {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === 'netweave-packed-dataset';
}
