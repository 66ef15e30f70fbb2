package de.vorlauf.simulator.physics;

/**
 * Stateless randomness: a value drawn from a hash of (seed, keys) instead of a stream, so a draw
 * for a given minute is the same whatever order or granularity the caller steps in.
 */
public final class SeedMix {

  private SeedMix() {}

  /** The SplitMix64 finaliser: a bijective 64-bit mix with good avalanche. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  public static long mix(long seed, long a, long b) {
    return mix(mix(mix(seed ^ 0x9e3779b97f4a7c15L) + a) + b);
  }

  /** A uniform double in [0, 1) from the high 53 bits. */
  public static double unit(long hash) {
    return (hash >>> 11) * 0x1.0p-53;
  }

  /** A 64-bit FNV-1a hash of a string, stable across JVMs (unlike identity hashes). */
  public static long hash(String text) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      h ^= text.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }
}
