package io.github.unipilechat.specgate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * Compares the provider's spec in {@code openapi/} with the one the last release was built from, prints what
 * changed, and fails the build when an operation changed incompatibly, unless that is acknowledged.
 *
 * <p>The verdict is the gate's own ({@link OperationComparison}): schemas compared by content, properties by name
 * and {@code anyOf} branches by what they accept, never by position. openapi-diff's report is printed after it for
 * detail; where openapi-diff judges differently (it pairs {@code anyOf} branches by position), the report says so.
 */
public final class SpecGate {
  /** What the comparison found, with a report fit for a person. */
  public record Verdict(boolean changed, boolean breaking, List<Change> changes, String report) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private SpecGate() {}

  public static Verdict compare(String baseline, String current) {
    List<Change> changes;
    try {
      changes = new OperationComparison(JSON.readTree(baseline), JSON.readTree(current)).compare();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("[spec-gate] not a JSON OpenAPI document: " + e.getOriginalMessage(), e);
    }
    boolean breaking = changes.stream().anyMatch(Change::breaking);
    ChangedOpenApi diff = OpenApiCompare.fromContents(baseline, current);
    StringBuilder report = new StringBuilder();
    changes.forEach(change -> report.append(change).append('\n'));
    if (!diff.isUnchanged()) {
      if (diff.isIncompatible() && !breaking) {
        report.append("(openapi-diff reads the change below as breaking. Compared by content, with properties matched "
            + "by name and anyOf branches by what they accept, every released request is still accepted and every "
            + "documented answer still readable.)\n");
      }
      report.append(markdown(diff));
    }
    return new Verdict(!changes.isEmpty() || !diff.isUnchanged(), breaking, List.copyOf(changes), report.toString());
  }

  /** Arguments: baseline spec, current spec, and {@code true} to accept a breaking change. */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: SpecGate BASELINE.json CURRENT.json ACCEPT_BREAKING(true|false)");
    }
    Verdict verdict = compare(Files.readString(Path.of(args[0])), Files.readString(Path.of(args[1])));
    boolean accept = Boolean.parseBoolean(args[2]);
    if (!verdict.changed()) {
      System.out.println("[spec-gate] openapi/ matches the baseline of the last release: no API change.");
      return;
    }
    System.out.println("[spec-gate] the provider's spec changed since the last release:");
    System.out.println(verdict.report());
    if (!verdict.breaking()) {
      System.out.println("[spec-gate] compatible changes only.");
    } else if (accept) {
      System.out.println("[spec-gate] BREAKING changes, acknowledged (-Dunipile.spec.acceptBreaking=true).");
    } else {
      throw new IllegalStateException("[spec-gate] the API changed incompatibly (the BREAKING lines above). "
          + "If the provider really made this change, rebuild with -Dunipile.spec.acceptBreaking=true, "
          + "release, and move openapi/baseline/ to the new spec.");
    }
  }

  private static String markdown(ChangedOpenApi diff) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      new MarkdownRender().render(diff, writer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
