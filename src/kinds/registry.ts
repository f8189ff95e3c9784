/**
 * THE list of kinds. `kind` in a file selects one (the default kind when absent); an unknown kind is
 * a `schema` finding that lists these. A kind is a folder under src/kinds/ whose index.ts calls
 * `defineKind`, plus its entry here: everything else is derived from the declarations.
 */
import { createRegistry } from '../core/registry.js';
import type { AnyKind, KindPlugin } from '../core/kind.js';
import type { UnknownKindFileResult } from '../core/results.js';
import { opconKind } from './opcon/index.js';
import { scomKind } from './scom/index.js';
import { skypeKind } from './skype/index.js';

export const KIND_PLUGINS = [scomKind, skypeKind, opconKind] as const;

export const REGISTRY = createRegistry<(typeof KIND_PLUGINS)[number]>(KIND_PLUGINS);

type Kinds = (typeof KIND_PLUGINS)[number];

/** The value of `kind` in a file: `'scom'`, `'skype-pool-pair'` or `'opcon-failover'`, from the list above. */
export type TopologyKind = Kinds['id'];

type ModelsOf<T> = T extends KindPlugin<string, infer M, unknown> ? M : never;
type ResultOf<T> = T extends KindPlugin<string, object, infer F> ? F : never;
type Intersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/**
 * The models and analyses each kind hands to the commands beyond validate, under its own keys
 * (`topology` and `analysis` for SCOM, `skype`, `opcon`); present only when the kind analysed the file.
 */
export type KindModels = Partial<Intersection<ModelsOf<Kinds>>>;

/** The result of a file whose kind is known, one variant per kind. */
export type KindFileResult = ResultOf<Kinds>;

/**
 * One file's findings and figures (CLI.md's `files[]`), discriminated by `kind`:
 * `switch (f.kind)` narrows `pools` (and the kind's own figures); `undefined` is a file whose kind
 * could not be told.
 */
export type FileResult = KindFileResult | UnknownKindFileResult;

/** A pool's figures as its kind reports them (CLI.md). */
export type KindPoolResult = FileResult['pools'][number];

/** A kind by id, for the shells (which read its results as data). */
export function kindPlugin(id: string): AnyKind | undefined {
  return REGISTRY.kind(id);
}
