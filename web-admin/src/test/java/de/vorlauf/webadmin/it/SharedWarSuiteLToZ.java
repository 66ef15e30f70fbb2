package de.vorlauf.webadmin.it;

import org.junit.platform.suite.api.ExcludeTags;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/** The IT classes whose names start with L to Z: see {@link SharedWarSuiteAToK}. */
@Suite
@SelectPackages("de.vorlauf.webadmin")
@IncludeClassNamePatterns(".*\\.[L-Z]\\w*IT")
@ExcludeTags("small-ingest-queues")
class SharedWarSuiteLToZ {}
