package de.vorlauf.persistence.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Connection pools for processes outside WildFly (the worker). Needs HikariCP on the classpath: it
 * is an optional dependency of this module, so the WAR does not carry it.
 */
public final class PooledDataSources {

  private PooledDataSources() {}

  /**
   * A pool that starts even while the database is down: connections are made on demand, so a worker
   * can come up before PostgreSQL and its activities fail (and retry) meanwhile.
   */
  public static HikariDataSource create(DatabaseSettings settings, String poolName) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(poolName);
    config.setJdbcUrl(settings.url());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(settings.maxPoolSize());
    config.setMinimumIdle(0);
    config.setConnectionTimeout(settings.connectionTimeout().toMillis());
    config.setInitializationFailTimeout(-1);
    return new HikariDataSource(config);
  }
}
