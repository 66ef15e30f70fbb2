package de.vorlauf.e2e;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency directions of ARCHITECTURE.md, checked over the compiled classes of every module.
 * Maven already keeps undeclared modules off a module's classpath; these rules also catch what a
 * declared dependency must not be used for (I/O in workflow code, entities in workflow records).
 */
class ArchitectureTest {

  private static final int MAX_CLASSES_PER_PACKAGE = 30;

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
          "de.vorlauf.inference",
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
                "de.vorlauf.inference..",
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

  /** Workflow.getLogger is replay-aware and keeps the SDK's WorkflowId/RunId MDC on each line. */
  @Test
  void workflowsLogThroughWorkflowGetLogger() {
    check(
        noClasses()
            .that()
            .resideInAPackage("de.vorlauf.workflows..")
            .and()
            .haveSimpleNameEndingWith("WorkflowImpl")
            .should()
            .callMethod(org.slf4j.LoggerFactory.class, "getLogger", Class.class)
            .orShould()
            .callMethod(org.slf4j.LoggerFactory.class, "getLogger", String.class));
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

  /** ARCHITECTURE.md: inference may depend on the domain only; it does no SQL, MQTT or Temporal. */
  @Test
  void inferenceKnowsOnlyTheDomain() {
    check(
        noClasses()
            .that()
            .resideInAPackage("de.vorlauf.inference..")
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
                "io.temporal..",
                "org.eclipse.paho..",
                "jakarta.."));
  }

  /**
   * Issue 22, no ground truth: the optimiser and everything that feeds it (readings, features,
   * registry, store) see what a real deployment sees. The simulator's building specs, emitter
   * design, thermal mass and weather model stay out of reach; only the closed-loop harness, which
   * drives the simulator, may know it.
   */
  @Test
  void theOptimiserCannotSeeTheSimulator() {
    check(
        noClasses()
            .that()
            .resideInAnyPackage(
                "de.vorlauf.domain..",
                "..optimization..",
                "de.vorlauf.activities..",
                "de.vorlauf.persistence..")
            .and()
            .resideOutsideOfPackages("de.vorlauf.simulator..", "de.vorlauf.devstack..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("de.vorlauf.simulator.."));
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
                "de.vorlauf.inference..",
                "de.vorlauf.workflows..",
                "de.vorlauf.activities..",
                "de.vorlauf.worker..",
                "de.vorlauf.webadmin..",
                "de.vorlauf.simulator..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("de.vorlauf.devstack.."));
  }

  /**
   * Same-named main classes in different modules that are one concept, each with its reason. Any
   * other pair is two concepts under one name (STYLE rule 12): rename one.
   */
  private static final Map<String, String> SAME_CONCEPT_NAMES =
      Map.of(
          "MqttLogin",
          "a user name and password for MQTT CONNECT; devstack (service accounts) and the simulator"
              + " (devices, gateways) each keep one because the simulator depends only on domain");

  /** STYLE rule 12: one name, one concept, across modules. */
  @Test
  void noTwoModulesShareAMainClassNameForDifferentConcepts() {
    Map<String, Map<String, String>> moduleToClassByName = new TreeMap<>();
    for (JavaClass javaClass : mainClasses()) {
      moduleToClassByName
          .computeIfAbsent(javaClass.getSimpleName(), name -> new TreeMap<>())
          .merge(module(javaClass), javaClass.getName(), (a, b) -> a + ", " + b);
    }
    moduleToClassByName.values().removeIf(modules -> modules.size() < 2);

    assertThat(SAME_CONCEPT_NAMES.keySet())
        .as("allow-listed names no longer shared by two modules: drop them from the list")
        .isSubsetOf(moduleToClassByName.keySet());
    moduleToClassByName.keySet().removeAll(SAME_CONCEPT_NAMES.keySet());
    assertThat(moduleToClassByName)
        .as(
            "main classes sharing a simple name across modules: rename one, or allow-list the"
                + " name with the reason it is the same concept")
        .isEmpty();
  }

  /** STYLE rule 12: a package that passes ~30 classes is asking to be split by feature. */
  @Test
  void noMainPackageHoldsMoreThanThirtyClasses() {
    Map<String, Long> crowded =
        mainClasses().stream()
            .collect(
                Collectors.groupingBy(
                    JavaClass::getPackageName, TreeMap::new, Collectors.counting()));
    crowded.values().removeIf(count -> count <= MAX_CLASSES_PER_PACKAGE);
    assertThat(crowded)
        .as("packages with more than %d top-level classes", MAX_CLASSES_PER_PACKAGE)
        .isEmpty();
  }

  private static List<JavaClass> mainClasses() {
    return classes.stream()
        .filter(JavaClass::isTopLevelClass)
        .filter(c -> !c.getSimpleName().equals("package-info"))
        .toList();
  }

  /** Every module has its own root package, {@code de.vorlauf.<module>}. */
  private static String module(JavaClass javaClass) {
    String[] segments = javaClass.getPackageName().split("\\.");
    return segments.length > 2 ? segments[2] : javaClass.getPackageName();
  }

  private static void check(ArchRule rule) {
    rule.check(classes);
  }
}
