package de.vorlauf.webadmin.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An IT class against the one admin WAR of this test JVM ({@link ItWar#base()}): the shared
 * PostgreSQL first ({@link ItDatabase}; Hibernate connects at deployment), then the WildFly that
 * Arquillian's managed container starts once per JVM, then the WAR, deployed once ({@link ItWar}).
 * The class has no {@code @Deployment} of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({ItDatabase.class, ArquillianExtension.class, ItWar.class})
@interface SharedWar {}
