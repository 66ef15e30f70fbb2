package de.vorlauf.persistence;

import de.vorlauf.devstack.postgres.RunningPostgres;
import de.vorlauf.persistence.registry.BuildingRegistration;
import de.vorlauf.persistence.registry.DeviceCredential;
import de.vorlauf.persistence.registry.DeviceRegistration;
import de.vorlauf.persistence.registry.GatewayCredential;
import de.vorlauf.persistence.registry.GatewayRegistration;
import de.vorlauf.persistence.workflow.WorkflowLaunch;
import de.vorlauf.testsupport.SharedServices;
import jakarta.persistence.EntityManager;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A migrated database of its own on the test JVM's shared PostgreSQL for a repository IT, with
 * plain JDBC and, for the JPA repositories, Hibernate over the entities the WAR's persistence unit
 * lists (resource-local here, JTA in WildFly).
 */
public final class RepositoryDatabase implements AutoCloseable {

  private static final List<Class<?>> ENTITIES =
      List.of(
          BuildingRegistration.class,
          DeviceRegistration.class,
          de.vorlauf.persistence.registry.DeviceReport.class,
          DeviceCredential.class,
          GatewayRegistration.class,
          GatewayCredential.class,
          WorkflowLaunch.class);

  private final RunningPostgres postgres;
  private final PGSimpleDataSource dataSource;
  private SessionFactory jpa;

  private RepositoryDatabase(RunningPostgres postgres) {
    this.postgres = postgres;
    dataSource = new PGSimpleDataSource();
    dataSource.setUrl(postgres.jdbcUrl());
    dataSource.setUser(postgres.user());
    dataSource.setPassword(postgres.password());
  }

  /**
   * A copy of the migrated template ({@link MigratedSchema}); {@code dir} is no longer used (the
   * server is shared) and stays for the callers' sake.
   */
  public static RepositoryDatabase start(Path dir) {
    return new RepositoryDatabase(
        SharedServices.database(RepositoryDatabase.class, MigratedSchema.class));
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Runs statements of test data, each in its own auto-commit. */
  public void execute(String... sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (String statement : sql) {
        s.execute(statement);
      }
    }
  }

  /** Runs {@code work} in one committed transaction of a fresh entity manager. */
  public <T> T inTransaction(Function<EntityManager, T> work) {
    try (EntityManager em = jpa().createEntityManager()) {
      em.getTransaction().begin();
      try {
        T result = work.apply(em);
        em.getTransaction().commit();
        return result;
      } finally {
        if (em.getTransaction().isActive()) {
          em.getTransaction().rollback();
        }
      }
    }
  }

  private synchronized SessionFactory jpa() {
    if (jpa == null) {
      Configuration configuration = new Configuration();
      ENTITIES.forEach(configuration::addAnnotatedClass);
      configuration.getProperties().put(AvailableSettings.DATASOURCE, dataSource);
      // the schema belongs to the migrations, as in the WAR's persistence.xml
      configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, "none");
      configuration.setProperty(AvailableSettings.JDBC_TIME_ZONE, "UTC");
      jpa = configuration.buildSessionFactory();
    }
    return jpa;
  }

  @Override
  public void close() {
    if (jpa != null) {
      jpa.close();
    }
    postgres.close();
  }
}
