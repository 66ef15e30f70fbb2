package de.vorlauf.simulator.provision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the registry in line with a simulated fleet and returns what the simulation needs from it:
 * the registry's entry of every building (created from the plan, or as it was already there) and
 * the broker logins. Buildings first, then gateways, then devices, then one credential per
 * principal that connects (each device in device mode, each gateway in gateway mode). Tokens from
 * the credential store are reused when the registry still knows them as valid; only missing or dead
 * ones are issued again.
 */
public final class FleetProvisioning {

  private static final Logger log = LoggerFactory.getLogger(FleetProvisioning.class);

  /** What to create. */
  public record Plan(
      List<BuildingDefinition> buildings,
      Map<String, String> gateways,
      List<Device> devices,
      List<Principal> principals) {}

  /**
   * @param gatewayId null when the device connects itself
   */
  public record Device(String id, String buildingId, String gatewayId, String description) {}

  /**
   * @param buildings building id → the registry's entry, which the simulation runs
   * @param tokens principal id → token, for every principal of the plan
   */
  public record Result(Map<String, RegisteredBuilding> buildings, Map<String, String> tokens) {}

  private FleetProvisioning() {}

  /** Provisions the plan. */
  public static Result provision(
      Plan plan, Provisioner provisioner, CredentialStore store, int threads) {
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      Map<String, RegisteredBuilding> buildings = new ConcurrentHashMap<>();
      // one share per thread: a provisioner that batches writes a share at once, the REST one
      // still has as many calls in flight as before
      all(
          pool,
          shares(plan.buildings(), threads),
          share -> provisioner.ensureBuildings(share).forEach(b -> buildings.put(b.id(), b)));
      all(
          pool,
          new ArrayList<>(plan.gateways().entrySet()),
          e -> provisioner.ensureGateway(e.getKey(), e.getValue()));
      all(pool, shares(plan.devices(), threads), provisioner::ensureDevices);
      Map<String, String> tokens = new LinkedHashMap<>();
      int issued = 0;
      for (Principal principal : plan.principals()) {
        String token =
            store
                .token(principal)
                .filter(t -> provisioner.credentialValid(principal, t))
                .orElse(null);
        if (token == null) {
          token = provisioner.issueCredential(principal);
          store.put(principal, token);
          issued++;
        }
        tokens.put(principal.id(), token);
      }
      log.info(
          "provisioned {} buildings, {} gateways, {} devices; {} credentials issued, {} reused ({} ms)",
          plan.buildings().size(),
          plan.gateways().size(),
          plan.devices().size(),
          issued,
          plan.principals().size() - issued,
          (System.nanoTime() - started) / 1_000_000);
      return new Result(Map.copyOf(buildings), tokens);
    } finally {
      pool.shutdownNow();
    }
  }

  /** {@code items} in at most {@code threads} consecutive parts of nearly equal size. */
  static <T> List<List<T>> shares(List<T> items, int threads) {
    int parts = Math.max(1, Math.min(threads, items.size()));
    List<List<T>> shares = new ArrayList<>(parts);
    for (int p = 0; p < parts; p++) {
      List<T> share = items.subList(items.size() * p / parts, items.size() * (p + 1) / parts);
      if (!share.isEmpty()) {
        shares.add(share);
      }
    }
    return shares;
  }

  private interface Step<T> {
    void run(T item);
  }

  private static <T> void all(ExecutorService pool, List<T> items, Step<T> step) {
    List<Future<?>> futures = new ArrayList<>();
    for (T item : items) {
      futures.add(pool.submit(() -> step.run(item)));
    }
    for (Future<?> future : futures) {
      try {
        future.get();
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException r
            ? r
            : new IllegalStateException("provisioning failed", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("provisioning interrupted", e);
      }
    }
  }
}
