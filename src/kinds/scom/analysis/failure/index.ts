/**
 * FORMAT.md's failure model ("Failure model: what fails, and what follows"): one pure function from
 * a failure set to the state of every server, the database, the management group and every pool.
 * Data-centre loss, single points of failure, availability, `simulate`, the capacity after failover
 * and the report's what-if table all derive from `evaluate`, so that they cannot disagree. The
 * topology is compiled once into arrays (model.ts) so that one evaluation (evaluate.ts) is linear in
 * the servers and the pools' members, however many times it runs; few.ts answers a few hosts down
 * from the state with nothing down.
 */
export * from './model.js';
export * from './evaluate.js';
export * from './few.js';
