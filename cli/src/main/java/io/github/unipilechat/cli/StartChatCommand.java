package io.github.unipilechat.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.ChatStarted;
import io.github.unipilechat.StartChatRequest;
import io.github.unipilechat.UnipileChatClient;
import io.github.unipilechat.contract.mock.MockUnipileServer;
import io.github.unipilechat.files.Attachment;
import io.github.unipilechat.options.LinkedInOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code start-chat}: sends one start-chat request and prints the response JSON. */
@Command(name = "start-chat", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Start a new chat (POST /api/v1/chats) and print the response JSON.",
        "Without --base-url/--dsn (or UNIPILE_BASE_URL/UNIPILE_DSN) the request goes to an embedded mock server."})
final class StartChatCommand implements Callable<Integer> {
  static final String BASE_URL_ENV = "UNIPILE_BASE_URL";
  static final String DSN_ENV = "UNIPILE_DSN";
  static final String API_KEY_ENV = "UNIPILE_API_KEY";
  private static final String DEMO_KEY = "demo-key";

  private final Console console;

  @Option(names = "--account-id", required = true, description = "Unipile account id to send from.")
  String accountId;

  @Option(names = "--attendee", required = true, description = "Attendee provider id; repeat for several.")
  List<String> attendees = new ArrayList<>();

  @Option(names = "--text", description = "Message text.")
  String text;

  @Option(names = "--subject", description = "Conversation subject.")
  String subject;

  @Option(names = "--attach", description = "File to attach; repeat for several.")
  List<Path> attachments = new ArrayList<>();

  @Option(names = "--voice", description = "Voice message file (LinkedIn).")
  Path voice;

  @Option(names = "--video", description = "Video message file (LinkedIn).")
  Path video;

  @Option(names = "--linkedin", paramLabel = "JSON|@FILE",
      description = "LinkedIn options as JSON shaped like the spec's linkedin field, or @file.json.")
  String linkedIn;

  @Option(names = "--follow-up-attach", description = "File for the recruiter follow-up; repeat for several.")
  List<Path> followUpAttachments = new ArrayList<>();

  @Option(names = "--field", paramLabel = "NAME=VALUE|NAME=@PATH",
      description = {"Any field of the spec's form by name, as curl -F reads it: NAME=VALUE for text (repeat for an",
          "array field), NAME=@PATH for a file. Reaches fields the provider adds after this tool was built."})
  List<String> fields = new ArrayList<>();

  @Option(names = "--base-url", description = "API base URL (env UNIPILE_BASE_URL).")
  String baseUrl;

  @Option(names = "--dsn", paramLabel = "HOST:PORT", description = "Unipile DSN such as api8.unipile.com:13851 (env UNIPILE_DSN).")
  String dsn;

  @Option(names = "--api-key", description = "API key (env UNIPILE_API_KEY). Prefer the variable: arguments show in ps.")
  String apiKey;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "Whole-call timeout in seconds (default 300).")
  Long timeoutSeconds;

  @Option(names = "--allow-insecure-http", description = "Allow http:// to a non-loopback host (sends the key in clear).")
  boolean allowInsecureHttp;

  @Option(names = "--verbose", description = "Print stack traces on failure.")
  boolean verbose;

  StartChatCommand(Console console) {
    this.console = console;
  }

  @Override
  public Integer call() throws IOException {
    StartChatRequest request = request();
    Optional<String> url = Optional.ofNullable(baseUrl).or(() -> console.variable(BASE_URL_ENV));
    Optional<String> dsnValue = Optional.ofNullable(dsn).or(() -> console.variable(DSN_ENV));
    if (url.isPresent() && dsnValue.isPresent()) {
      throw new IllegalArgumentException("--base-url and --dsn (or their variables) name two targets; give one");
    }
    Optional<String> key = Optional.ofNullable(apiKey).or(() -> console.variable(API_KEY_ENV));
    if (url.isEmpty() && dsnValue.isEmpty()) {
      return sendToEmbeddedMock(request, key.orElse(DEMO_KEY));
    }
    UnipileChatClient.Builder builder = UnipileChatClient.builder()
        .apiKey(key.orElseThrow(() -> new IllegalArgumentException("no API key: give --api-key or set " + API_KEY_ENV)));
    url.ifPresent(builder::baseUrl);
    dsnValue.ifPresent(builder::dsn);
    return send(builder, request);
  }

  /** No target at all: try the request out against the mock, and say so, rather than fail. */
  private int sendToEmbeddedMock(StartChatRequest request, String key) throws IOException {
    try (MockUnipileServer mock = MockUnipileServer.builder().port(0).build().start()) {
      console.err().println("unipile-chat: no --base-url/--dsn (nor " + BASE_URL_ENV + "/" + DSN_ENV
          + "): sent to an embedded mock server at " + mock.baseUrl() + ".");
      console.err().println("unipile-chat: to reach Unipile, add --dsn YOUR_DSN (e.g. api8.unipile.com:13851) and set "
          + API_KEY_ENV + ".");
      return send(UnipileChatClient.builder().baseUrl(mock.baseUrl()).apiKey(key), request);
    }
  }

  private int send(UnipileChatClient.Builder builder, StartChatRequest request) throws IOException {
    builder.allowInsecureHttp(allowInsecureHttp);
    if (timeoutSeconds != null) {
      builder.callTimeout(Duration.ofSeconds(timeoutSeconds));
    }
    try (UnipileChatClient client = builder.build()) {
      print(client.startChat(request));
    }
    return ExitCodes.OK;
  }

  StartChatRequest request() throws IOException {
    StartChatRequest.Builder builder = StartChatRequest.builder()
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

  private String linkedInJson() throws IOException {
    if (linkedIn.startsWith("@")) {
      return Files.readString(Path.of(linkedIn.substring(1)), StandardCharsets.UTF_8);
    }
    return linkedIn;
  }

  private static List<Attachment> files(List<Path> paths) {
    return paths.stream().map(Attachment::of).toList();
  }

  private void print(ChatStarted started) throws IOException {
    ObjectNode json = new ObjectMapper().createObjectNode().put("object", "ChatStarted");
    json.put("chat_id", started.chatId().orElse(null));
    json.put("message_id", started.messageId().orElse(null));
    console.out().println(json.toString());
  }
}
