/**
 * Burt's structural-hole measures (Burt 1992, *Structural Holes*; Burt 2004, "Structural holes
 * and good ideas"), exactly as networkx 2.8.8 defines them in `nx.constraint` and
 * `nx.effective_size`, for undirected, directed and weighted graphs:
 *
 *   p_uv = m_uv / sum_w m_uw            (m = mutual weight: w_uv + w_vu, see contacts)
 *   constraint(u)     = sum_{v in N(u)} (p_uv + sum_{w in N(u)} p_uw p_wv)^2
 *   effectiveSize(u)  = sum_{v in N(u)} (1 - sum_{w in N(u)} p_uw m_vw / max_x m_vx)
 *
 * N(u) is every neighbour either way. Both are NaN for a person with no contacts, as in
 * networkx. For undirected unweighted graphs networkx uses Borgatti's shortcut n - 2t/n, which
 * is the same number. One difference: networkx counts a self-loop as a contact of its own node;
 * here self-loops are ignored (nobody is their own contact).
 *
 * Low constraint and high effective size mean a person's contacts do not know each other: they
 * span structural holes.
 */
import type { Csr } from '../../core/graph/csr.ts';
import { checkCancelled, type RunHooks } from '../../core/util/cancel.ts';
import { contactsOf, type Contacts } from './contacts.ts';

export interface StructuralHoleOptions {
  /** Use tie weights (networkx `weight='weight'`). Default false: every arc counts 1. */
  weighted?: boolean;
}

export interface StructuralHoles {
  /** Burt's constraint per node; NaN for isolates. */
  constraint: Float64Array;
  /** Burt's effective size per node; NaN for isolates. */
  effectiveSize: Float64Array;
  /** Effective size / number of contacts (Burt's efficiency); NaN for isolates. */
  efficiency: Float64Array;
}

/** Both measures from prebuilt contacts (one traversal of every two-step neighbourhood). */
export function structuralHolesFromContacts(contacts: Contacts, hooks?: RunHooks): StructuralHoles {
  const { n, offsets, targets, weights } = contacts;
  const sum = new Float64Array(n);
  const max = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let s = 0;
    let m = 0;
    for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
      s += weights[k]!;
      if (weights[k]! > m) m = weights[k]!;
    }
    sum[v] = s;
    max[v] = m;
  }
  const constraint = new Float64Array(n);
  const effectiveSize = new Float64Array(n);
  const efficiency = new Float64Array(n);
  // p[w] = p_uw for the current ego u (0 elsewhere); indirect[v] accumulates sum_w p_uw p_wv.
  const p = new Float64Array(n);
  const indirect = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    if ((u & 1023) === 0) checkCancelled(hooks);
    const from = offsets[u]!;
    const to = offsets[u + 1]!;
    if (to === from) {
      constraint[u] = NaN;
      effectiveSize[u] = NaN;
      efficiency[u] = NaN;
      continue;
    }
    for (let k = from; k < to; k++) p[targets[k]!] = sum[u]! === 0 ? 0 : weights[k]! / sum[u]!;
    let effective = 0;
    for (let k = from; k < to; k++) {
      const w = targets[k]!;
      const pw = p[w]!;
      // Redundancy of contact w: sum over u's other contacts x of p_ux * m_wx / max_w.
      let redundancy = 0;
      for (let j = offsets[w]!; j < offsets[w + 1]!; j++) {
        const x = targets[j]!;
        const px = p[x]!;
        if (px === 0) continue; // x is not a contact of u
        if (sum[w]! > 0) indirect[x]! += pw * (weights[j]! / sum[w]!);
        if (max[w]! > 0) redundancy += px * (weights[j]! / max[w]!);
      }
      effective += 1 - redundancy;
    }
    let c = 0;
    for (let k = from; k < to; k++) {
      const v = targets[k]!;
      const local = p[v]! + indirect[v]!;
      c += local * local;
    }
    constraint[u] = c;
    effectiveSize[u] = effective;
    efficiency[u] = effective / (to - from);
    for (let k = from; k < to; k++) {
      p[targets[k]!] = 0;
      indirect[targets[k]!] = 0;
    }
  }
  return { constraint, effectiveSize, efficiency };
}

/** Burt's constraint, effective size and efficiency of every node (see the module comment). */
export function structuralHoles(csr: Csr, options: StructuralHoleOptions = {}, hooks?: RunHooks): StructuralHoles {
  return structuralHolesFromContacts(contactsOf(csr, { weighted: options.weighted ?? false }), hooks);
}
