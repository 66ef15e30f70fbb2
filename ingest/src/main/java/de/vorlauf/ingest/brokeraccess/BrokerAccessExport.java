package de.vorlauf.ingest.brokeraccess;

import de.vorlauf.persistence.brokeraccess.DeviceAccess;
import de.vorlauf.persistence.brokeraccess.DeviceAccessStore;
import de.vorlauf.persistence.brokeraccess.GatewayAccess;
import de.vorlauf.persistence.brokeraccess.GatewayAccessStore;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Exports the broker's access files from the registry: {@value #PASSWORD_FILE} (service accounts
 * from {@value #SERVICE_ACCOUNTS_FILE}, then every device and gateway that may log in) and {@value
 * #ACL_FILE} (which also names each gateway's devices), each written only when its content changed.
 * Nothing is written when the database cannot be read: an outage must never lock the fleet out.
 */
public final class BrokerAccessExport {

  public static final String PASSWORD_FILE = "passwd";
  public static final String ACL_FILE = "acl";
  public static final String SERVICE_ACCOUNTS_FILE = "service-accounts";

  /**
   * @param devices devices in the password file
   * @param gateways gateways in the password file (each with its section in the ACL)
   * @param serviceAccounts service accounts in the password file
   * @param warnings devices or gateways left out (id unusable as an MQTT user name, or taken by a
   *     service account) and ignored service account lines; the same on every run until fixed
   */
  public record Result(
      int devices,
      int gateways,
      int serviceAccounts,
      List<String> warnings,
      boolean passwordFileChanged,
      boolean aclFileChanged) {

    public boolean changed() {
      return passwordFileChanged || aclFileChanged;
    }
  }

  private final DataSource dataSource;
  private final Path outDir;
  private final Path serviceAccounts;

  /**
   * @param serviceAccounts null: {@value #SERVICE_ACCOUNTS_FILE} in {@code outDir}
   */
  public BrokerAccessExport(DataSource dataSource, Path outDir, Path serviceAccounts) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.outDir = Objects.requireNonNull(outDir, "outDir");
    this.serviceAccounts =
        serviceAccounts == null ? outDir.resolve(SERVICE_ACCOUNTS_FILE) : serviceAccounts;
  }

  public Path passwordFile() {
    return outDir.resolve(PASSWORD_FILE);
  }

  public Path aclFile() {
    return outDir.resolve(ACL_FILE);
  }

  /** Credentials valid at {@code now} decide who may log in. */
  public Result export(Instant now) throws SQLException, IOException {
    ServiceAccountsFile.Content accounts = ServiceAccountsFile.read(serviceAccounts);
    List<DeviceAccess> deviceCandidates;
    List<GatewayAccess> gatewayCandidates;
    try (Connection connection = dataSource.getConnection()) {
      deviceCandidates = DeviceAccessStore.validAt(connection, now);
      gatewayCandidates = GatewayAccessStore.validAt(connection, now);
    }
    List<String> warnings = new ArrayList<>(accounts.problems());
    List<DeviceAccess> devices = new ArrayList<>(deviceCandidates.size());
    for (DeviceAccess device : deviceCandidates) {
      if (usable("device", device.deviceId(), warnings)) {
        devices.add(device);
      }
    }
    List<GatewayAccess> gateways = new ArrayList<>(gatewayCandidates.size());
    for (GatewayAccess gateway : gatewayCandidates) {
      if (usable("gateway", gateway.gatewayId(), warnings)) {
        gateways.add(gateway.withDevices(topicSafe(gateway, warnings)));
      }
    }
    boolean aclChanged =
        AccessFileWriter.writeIfChanged(
            aclFile(), MosquittoAccessFiles.aclFile(accounts.logins(), gateways));
    boolean passwordsChanged =
        AccessFileWriter.writeIfChanged(
            passwordFile(),
            MosquittoAccessFiles.passwordFile(accounts.logins(), devices, gateways));
    return new Result(
        devices.size(),
        gateways.size(),
        accounts.logins().size(),
        warnings,
        passwordsChanged,
        aclChanged);
  }

  private static boolean usable(String kind, String id, List<String> warnings) {
    if (!MosquittoAccessFiles.DEVICE_ID.matcher(id).matches()) {
      warnings.add(kind + " '" + id + "' left out: its id cannot be an MQTT user name");
      return false;
    }
    if (ServiceAccount.byUsername(id).isPresent()) {
      warnings.add(kind + " '" + id + "' left out: the name belongs to a service account");
      return false;
    }
    return true;
  }

  /** A device id that is no single topic level (e.g. holds '+' or '/') would widen the rule. */
  private static List<String> topicSafe(GatewayAccess gateway, List<String> warnings) {
    List<String> safe = new ArrayList<>(gateway.deviceIds().size());
    for (String device : gateway.deviceIds()) {
      if (MosquittoAccessFiles.DEVICE_ID.matcher(device).matches()) {
        safe.add(device);
      } else {
        warnings.add(
            "device '"
                + device
                + "' left out of gateway '"
                + gateway.gatewayId()
                + "': its id cannot be a topic level");
      }
    }
    return safe;
  }
}
