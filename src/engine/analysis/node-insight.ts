/** One person's insight figures: where they sit between core and edge, how they broker, how far they reach. */
export interface NodeInsight {
  /** Continuous core/periphery score (Borgatti-Everett), 0..1. */
  coreScore: number;
  inCore: boolean;
  peripheral: boolean;
  peripheryScore: number;
  /** Burt's constraint / effective size (null for someone with no ties). */
  constraint: number | null;
  effectiveSize: number | null;
  brokerScore: number;
  articulationPoint: boolean;
  /** Share of the others reached within 1, 2 and 3 steps. */
  reach1: number;
  reach2: number;
  reach3: number;
}
