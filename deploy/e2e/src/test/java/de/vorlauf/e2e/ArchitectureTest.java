package de.vorlauf.e2e;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency directions of ARCHITECTURE.md, checked over the compiled classes of every module.
 * Maven already keeps undeclared modules off a module's classpath; these rules also catch what a
 * declared dependency must not be used for (I/O in workflow code, entities in workflow records).
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("de.vorlauf");
  }

  @Test
  void everyModuleIsImported() {
    for (String pkg :
        new String[] {
          "de.vorlauf.domain",
          "de.vorlauf.persistence",
          "de.vorlauf.ingest",
          "de.vorlauf.workflows",
          "de.vorlauf.activities",
          "de.vorlauf.worker",
          "de.vorlauf.webadmin",
          "de.vorlauf.devstack"
        }) {
      org.assertj.core.api.Assertions.assertThat(
              classes.stream().anyMatch(c -> c.getPackageName().startsWith(pkg)))
          .as("classes of %s on the test classpath", pkg)
          .isTrue();
    }
  }

  @Test
  void domainDependsOnNothingOfOursAndDoesNoIo() {
    check(
        noClasses()
            .that()
            .resideInAPackage("de.vorlauf.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "de.vorlauf.persistence..",
                "de.vorlauf.ingest..",
                "de.vorlauf.workflows..",
                "de.vorlauf.activities..",
                "de.vorlauf.worker..",
                "de.vorlauf.webadmin..",
                "de.vorlauf.devstack..",
                "de.vorlauf.simulator..",
                "java.sql..",
                "java.net..",
                "io.temporal..",
                "jakarta.persistence.."));
  }

  @Test
  void workflowCodeReachesTheWorldOnlyThroughActivities() {
    check(
        noClasses()
            .that()
            .resideInAPackage("de.vorlauf.workflows..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "de.vorlauf.persistence..",
                "de.vorlauf.ingest..",
                "de.vorlauf.activities..",
                "de.vorlauf.worker..",
                "de.vorlauf.webadmin..",
                "java.sql..",
                "javax.sql..",
                "java.net..",
                "java.nio.file..",
                "java.net.http..",
                "org.eclipse.paho..",
                "jakarta.persistence.."));
  }

  @Test
  void workflowCodeUsesWorkflowTimeAndSleep() {
    check(
        noClasses()
            .that()
            .resideInAPackage("de.vorlauf.workflows..")
            .should()
            .callMethod(System.class, "currentTimeMillis")
            .orShould()
            .callMethod(System.class, "nanoTime")
            .orShould()
            .callMethod(java.time.Instant.class, "now")
            .orShould()
            .callMethod(Thread.class, "sleep", long.class)
            .orShould()
            .callConstructor(java.util.Random.class)
            .orShould()
            .callMethod(java.util.UUID.class, "randomUUID"));
  }

  @Test
  void webAdminNeverReachesActivitiesOrTheWorker() {
    check(
        noClasses()
            .that()
            .resideInAPackage("de.vorlauf.webadmin..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "de.vorlauf.activities..",
                "de.vorlauf.worker..",
                "de.vorlauf.devstack..",
                "de.vorlauf.simulator.."));
  }

  @Test
  void persistenceKnowsOnlyTheDomain() {
    check(
        noClasses()
            .that()
            .resideInAPackage("de.vorlauf.persistence..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "de.vorlauf.ingest..",
                "de.vorlauf.workflows..",
                "de.vorlauf.activities..",
                "de.vorlauf.worker..",
                "de.vorlauf.webadmin..",
                "de.vorlauf.devstack..",
                "io.temporal.."));
  }

  @Test
  void ingestKnowsOnlyTheDomainAndPersistence() {
    check(
        noClasses()
            .that()
            .resideInAPackage("de.vorlauf.ingest..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "de.vorlauf.workflows..",
                "de.vorlauf.activities..",
                "de.vorlauf.worker..",
                "de.vorlauf.webadmin..",
                "de.vorlauf.devstack..",
                "de.vorlauf.simulator..",
                "io.temporal..",
                "jakarta.."));
  }

  @Test
  void activitiesDoNotReachUpIntoTheProcesses() {
    check(
        noClasses()
            .that()
            .resideInAPackage("de.vorlauf.activities..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "de.vorlauf.worker..", "de.vorlauf.webadmin..", "de.vorlauf.devstack.."));
  }

  /** STYLE rule 13: SQL and JPQL live in repositories in persistence/, never in the WAR. */
  @Test
  void webAdminRunsNoQueryOfItsOwn() {
    check(
        noClasses()
            .that()
            .resideInAPackage("de.vorlauf.webadmin..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName(Statement.class.getName())
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName(PreparedStatement.class.getName())
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName(ResultSet.class.getName())
            .orShould()
            .dependOnClassesThat()
            .resideInAPackage("jakarta.persistence.criteria..")
            .orShould()
            .callMethodWhere(target(nameMatching("create(Native|Named)?Query"))));
  }

  @Test
  void productCodeNeverUsesTheDevelopmentStack() {
    check(
        noClasses()
            .that()
            .resideInAnyPackage(
                "de.vorlauf.domain..",
                "de.vorlauf.persistence..",
                "de.vorlauf.ingest..",
                "de.vorlauf.workflows..",
                "de.vorlauf.activities..",
                "de.vorlauf.worker..",
                "de.vorlauf.webadmin..",
                "de.vorlauf.simulator..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("de.vorlauf.devstack.."));
  }

  private static void check(ArchRule rule) {
    rule.check(classes);
  }
}
