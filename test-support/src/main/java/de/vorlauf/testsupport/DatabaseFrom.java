package de.vorlauf.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The template the class's {@link TestDatabase} is copied from (default: an empty database). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface DatabaseFrom {
  Class<? extends DatabaseTemplate> value();
}
