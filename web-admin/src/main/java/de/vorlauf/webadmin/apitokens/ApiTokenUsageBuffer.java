package de.vorlauf.webadmin.apitokens;

import de.vorlauf.persistence.apitokens.ApiTokenStore.Usage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Uses of tokens not yet written: one map entry per token, merged per request without a lock, taken
 * out whole by {@link #drain()} for one batched UPDATE. A failed write puts its uses back ({@link
 * #restore}).
 */
final class ApiTokenUsageBuffer {

  private final Map<Long, Usage> pending = new ConcurrentHashMap<>();

  void used(long tokenId, Instant at) {
    pending.merge(tokenId, new Usage(tokenId, 1, at), ApiTokenUsageBuffer::sum);
  }

  /** The uses so far, each token's removed atomically: a use arriving meanwhile stays for later. */
  List<Usage> drain() {
    List<Usage> drained = new ArrayList<>();
    for (Long id : pending.keySet()) {
      Usage usage = pending.remove(id);
      if (usage != null) {
        drained.add(usage);
      }
    }
    return drained;
  }

  void restore(Collection<Usage> usage) {
    usage.forEach(u -> pending.merge(u.tokenId(), u, ApiTokenUsageBuffer::sum));
  }

  private static Usage sum(Usage a, Usage b) {
    Instant last = a.lastUsedAt().isAfter(b.lastUsedAt()) ? a.lastUsedAt() : b.lastUsedAt();
    return new Usage(a.tokenId(), a.uses() + b.uses(), last);
  }
}
