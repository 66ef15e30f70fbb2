package de.vorlauf.devstack.broker;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.disconnect.DisconnectReasonCode;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the embedded HiveMQ enforce the same logins and topic ACLs as Mosquitto, from the same
 * files: the {@code passwd} and {@code acl} the worker exports from the registry ({@code
 * de.vorlauf.ingest.brokeraccess}) into the access folder. A client logs in with a password that
 * matches its {@code $7$} hash; its ACL rules become HiveMQ default permissions ({@link
 * HiveMqPermissions}).
 *
 * <p>Reload: Mosquitto gets SIGHUP from the worker; this extension looks at the files every {@link
 * #POLL_MILLIS} ms instead (the worker cannot signal a thread in another process) and, when they
 * changed, disconnects every client whose password hash or rules changed or vanished, as Mosquitto
 * does for a password. HiveMQ fixes default permissions for the life of a connection, so a client
 * whose rules changed logs in again and gets the new ones; a revoked login is refused. Files that
 * cannot be read or parsed leave the last good state in force.
 */
final class HiveMqAccessExtension implements ExtensionMain {

  static final long POLL_MILLIS = 1000;

  private static final Logger LOG = LoggerFactory.getLogger(HiveMqAccessExtension.class);

  private final Path dir;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  /** The grant each client id got at its last login; bounded by the clients ever connected. */
  private final Map<String, Login> logins = new ConcurrentHashMap<>();

  private volatile AccessFiles files = AccessFiles.NONE;
  private ScheduledExecutorService watcher;
  private String lastProblem;

  private record Login(String user, String fingerprint) {}

  HiveMqAccessExtension(Path dir) {
    this.dir = dir;
  }

  EmbeddedExtension embedded() {
    return EmbeddedExtension.builder()
        .withId("vorlauf-access")
        .withName("Vorlauf broker access (device registry)")
        .withVersion("1")
        .withAuthor("Vorlauf")
        .withPriority(1000)
        .withStartPriority(1000)
        .withExtensionMain(this)
        .build();
  }

  @Override
  public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
    reload();
    SimpleAuthenticator authenticator = this::authenticate;
    Services.securityRegistry().setAuthenticatorProvider(provider -> authenticator);
    watcher =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "vorlauf-hivemq-access");
              thread.setDaemon(true);
              return thread;
            });
    watcher.scheduleWithFixedDelay(this::reload, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Override
  public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
    if (watcher != null) {
      watcher.shutdownNow();
    }
  }

  private void authenticate(SimpleAuthInput input, SimpleAuthOutput output) {
    String clientId = input.getClientInformation().getClientId();
    Optional<String> user = input.getConnectPacket().getUserName();
    if (user.isEmpty()) {
      output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, "a user name is required");
      return;
    }
    String password =
        input.getConnectPacket().getPassword().map(HiveMqAccessExtension::text).orElse(null);
    lock.readLock().lock();
    try {
      Optional<AccessFiles.Grant> grant = files.login(user.get(), password, clientId);
      if (grant.isEmpty()) {
        output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD);
        return;
      }
      // under the lock: a reload either sees this login or happened before it was checked
      logins.put(clientId, new Login(user.get(), grant.get().fingerprint()));
      HiveMqPermissions.apply(grant.get().rules(), output.getDefaultPermissions());
      output.authenticateSuccessfully();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Reads the files; when they changed, swaps them in and disconnects whose grant changed. */
  void reload() {
    AccessFiles next;
    try {
      next = AccessFiles.read(dir);
    } catch (Exception e) {
      String problem = e.toString();
      if (!problem.equals(lastProblem)) {
        LOG.warn("broker access: cannot read {}, keeping the last good files: {}", dir, problem);
        lastProblem = problem;
      }
      return;
    }
    lastProblem = null;
    if (next.sameTextAs(files)) {
      return;
    }
    List<String> outdated = new ArrayList<>();
    lock.writeLock().lock();
    try {
      files = next;
      logins.forEach(
          (clientId, login) -> {
            String now =
                next.grant(login.user(), clientId).map(AccessFiles.Grant::fingerprint).orElse(null);
            if (!login.fingerprint().equals(now)) {
              outdated.add(clientId);
            }
          });
      outdated.forEach(logins::remove);
    } finally {
      lock.writeLock().unlock();
    }
    LOG.info(
        "broker access: {} logins from {}; {} client(s) with changed access disconnected",
        next.hashes().size(),
        dir,
        outdated.size());
    for (String clientId : outdated) {
      Services.clientService()
          .disconnectClient(
              clientId, false, DisconnectReasonCode.NOT_AUTHORIZED, "broker access changed");
    }
  }

  private static String text(ByteBuffer bytes) {
    return StandardCharsets.UTF_8.decode(bytes.asReadOnlyBuffer()).toString();
  }
}
