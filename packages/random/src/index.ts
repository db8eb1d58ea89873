export { Rng } from './rng.ts';
export { deriveSeed } from './derive-seed.ts';
export { seededRandom } from './seeded-random.ts';
