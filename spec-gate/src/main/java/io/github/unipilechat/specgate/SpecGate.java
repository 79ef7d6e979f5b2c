package io.github.unipilechat.specgate;

import io.swagger.v3.oas.models.PathItem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * Compares the provider's spec in {@code openapi/} with the one the last release was built from, prints what
 * changed, and fails the build when {@code POST /api/v1/chats} changed incompatibly, unless that is
 * acknowledged. The judgement is openapi-diff's: removed or narrowed response fields and enums, newly required
 * or narrowed request fields, and (conservatively) new values in response enums, such as a new error type.
 */
public final class SpecGate {
  static final String PATH = "/api/v1/chats";

  /** What the comparison found, with a report fit for a person. */
  public record Verdict(boolean changed, boolean breaking, String report) {}

  private SpecGate() {}

  public static Verdict compare(String baseline, String current) {
    ChangedOpenApi diff = OpenApiCompare.fromContents(baseline, current);
    boolean removed = diff.getMissingEndpoints().stream()
        .anyMatch(e -> e.getPathUrl().equals(PATH) && e.getMethod() == PathItem.HttpMethod.POST);
    boolean breaking = removed || diff.getChangedOperations().stream()
        .filter(SpecGate::isStartChat)
        .anyMatch(ChangedOperation::isIncompatible);
    return new Verdict(!diff.isUnchanged(), breaking, diff.isUnchanged() ? "" : markdown(diff));
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
      System.out.println("[spec-gate] POST " + PATH + ": compatible changes only.");
    } else if (accept) {
      System.out.println("[spec-gate] POST " + PATH + ": BREAKING changes, acknowledged (-Dunipile.spec.acceptBreaking=true).");
    } else {
      throw new IllegalStateException("[spec-gate] POST " + PATH + " changed incompatibly (report above). "
          + "If the provider really made this change, rebuild with -Dunipile.spec.acceptBreaking=true, "
          + "release, and move openapi/baseline/ to the new spec.");
    }
  }

  private static boolean isStartChat(ChangedOperation operation) {
    return operation.getPathUrl().equals(PATH) && operation.getHttpMethod() == PathItem.HttpMethod.POST;
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
