package de.vorlauf.inference;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code deploy/vorlauf verify-model <bundle.zip | directory>}: {@link ModelVerification} as a
 * command. Exit code 0 when the model reproduces its holdout sample, 1 when it does not or cannot
 * be loaded, 2 for a wrong call.
 */
public final class VerifyModel {

  private VerifyModel() {}

  public static void main(String[] args) {
    // the report is this command's output, so it goes to standard output, not to a logger
    System.exit(run(args, System.out));
  }

  public static int run(String[] args, PrintStream out) {
    if (args.length != 1) {
      out.println(
          "usage: verify-model <bundle.zip | directory with *.onnx, manifest.json,"
              + " holdout-sample.csv>");
      return 2;
    }
    ModelVerification.Result result = ModelVerification.verify(Path.of(args[0]));
    result.lines().forEach(out::println);
    return result.passed() ? 0 : 1;
  }
}
