package de.vorlauf.webadmin.it;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven by its own ChromeDriver: no Selenium Manager (it would try the network),
 * a profile in a folder of the test's own, and no background traffic to the outside.
 */
final class HeadlessChromium {

  private HeadlessChromium() {}

  static WebDriver start(Path workDir) {
    Path profile = workDir.resolve("profile");
    Path tmp = workDir.resolve("tmp");
    try {
      Files.createDirectories(tmp);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(new File("/usr/bin/chromium"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--window-size=1280,1024",
        "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            // what ChromeDriver saw when Chromium would not start
            .withLogFile(workDir.resolve("chromedriver.log").toFile())
            // Chromium unpacks into TMPDIR and would leave a folder in /tmp at every launch
            .withEnvironment(java.util.Map.of("TMPDIR", tmp.toAbsolutePath().toString()))
            .build();
    return new ChromeDriver(service, options);
  }

  /** Keeps what the browser showed for a person reading a failed build. */
  static void screenshot(WebDriver driver, Path target) {
    try {
      Files.createDirectories(target.getParent());
      Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (Exception e) {
      // a failed screenshot must not hide the test's own failure
    }
  }
}
