package de.vorlauf.testsupport;

import de.vorlauf.devstack.broker.BrokerKind;
import de.vorlauf.devstack.broker.BrokerOptions;
import de.vorlauf.devstack.broker.MqttBrokerService;
import de.vorlauf.devstack.broker.RunningBroker;
import de.vorlauf.devstack.postgres.PostgresOptions;
import de.vorlauf.devstack.postgres.PostgresService;
import de.vorlauf.devstack.postgres.RunningPostgres;
import de.vorlauf.devstack.temporal.RunningTemporal;
import de.vorlauf.devstack.temporal.TemporalKind;
import de.vorlauf.devstack.temporal.TemporalOptions;
import de.vorlauf.devstack.temporal.TemporalService;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that hands test classes their services as parameters of {@code @BeforeAll},
 * constructors and test methods: {@link TestDatabase} or {@link RunningPostgres} (a database of the
 * class's own on the JVM's shared server, copied from {@link DatabaseFrom}'s template), {@link
 * RunningBroker} and {@link RunningTemporal} (the JVM's shared ones) and {@link TestNames} (the
 * class's client ids, task queues, workflow ids). One value per test class. A class annotated
 * {@link Dedicated} gets servers of its own instead, stopped after the class.
 */
public final class TestServices implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TestServices.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == TestDatabase.class
        || type == RunningPostgres.class
        || type == RunningBroker.class
        || type == RunningTemporal.class
        || type == TestNames.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    Class<?> testClass = context.getRequiredTestClass();
    ExtensionContext classContext = classContext(context);
    boolean dedicated = testClass.isAnnotationPresent(Dedicated.class);
    if (type == TestNames.class) {
      return stored(classContext, type, () -> TestNames.of(testClass));
    }
    if (type == TestDatabase.class && dedicated) {
      throw new IllegalStateException(
          testClass.getSimpleName()
              + " is @Dedicated: ask for a RunningPostgres, not a TestDatabase");
    }
    if (type == TestDatabase.class || type == RunningPostgres.class) {
      if (dedicated) {
        return closedAfterClass(
            classContext,
            type,
            () ->
                PostgresService.start(
                    PostgresOptions.forTest(SharedServices.dir(unique("postgres")))));
      }
      DatabaseFrom from = testClass.getAnnotation(DatabaseFrom.class);
      return stored(
          classContext,
          RunningPostgres.class,
          () ->
              from == null
                  ? SharedServices.database(testClass)
                  : SharedServices.database(testClass, from.value()));
    }
    if (type == RunningBroker.class) {
      return dedicated
          ? closedAfterClass(
              classContext,
              type,
              () ->
                  MqttBrokerService.start(
                      BrokerOptions.forTest(
                          SharedServices.dir(unique("mqtt")), BrokerKind.MOSQUITTO)))
          : SharedServices.broker();
    }
    return dedicated
        ? closedAfterClass(
            classContext,
            type,
            () ->
                TemporalService.start(
                    TemporalOptions.forTest(
                        SharedServices.dir(unique("temporal")), TemporalKind.IN_JVM)))
        : SharedServices.temporal();
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }

  private static Object stored(ExtensionContext context, Class<?> key, Supplier<?> create) {
    return context.getStore(NAMESPACE).getOrComputeIfAbsent(key, k -> create.get());
  }

  private static Object closedAfterClass(
      ExtensionContext context, Class<?> key, Supplier<? extends AutoCloseable> create) {
    Closing closing =
        context
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(key, k -> new Closing(create.get()), Closing.class);
    return closing.service();
  }

  private static String unique(String name) {
    return name + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
  }

  /** Closes a dedicated service when JUnit drops the class's store. */
  private record Closing(AutoCloseable service)
      implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() throws Exception {
      service.close();
    }
  }
}
