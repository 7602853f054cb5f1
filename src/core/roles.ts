/**
 * The three roles of an attribution (PolNeAR's): who claims (source), the words that say so
 * (cue), and what is claimed (content). The attribution tagger, its repairs and the scorers
 * all speak of spans of these roles.
 */
export type Role = 'source' | 'cue' | 'content';
export const ROLES: readonly Role[] = ['source', 'cue', 'content'];

/** One contiguous stretch of a role, [start, end) in UTF-16 code units of the text. */
export interface RoleSpan {
  role: Role;
  start: number;
  end: number;
}
