import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/**
 * A seeded random stream. Every unit of generated data (the network of programs and staff, each patient)
 * draws from its own stream, derived from (run seed, stream name, index), so that a patient's rows do not
 * depend on how many patients came before it, on the batch size, or on the order of generation.
 */
export class Rng {
  private readonly generator: RandomGenerator;

  private constructor(generator: RandomGenerator) {
    this.generator = generator;
  }

  /** The stream for (seed, name, index): independent of every other (name, index) of the same seed. */
  static stream(seed: number, name: string, index = 0): Rng {
    const key = hashString(name);
    // Four 32-bit words of state from a SplitMix32-style mix of the inputs; never all zero.
    let state = mix32(seed ^ 0x9e3779b9) ^ mix32(key) ^ mix32(index + 0x632be5ab);
    const words: number[] = [];
    for (let word = 0; word < 4; word++) {
      state = (state + 0x9e3779b9) | 0;
      words.push(mix32(state ^ mix32(index * 4 + word)));
    }
    if (!words.some((word) => word !== 0)) words[0] = 1;
    const generator = xoroshiro128plusFromState(words);
    // Discard the first outputs, which still carry the simple structure of the seeding.
    for (let warmUp = 0; warmUp < 8; warmUp++) generator.next();
    return new Rng(generator);
  }

  /** Uniform on [0, 1). */
  uniform(): number {
    return uniformFloat64(this.generator);
  }
}

/** A 32-bit finalizer (the one of MurmurHash3): spreads every input bit over every output bit. */
function mix32(value: number): number {
  let h = value | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** FNV-1a over the UTF-16 code units: stream names are short ASCII words. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}
