package de.vorlauf.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The test class stops, breaks or reconfigures a service, so {@link TestServices} starts servers of
 * its own for it (closed after the class) instead of handing out the JVM's shared ones.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface Dedicated {}
