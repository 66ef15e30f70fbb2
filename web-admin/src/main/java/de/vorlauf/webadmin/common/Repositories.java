package de.vorlauf.webadmin.common;

import de.vorlauf.persistence.apitokens.ApiTokenStore;
import de.vorlauf.persistence.audit.AuditLogRepository;
import de.vorlauf.persistence.experiments.ExperimentQueries;
import de.vorlauf.persistence.experiments.ExperimentTracker;
import de.vorlauf.persistence.experiments.JdbcExperimentTracker;
import de.vorlauf.persistence.logging.LogLevelRepository;
import de.vorlauf.persistence.models.ModelCatalog;
import de.vorlauf.persistence.models.ModelRegistry;
import de.vorlauf.persistence.ops.FleetOptimization;
import de.vorlauf.persistence.ops.FleetRepository;
import de.vorlauf.persistence.ops.QuarantineRepository;
import de.vorlauf.persistence.optimization.OptimizationHistory;
import de.vorlauf.persistence.portfolio.PortfolioRunQueries;
import de.vorlauf.persistence.registry.BuildingRepository;
import de.vorlauf.persistence.registry.CredentialRepository;
import de.vorlauf.persistence.registry.DeviceRepository;
import de.vorlauf.persistence.registry.GatewayRepository;
import de.vorlauf.persistence.workflow.WorkflowLaunchRepository;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * The repositories of {@code persistence/} as CDI beans. They are plain classes (persistence knows
 * no CDI): the JPA ones get the container's transaction-scoped {@link EntityManager}, so they work
 * in the JTA transaction of the service that calls them; the JDBC ones get the datasource. Each is
 * a thin wrapper around a thread-safe proxy, so a new one per injection point costs nothing.
 */
@ApplicationScoped
public class Repositories {

  @PersistenceContext(unitName = "vorlauf")
  EntityManager em;

  @Resource(lookup = "java:jboss/datasources/VorlaufDS")
  DataSource dataSource;

  @Produces
  BuildingRepository buildings() {
    return new BuildingRepository(em);
  }

  @Produces
  DeviceRepository devices() {
    return new DeviceRepository(em);
  }

  @Produces
  GatewayRepository gateways() {
    return new GatewayRepository(em);
  }

  @Produces
  CredentialRepository credentials() {
    return new CredentialRepository(em);
  }

  @Produces
  WorkflowLaunchRepository workflowLaunches() {
    return new WorkflowLaunchRepository(em);
  }

  @Produces
  FleetRepository fleet() {
    return new FleetRepository(dataSource);
  }

  @Produces
  QuarantineRepository quarantine() {
    return new QuarantineRepository(dataSource);
  }

  @Produces
  AuditLogRepository auditLog() {
    return new AuditLogRepository(dataSource);
  }

  @Produces
  LogLevelRepository logLevels() {
    return new LogLevelRepository(dataSource);
  }

  @Produces
  ExperimentQueries experimentQueries() {
    return new ExperimentQueries(dataSource, Clock.systemUTC());
  }

  @Produces
  ExperimentTracker experimentTracker() {
    return new JdbcExperimentTracker(dataSource, Clock.systemUTC());
  }

  @Produces
  ModelCatalog modelCatalog() {
    return new ModelCatalog(dataSource);
  }

  @Produces
  ModelRegistry modelRegistry() {
    return new ModelRegistry(dataSource);
  }

  @Produces
  OptimizationHistory optimizationHistory() {
    return new OptimizationHistory(dataSource);
  }

  @Produces
  PortfolioRunQueries portfolioRuns() {
    return new PortfolioRunQueries(dataSource);
  }

  @Produces
  FleetOptimization fleetOptimization() {
    return new FleetOptimization(dataSource);
  }

  @Produces
  ApiTokenStore apiTokens() {
    return new ApiTokenStore(dataSource);
  }
}
