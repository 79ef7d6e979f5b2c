package io.github.unipilechat.contract.maven;

import io.github.unipilechat.contract.pact.PactFile;
import io.github.unipilechat.contract.pact.VerifyPact;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code verify-pact}: checks every HTTP interaction of the build's pact files against the provider's OpenAPI
 * document with the contract kit's {@link VerifyPact}, the same check as {@code unipile-chat verify-pact}. Bound to
 * {@code verify}, so it runs after the consumer tests that write the pacts; any violation fails the build, one line
 * per violation.
 */
@Mojo(name = "verify-pact", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class VerifyPactMojo extends AbstractMojo {

  /** Where the consumer tests write their pacts ({@code pact.rootDir}); every {@code *.json} in it is checked. */
  @Parameter(property = "unipile.pacts", defaultValue = "${project.build.directory}/pacts")
  File pactDirectory;

  /** The OpenAPI document to check against; unset means the provider's document bundled in the SDK's jar. */
  @Parameter(property = "unipile.spec")
  File spec;

  /**
   * Accept what the spec does not describe (unknown fields such as {@code linkedin[foo]}, a key of another LinkedIn
   * shape, {@code days} with {@code weeks}) instead of failing on it; the same switch as {@code verify-pact
   * --accept-not-described}, the mock's and the client's {@code acceptNotDescribed}.
   */
  @Parameter(property = "unipile.acceptNotDescribed", defaultValue = "false")
  boolean acceptNotDescribed;

  /** A build without pacts usually means the consumer tests did not run or wrote elsewhere: fail unless false. */
  @Parameter(property = "unipile.verifyPact.failIfNoPacts", defaultValue = "true")
  boolean failIfNoPacts = true;

  /** Skips the check; follows {@code -DskipTests}. */
  @Parameter(property = "unipile.verifyPact.skip", defaultValue = "${skipTests}")
  boolean skip;

  /** {@code -Dmaven.test.skip}: no test ran, so no pact was written; nothing to check. */
  @Parameter(defaultValue = "${maven.test.skip}", readonly = true)
  boolean testsSkipped;

  @Override
  public void execute() throws MojoFailureException {
    if (skip || testsSkipped) {
      getLog().info("verify-pact: skipped");
      return;
    }
    List<Path> pacts = pacts();
    if (pacts.isEmpty()) {
      String message = "verify-pact: no pact file (*.json) in " + pactDirectory;
      if (failIfNoPacts) {
        throw new MojoFailureException(message + "; did the consumer tests run and write there (pact.rootDir)?");
      }
      getLog().warn(message);
      return;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = VerifyPact.run(pacts, spec == null ? null : spec.toPath(), PactFile.DEFAULT_MAX_BYTES, acceptNotDescribed,
          outStream, errStream);
    }
    List<String> lines = new ArrayList<>(lines(out));
    lines.addAll(lines(err));
    if (code == VerifyPact.OK) {
      lines.forEach(getLog()::info);
      return;
    }
    // The message is what Maven prints under BUILD FAILURE: every violation on its own line, then the summary.
    throw new MojoFailureException(String.join(System.lineSeparator(), lines));
  }

  private List<Path> pacts() throws MojoFailureException {
    Path dir = pactDirectory.toPath();
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new MojoFailureException("verify-pact: cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  private static List<String> lines(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
  }
}
