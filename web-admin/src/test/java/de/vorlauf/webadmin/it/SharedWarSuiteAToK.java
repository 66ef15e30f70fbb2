package de.vorlauf.webadmin.it;

import org.junit.platform.suite.api.ExcludeTags;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The IT classes of web-admin whose names start with A to K, in one launcher request; {@link
 * SharedWarSuiteLToZ} runs the others. The build runs the two in two test JVMs at once (root pom,
 * {@code it.forks}), each with its own PostgreSQL, WildFly and deployment of the WAR ({@link
 * SharedWar}), shared by the classes of its suite.
 *
 * <p>Why suites: with more than one test JVM, failsafe hands each JVM one class at a time, as a
 * launcher request of its own, and closes JUnit's root store after each. The WildFly of
 * Arquillian's managed container lives in that store, so it would boot and deploy again for every
 * class (measured: 38 s for a class that takes 0.1 s in a running server). A suite is one class to
 * failsafe and one request to JUnit. The split by first letter puts every IT class in exactly one
 * suite without a list to keep; the halves took about 130 s of test time each with one JVM. {@code
 * -Dit.test=SomeIT} still runs one class on its own.
 */
@Suite
@SelectPackages("de.vorlauf.webadmin")
@IncludeClassNamePatterns(".*\\.[A-K]\\w*IT")
@ExcludeTags("small-ingest-queues")
class SharedWarSuiteAToK {}
