package de.vorlauf.devstack;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

/** A repository checkout whose worker jar and WildFly server are the fakes of this package. */
final class FakeRepository {

  private FakeRepository() {}

  static Path create(Path repo) throws IOException {
    String classpath = System.getProperty("java.class.path");
    writeWorkerJar(repo.resolve("worker/target/vorlauf-worker.jar"), classpath);
    Path server = repo.resolve("deploy/wildfly/target/server");
    Files.createDirectories(server.resolve("standalone/configuration"));
    Files.writeString(server.resolve("standalone/configuration/standalone.xml"), "<server/>");
    Path script = Files.createDirectories(server.resolve("bin")).resolve("standalone.sh");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Files.writeString(
        script,
        "#!/bin/sh\nexec "
            + java
            + " -Xmx64m -cp '"
            + classpath
            + "' "
            + FakeWildfly.class.getName()
            + " \"$@\"\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createDirectories(repo.resolve("web-admin/target"));
    Files.writeString(repo.resolve("web-admin/target/vorlauf-admin.war"), "not really a war");
    return repo;
  }

  private static void writeWorkerJar(Path jar, String classpath) throws IOException {
    Manifest manifest = new Manifest();
    Attributes attributes = manifest.getMainAttributes();
    attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    attributes.put(Attributes.Name.MAIN_CLASS, FakeWorker.class.getName());
    attributes.put(
        Attributes.Name.CLASS_PATH,
        Arrays.stream(classpath.split(File.pathSeparator))
            .map(entry -> Path.of(entry).toUri().toString())
            .collect(Collectors.joining(" ")));
    Files.createDirectories(jar.getParent());
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream ignored = new JarOutputStream(out, manifest)) {
      // the manifest is the whole jar
    }
  }
}
