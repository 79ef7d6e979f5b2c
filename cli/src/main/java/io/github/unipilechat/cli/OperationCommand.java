package io.github.unipilechat.cli;

import static io.github.unipilechat.cli.CommandSpecs.flag;
import static io.github.unipilechat.cli.CommandSpecs.option;
import static io.github.unipilechat.cli.CommandSpecs.repeatable;
import static io.github.unipilechat.cli.CommandSpecs.value;
import static io.github.unipilechat.cli.CommandSpecs.values;

import io.github.unipilechat.CallOptions;
import io.github.unipilechat.UnipileChatClient;
import io.github.unipilechat.contract.mock.MockUnipileServer;
import io.github.unipilechat.core.OperationRequest;
import io.github.unipilechat.core.OperationResponse;
import io.github.unipilechat.drift.ResponseCheck;
import io.github.unipilechat.drift.ResponseDriftException;
import io.github.unipilechat.errors.InvalidRequestException;
import io.github.unipilechat.files.Attachment;
import io.github.unipilechat.internal.form.FormField;
import io.github.unipilechat.internal.form.FormSchema;
import io.github.unipilechat.internal.spec.Operation;
import io.github.unipilechat.internal.spec.Parameter;
import io.github.unipilechat.internal.spec.SpecModel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * One command per operation of the provider's document, built from the spec when the command line starts: named
 * after the operation ({@code send-message-in-chat}, and always {@code chats-send-message-in-chat}), an option per
 * path, query and header parameter ({@code --chat-id}), {@code --field} for body fields, help from the spec's
 * words, and the same target, key, {@code --mock}, {@code --check-response} and {@code --timeout} as
 * {@code start-chat}, with the same exit codes.
 */
final class OperationCommand implements Callable<Integer> {
  /** The options every operation command has; a parameter whose name would clash gets its place as a prefix. */
  private static final Set<String> COMMON = Set.of("--field", "--base-url", "--dsn", "--api-key", "--timeout",
      "--mock", "--allow-insecure-http", "--accept-not-described", "--check-response", "--verbose", "--help",
      "--version");

  private final Console console;
  private final EmbeddedMock embeddedMock;
  private final Operation operation;
  private final CommandSpec spec;
  /** Each parameter option's name, with the parameter it sets. */
  private final Map<String, Parameter> parameterOptions = new LinkedHashMap<>();
  /** The configured keys, redacted from everything printed. */
  private Secrets secrets;

  OperationCommand(Console console, EmbeddedMock embeddedMock, SpecModel model, Operation operation, String name) {
    this.console = console;
    this.embeddedMock = embeddedMock;
    this.operation = operation;
    String summary = operation.summary().isEmpty() ? operation.id() : operation.summary();
    this.spec = CommandSpecs.command(this, name, summary + " (" + operation.method() + " "
        + operation.path().template() + ", operation " + operation.id() + ").", oneParagraph(operation.description()));
    spec.usageMessage().sortOptions(false);
    for (Parameter parameter : operation.parameters()) {
      String option = "--" + Operation.kebab(parameter.name());
      if (COMMON.contains(option) || parameterOptions.containsKey(option)) {
        option = "--" + parameter.in().word() + "-" + Operation.kebab(parameter.name());
      }
      parameterOptions.put(option, parameter);
      String description = (parameter.description().isEmpty() ? parameter.in().word() + " parameter "
          + parameter.name() : oneParagraph(parameter.description()));
      spec.addOption((parameter.repeats() ? repeatable(option, String.class, "<" + parameter.name() + ">",
          description + " (repeat for several)") : option(option, String.class, "<" + parameter.name() + ">",
          description)).required(parameter.required()).build());
    }
    if (operation.body().isPresent()) {
      List<String> fields = new ArrayList<>();
      fields.add("A body field by its spec name, as curl -F reads it: NAME=VALUE (repeat for an array), NAME=@PATH"
          + " for a file" + (operation.body().get().isJson() ? "; JSON values for objects and arrays" : "")
          + ". The fields:");
      for (FormField field : FormSchema.of(model, operation).fields()) {
        String words = oneParagraph(field.schema().path("description").asText(""));
        fields.add("  " + field.name() + (field.required() ? " (required)" : "")
            + (field.kind().isFile() ? " (file)" : "") + (words.isEmpty() ? "" : ": " + cut(words, 100)));
      }
      spec.addOption(repeatable("--field", String.class, "NAME=VALUE|NAME=@PATH", fields.toArray(String[]::new))
          .build());
    }
    spec.addOption(option("--base-url", String.class, "<baseUrl>", "API base URL (env UNIPILE_BASE_URL).").build())
        .addOption(option("--dsn", String.class, "HOST:PORT",
            "Unipile DSN such as api8.unipile.com:13851 (env UNIPILE_DSN).").build())
        .addOption(option("--api-key", String.class, "<apiKey>",
            "API key (env UNIPILE_API_KEY). Prefer the variable: arguments show in ps.").build())
        .addOption(option("--timeout", Long.class, "SECONDS",
            "Limit on the whole run, every attempt and retry wait included (1-86400; default: 300 per attempt).").build())
        .addOption(flag("--mock",
            "Send to an embedded mock server, even if a key is configured (the key is not sent)."))
        .addOption(flag("--allow-insecure-http", "Allow http:// to a non-loopback host (sends the key in clear)."))
        .addOption(flag("--accept-not-described", "Send what the spec does not describe (a --field name it does not"
            + " list) instead of refusing it; the embedded mock accepts it too."))
        .addOption(option("--check-response", ResponseCheck.class, "off|warn|fail",
            "Check the answer against the spec: warn (default) prints each difference on stderr, fail also exits "
                + ExitCodes.RESPONSE_DRIFT + " (the operation was still carried out when the answer was a success),"
                + " off skips it.")
            .converters(new CheckResponseOption()).initialValue(ResponseCheck.WARN).build())
        .addOption(VerboseOption.spec());
    CommandSpecs.withStandardHelpOptions(spec);
  }

  /** Each parameter option's name, with the parameter it sets, in the operation's order. */
  Map<String, Parameter> parameterOptions() {
    return Collections.unmodifiableMap(parameterOptions);
  }

  /**
   * Every operation's command names: the long one ({@code chats-send-message-in-chat}) always, the short one
   * ({@code send-message-in-chat}) while no other operation has it. Names the command line already has (its own
   * commands) are left to those.
   *
   * @return each name with its operation, in the document's order
   */
  static Map<String, Operation> names(SpecModel model, Set<String> taken) {
    Map<String, Integer> shortCount = new LinkedHashMap<>();
    for (Operation operation : model.operations().all()) {
      shortCount.merge(operation.label(), 1, Integer::sum);
    }
    Map<String, Operation> names = new LinkedHashMap<>();
    for (Operation operation : model.operations().all()) {
      String shortName = operation.label();
      String longName = operation.family().isEmpty() ? shortName : Operation.kebab(operation.family()) + "-" + shortName;
      if (shortCount.get(shortName) == 1 && !taken.contains(shortName)) {
        names.putIfAbsent(shortName, operation);
      }
      if (!taken.contains(longName)) {
        names.putIfAbsent(longName, operation);
      }
    }
    return names;
  }

  CommandSpec spec() {
    return spec;
  }

  @Override
  public Integer call() throws IOException {
    secrets = Secrets.of(value(spec, "--api-key"), console);
    boolean acceptNotDescribed = value(spec, "--accept-not-described");
    Long timeoutSeconds = value(spec, "--timeout");
    if (timeoutSeconds != null && (timeoutSeconds < 1 || timeoutSeconds > StartChatCommand.TIMEOUT_MAX_SECONDS)) {
      throw new IllegalArgumentException("--timeout: expected 1 to " + StartChatCommand.TIMEOUT_MAX_SECONDS
          + " seconds");
    }
    OperationRequest request;
    try {
      request = request(acceptNotDescribed);
    } catch (InvalidRequestException e) {
      throw new IllegalArgumentException(e.message("--accept-not-described"), e);
    }
    CallOptions.Builder options = CallOptions.builder();
    if (timeoutSeconds != null) {
      options.deadline(Duration.ofSeconds(timeoutSeconds));
    }
    Target target = Target.of(console, value(spec, "--base-url"), value(spec, "--dsn"), value(spec, "--api-key"),
        value(spec, "--mock"));
    if (target.embedded()) {
      try (MockUnipileServer mock = embeddedMock.take(acceptNotDescribed)) {
        target.sayEmbedded(mock.baseUrl());
        return send(target.builder(mock.baseUrl()), request, options.build());
      }
    }
    return send(target.builder(null), request, options.build());
  }

  private int send(UnipileChatClient.Builder builder, OperationRequest request, CallOptions options)
      throws IOException {
    builder.allowInsecureHttp(value(spec, "--allow-insecure-http"));
    builder.checkResponse(value(spec, "--check-response"))
        .driftListener(new CheckResponseOption.DriftLines(console.err(), secrets));
    UploadProgress.Attached progress = UploadProgress.attach(builder, console.err());
    try (UnipileChatClient client = builder.build()) {
      print(client.call(request, options));
    } catch (ResponseDriftException e) {
      // Carried out: print what a script needs, then fail on the drift.
      if (e.response().isPresent()) {
        print(e.response().get());
      }
      throw e;
    } finally {
      progress.close();
    }
    return ExitCodes.OK;
  }

  private OperationRequest request(boolean acceptNotDescribed) {
    OperationRequest.Builder builder = OperationRequest.builder(operation.id()).acceptNotDescribed(acceptNotDescribed);
    parameterOptions.forEach((option, parameter) -> {
      if (parameter.repeats()) {
        List<String> given = values(spec, option);
        given.forEach(value -> builder.parameter(parameter.name(), value));
      } else {
        Optional.ofNullable(CommandSpecs.<String>value(spec, option))
            .ifPresent(value -> builder.parameter(parameter.name(), value));
      }
    });
    if (operation.body().isPresent()) {
      for (String field : CommandSpecs.<String>values(spec, "--field")) {
        if (secrets.foundIn(field)) {
          throw new IllegalArgumentException("--field: an argument holds the API key; refused (nothing is sent or"
              + " shown)");
        }
        int equals = field.indexOf('=');
        if (equals <= 0) {
          throw new IllegalArgumentException("--field takes NAME=VALUE or NAME=@PATH (got no '=' after a name)");
        }
        String name = field.substring(0, equals);
        String value = field.substring(equals + 1);
        if (value.startsWith("@")) {
          builder.field(name, Attachment.of(Path.of(value.substring(1))));
        } else {
          builder.field(name, value);
        }
      }
    }
    return builder.build();
  }

  /** The answer's JSON on one line, or its bytes as they came (a picture, an attachment), as curl prints them. */
  private void print(OperationResponse response) throws IOException {
    if (response.json().isPresent()) {
      console.out().println(secrets.scrub(response.json().get().toString()));
    } else {
      console.out().write(response.bytes());
      console.out().flush();
    }
  }

  /** The spec's prose on one line, without its HTML line breaks. */
  private static String oneParagraph(String text) {
    return text.replaceAll("<br\\s*/?>", " ").replaceAll("\\s+", " ").trim();
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
