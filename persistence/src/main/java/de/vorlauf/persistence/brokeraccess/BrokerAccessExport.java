package de.vorlauf.persistence.brokeraccess;

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
 * from {@value #SERVICE_ACCOUNTS_FILE}, then every device that may log in) and {@value #ACL_FILE},
 * each written only when its content changed. Nothing is written when the database cannot be read:
 * an outage must never lock the fleet out.
 */
public final class BrokerAccessExport {

  public static final String PASSWORD_FILE = "passwd";
  public static final String ACL_FILE = "acl";
  public static final String SERVICE_ACCOUNTS_FILE = "service-accounts";

  /**
   * @param devices devices in the password file
   * @param serviceAccounts service accounts in the password file
   * @param warnings devices left out (id unusable as an MQTT user name, or taken by a service
   *     account) and ignored service account lines; the same on every run until fixed
   */
  public record Result(
      int devices,
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
    List<DeviceAccess> candidates;
    try (Connection connection = dataSource.getConnection()) {
      candidates = DeviceAccessStore.validAt(connection, now);
    }
    List<String> warnings = new ArrayList<>(accounts.problems());
    List<DeviceAccess> devices = new ArrayList<>(candidates.size());
    for (DeviceAccess device : candidates) {
      String id = device.deviceId();
      if (!MosquittoAccessFiles.DEVICE_ID.matcher(id).matches()) {
        warnings.add("device '" + id + "' left out: its id cannot be an MQTT user name");
      } else if (ServiceAccount.byUsername(id).isPresent()) {
        warnings.add("device '" + id + "' left out: the name belongs to a service account");
      } else {
        devices.add(device);
      }
    }
    boolean aclChanged =
        AccessFileWriter.writeIfChanged(aclFile(), MosquittoAccessFiles.aclFile(accounts.logins()));
    boolean passwordsChanged =
        AccessFileWriter.writeIfChanged(
            passwordFile(), MosquittoAccessFiles.passwordFile(accounts.logins(), devices));
    return new Result(
        devices.size(), accounts.logins().size(), warnings, passwordsChanged, aclChanged);
  }
}
