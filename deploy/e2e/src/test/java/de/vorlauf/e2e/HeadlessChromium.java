package de.vorlauf.e2e;

import java.nio.file.Path;
import org.openqa.selenium.WebDriver;

/**
 * This module's name for test-support's {@link de.vorlauf.testsupport.browser.HeadlessChromium},
 * the one copy of the browser set-up; kept so the tests calling it stay as they are.
 */
final class HeadlessChromium {

  private HeadlessChromium() {}

  static WebDriver start(Path workDir) {
    return de.vorlauf.testsupport.browser.HeadlessChromium.start(workDir);
  }

  /** Keeps what the browser showed for a person reading a failed build. */
  static void screenshot(WebDriver driver, Path target) {
    de.vorlauf.testsupport.browser.HeadlessChromium.screenshot(driver, target);
  }
}
