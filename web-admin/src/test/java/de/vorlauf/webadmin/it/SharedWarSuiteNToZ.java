package de.vorlauf.webadmin.it;

import org.junit.platform.suite.api.ExcludeTags;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/** The IT classes whose names start with N to Z: see {@link SharedWarSuiteAToM}. */
@Suite
@SelectPackages("de.vorlauf.webadmin.it")
@IncludeClassNamePatterns("de\\.vorlauf\\.webadmin\\.it\\.[N-Z]\\w*IT")
@ExcludeTags("small-ingest-queues")
class SharedWarSuiteNToZ {}
