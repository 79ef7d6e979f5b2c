package io.github.unipilechat.cli;

import static io.github.unipilechat.cli.CommandSpecs.flag;
import static io.github.unipilechat.cli.CommandSpecs.option;
import static io.github.unipilechat.cli.CommandSpecs.repeatable;
import static io.github.unipilechat.cli.CommandSpecs.value;
import static io.github.unipilechat.cli.CommandSpecs.values;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.CallOptions;
import io.github.unipilechat.ChatStarted;
import io.github.unipilechat.StartChatRequest;
import io.github.unipilechat.UnipileChatClient;
import io.github.unipilechat.contract.mock.MockUnipileServer;
import io.github.unipilechat.drift.ResponseCheck;
import io.github.unipilechat.drift.ResponseDriftException;
import io.github.unipilechat.errors.InvalidRequestException;
import io.github.unipilechat.files.Attachment;
import io.github.unipilechat.options.LinkedInOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code start-chat}: sends one start-chat request and prints the response JSON. */
final class StartChatCommand implements Callable<Integer> {
  static final String NAME = "start-chat";
  static final String BASE_URL_ENV = Target.BASE_URL_ENV;
  static final String DSN_ENV = Target.DSN_ENV;
  static final String API_KEY_ENV = Target.API_KEY_ENV;
  /** The most {@code --linkedin @FILE} reads: far more than any options object, far less than memory. */
  static final long LINKEDIN_FILE_LIMIT = 1 << 20;
  /** The longest {@code --timeout}: a day. */
  static final long TIMEOUT_MAX_SECONDS = 86_400;

  private final Console console;

  private final CommandSpec spec;
  private final EmbeddedMock embeddedMock;
  private String accountId;
  private List<String> attendees;
  private String text;
  private String subject;
  private List<Path> attachments;
  private Path voice;
  private Path video;
  private String linkedIn;
  private List<Path> followUpAttachments;
  private List<String> fields;
  private String baseUrl;
  private String dsn;
  private String apiKey;
  private Long timeoutSeconds;
  private boolean mock;
  private boolean allowInsecureHttp;
  private boolean acceptNotDescribed;
  private ResponseCheck checkResponse;
  private Secrets secrets;

  StartChatCommand(Console console, EmbeddedMock embeddedMock) {
    this.console = console;
    this.embeddedMock = embeddedMock;
    this.spec = CommandSpecs.command(this, NAME, "Start a new chat (POST /api/v1/chats) and print the response JSON.",
        "Without a target (--base-url/--dsn, UNIPILE_BASE_URL/UNIPILE_DSN) and without a key, or with --mock, the"
            + " request goes to an embedded mock server; a key without a target is refused.");
    spec.usageMessage().sortOptions(false);
    spec.addOption(option("--account-id", String.class, "<accountId>", "Unipile account id to send from.")
            .required(true).build())
        .addOption(repeatable("--attendee", String.class, "<attendees>", "Attendee provider id; repeat for several.")
            .required(true).build())
        .addOption(option("--text", String.class, "<text>", "Message text.").build())
        .addOption(option("--subject", String.class, "<subject>", "Conversation subject.").build())
        .addOption(repeatable("--attach", Path.class, "<attachments>", "File to attach; repeat for several.").build())
        .addOption(option("--voice", Path.class, "<voice>", "Voice message file (LinkedIn).").build())
        .addOption(option("--video", Path.class, "<video>", "Video message file (LinkedIn).").build())
        .addOption(option("--linkedin", String.class, "JSON|@FILE",
            "LinkedIn options as JSON shaped like the spec's linkedin field, or @file.json.").build())
        .addOption(repeatable("--follow-up-attach", Path.class, "<followUpAttachments>",
            "File for the recruiter follow-up; repeat for several.").build())
        .addOption(repeatable("--field", String.class, "NAME=VALUE|NAME=@PATH",
            "Any field of the spec's form by name, as curl -F reads it: NAME=VALUE for text (repeat for an",
            "array field), NAME=@PATH for a file. Reaches fields the provider adds after this tool was built.").build())
        .addOption(option("--base-url", String.class, "<baseUrl>", "API base URL (env UNIPILE_BASE_URL).").build())
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
            + " list, linkedin keys of another shape, days with weeks) instead of refusing it; the embedded mock accepts it too."))
        .addOption(option("--check-response", ResponseCheck.class, "off|warn|fail",
            "Check the answer against the spec: warn (default) prints each difference on stderr, fail also exits "
                + ExitCodes.RESPONSE_DRIFT + " (the chat was still started when the answer was a 201), off skips it.")
            .converters(new CheckResponseOption()).initialValue(ResponseCheck.WARN).build())
        .addOption(VerboseOption.spec());
    CommandSpecs.withStandardHelpOptions(spec);
  }

  CommandSpec spec() {
    return spec;
  }

  /** The parsed command line, into the fields the rest of this class reads. */
  private void read() {
    accountId = value(spec, "--account-id");
    attendees = values(spec, "--attendee");
    text = value(spec, "--text");
    subject = value(spec, "--subject");
    attachments = values(spec, "--attach");
    voice = value(spec, "--voice");
    video = value(spec, "--video");
    linkedIn = value(spec, "--linkedin");
    followUpAttachments = values(spec, "--follow-up-attach");
    fields = values(spec, "--field");
    baseUrl = value(spec, "--base-url");
    dsn = value(spec, "--dsn");
    apiKey = value(spec, "--api-key");
    timeoutSeconds = value(spec, "--timeout");
    mock = value(spec, "--mock");
    allowInsecureHttp = value(spec, "--allow-insecure-http");
    acceptNotDescribed = value(spec, "--accept-not-described");
    checkResponse = value(spec, "--check-response");
  }

  @Override
  public Integer call() throws IOException {
    read();
    secrets = Secrets.of(apiKey, console);
    StartChatRequest request;
    try {
      request = request();
    } catch (InvalidRequestException e) {
      // The client's hint names its Java switch; on the command line the switch is a flag.
      throw new IllegalArgumentException(e.message("--accept-not-described"), e);
    }
    Target target = Target.of(console, baseUrl, dsn, apiKey, mock);
    if (target.embedded()) {
      try (MockUnipileServer embedded = embeddedMock.take(acceptNotDescribed)) {
        target.sayEmbedded(embedded.baseUrl());
        return send(target.builder(embedded.baseUrl()), request);
      }
    }
    return send(target.builder(null), request);
  }

  private int send(UnipileChatClient.Builder builder, StartChatRequest request) throws IOException {
    builder.allowInsecureHttp(allowInsecureHttp);
    CallOptions.Builder options = CallOptions.builder();
    if (timeoutSeconds != null) {
      options.deadline(Duration.ofSeconds(timeoutSeconds));
    }
    CheckResponseOption.DriftLines warnings = new CheckResponseOption.DriftLines(console.err(), secrets);
    builder.checkResponse(checkResponse).driftListener(warnings);
    UploadProgress.Attached progress = UploadProgress.attach(builder, console.err());
    try (UnipileChatClient client = builder.build()) {
      print(client.startChat(request, options.build()));
    } catch (ResponseDriftException e) {
      // Sent and started: print the ids a script needs, then fail on the drift.
      Optional<ChatStarted> started = e.result(ChatStarted.class);
      if (started.isPresent()) {
        print(started.get());
      }
      throw e;
    } finally {
      progress.close();
    }
    return ExitCodes.OK;
  }

  private StartChatRequest request() throws IOException {
    if (timeoutSeconds != null && (timeoutSeconds < 1 || timeoutSeconds > TIMEOUT_MAX_SECONDS)) {
      throw new IllegalArgumentException("--timeout: expected 1 to " + TIMEOUT_MAX_SECONDS + " seconds");
    }
    StartChatRequest.Builder builder = StartChatRequest.builder()
        .acceptNotDescribed(acceptNotDescribed)
        .accountId(accountId)
        .attendees(attendees)
        .text(text)
        .subject(subject)
        .attachments(files(attachments));
    if (voice != null) {
      builder.voiceMessage(Attachment.of(voice));
    }
    if (video != null) {
      builder.videoMessage(Attachment.of(video));
    }
    if (linkedIn != null) {
      builder.linkedIn(LinkedInOptions.fromJson(linkedInJson(), files(followUpAttachments)));
    } else if (!followUpAttachments.isEmpty()) {
      throw new IllegalArgumentException("--follow-up-attach needs --linkedin with a recruiter follow_up");
    }
    for (String field : fields) {
      if (secrets.foundIn(field)) {
        // Pasted by mistake: its name would be echoed in a refusal, or it would go out in a message.
        throw new IllegalArgumentException("--field: an argument holds the API key (not shown); nothing was sent."
            + " --field takes NAME=VALUE, NAME a field of the form");
      }
      addField(builder, field);
    }
    return builder.build();
  }

  /** {@code NAME=VALUE} or {@code NAME=@PATH}; the value is never echoed in an error (it may be a secret). */
  private static void addField(StartChatRequest.Builder builder, String field) {
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

  /**
   * The JSON as given, or with {@code @FILE} the whole file (picocli's own @-file expansion is off: it would
   * split the file into words, and read a file for any argument starting with @). Size-checked before reading.
   */
  private String linkedInJson() {
    if (!linkedIn.startsWith("@")) {
      return linkedIn;
    }
    Path file = Path.of(linkedIn.substring(1));
    try {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("--linkedin " + linkedIn + ": no such file");
      }
      long size = Files.size(file);
      if (size > LINKEDIN_FILE_LIMIT) {
        throw new IllegalArgumentException("--linkedin " + linkedIn + ": " + size + " bytes, more than the "
            + LINKEDIN_FILE_LIMIT + " an options file may have");
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("--linkedin " + linkedIn + ": cannot read the file ("
          + e.getClass().getSimpleName() + ")", e);
    }
  }

  private static List<Attachment> files(List<Path> paths) {
    return paths.stream().map(Attachment::of).toList();
  }

  private void print(ChatStarted started) throws IOException {
    ObjectNode json = JsonNodeFactory.instance.objectNode().put("object", "ChatStarted");
    json.put("chat_id", started.chatId().orElse(null));
    json.put("message_id", started.messageId().orElse(null));
    // The ids are the server's text: the client redacts the key it was given, this redacts any the run was given.
    console.out().println(secrets.scrub(json.toString()));
  }
}
