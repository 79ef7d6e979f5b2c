package io.github.unipilechat;

import io.github.unipilechat.errors.UnipileApiException;
import io.github.unipilechat.errors.UnipileIOException;
import io.github.unipilechat.files.Attachment;
import io.github.unipilechat.generated.api.MessagingApi;
import io.github.unipilechat.generated.model.ChatsControllerStartNewChat201Response;
import io.github.unipilechat.http.ApiKey;
import io.github.unipilechat.http.BaseUrl;
import io.github.unipilechat.http.Timeouts;
import io.github.unipilechat.http.Transport;
import io.github.unipilechat.multipart.BracketEncoder;
import io.github.unipilechat.multipart.FormPart;
import io.github.unipilechat.multipart.PartGroup;
import io.github.unipilechat.options.LinkedInOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * Starts chats through Unipile's {@code POST /api/v1/chats}. Thread-safe; build one and share it.
 *
 * <pre>{@code
 * try (UnipileChatClient client = UnipileChatClient.builder().dsn("api8.unipile.com:13851").apiKey(key).build()) {
 *   ChatStarted started = client.startChat(StartChatRequest.builder()
 *       .accountId("acc_1").attendee("ACoAAB...").text("Hello").build());
 * }
 * }</pre>
 */
public final class UnipileChatClient implements AutoCloseable {
  static final String LINKEDIN = "linkedin";
  static final String ATTACHMENTS = "attachments";

  private final HttpUrl baseUrl;
  private final Transport transport;

  private UnipileChatClient(Builder builder) {
    this.baseUrl = builder.baseUrl;
    this.transport = Transport.create(builder.baseUrl, builder.apiKey, builder.okHttpClient, builder.timeouts);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Sends the request and waits for the answer. */
  public ChatStarted startChat(StartChatRequest request) {
    Response<ChatsControllerStartNewChat201Response> response;
    try {
      response = call(request).execute();
    } catch (IOException e) {
      throw new UnipileIOException("start-chat to " + baseUrl.host() + " failed: " + e.getMessage(), e);
    }
    return toResult(response);
  }

  /** Sends the request on OkHttp's dispatcher; the future completes with the answer or the same exceptions. */
  public CompletableFuture<ChatStarted> startChatAsync(StartChatRequest request) {
    CompletableFuture<ChatStarted> future = new CompletableFuture<>();
    call(request).enqueue(new Callback<>() {
      @Override
      public void onResponse(Call<ChatsControllerStartNewChat201Response> call,
          Response<ChatsControllerStartNewChat201Response> response) {
        try {
          future.complete(toResult(response));
        } catch (RuntimeException e) {
          future.completeExceptionally(e);
        }
      }

      @Override
      public void onFailure(Call<ChatsControllerStartNewChat201Response> call, Throwable t) {
        future.completeExceptionally(new UnipileIOException("start-chat to " + baseUrl.host() + " failed: " + t.getMessage(), t));
      }
    });
    return future;
  }

  private Call<ChatsControllerStartNewChat201Response> call(StartChatRequest request) {
    Objects.requireNonNull(request, "request");
    MessagingApi api = transport.api();
    return api.chatsControllerStartNewChat(
        request.accountId(),
        request.attendeeIds(),
        request.text().orElse(null),
        groupedParts(request),
        request.voiceMessage().map(file -> new FormPart.File("voice_message", file).toOkHttp()).orElse(null),
        request.videoMessage().map(file -> new FormPart.File("video_message", file).toOkHttp()).orElse(null),
        request.subject().orElse(null),
        null);
  }

  /**
   * What the generated signature cannot carry: every attachment (it has one slot) and the LinkedIn options as
   * bracket fields (it would send one JSON part).
   */
  static MultipartBody.Part groupedParts(StartChatRequest request) {
    List<FormPart> parts = new ArrayList<>();
    BracketEncoder.appendFiles(ATTACHMENTS, request.attachments(), parts);
    request.linkedIn().ifPresent(options -> parts.addAll(linkedInParts(options)));
    return parts.isEmpty() ? null : PartGroup.of(parts);
  }

  /** The LinkedIn options as the provider reads them: one bracket-named part per leaf, then follow-up files. */
  public static List<FormPart> linkedInParts(LinkedInOptions options) {
    List<FormPart> parts = BracketEncoder.encode(LINKEDIN, options.fields());
    List<Attachment> files = options.followUpAttachments();
    BracketEncoder.appendFiles(BracketEncoder.name(LINKEDIN, "follow_up", ATTACHMENTS), files, parts);
    return parts;
  }

  private static ChatStarted toResult(Response<ChatsControllerStartNewChat201Response> response) {
    if (!response.isSuccessful()) {
      throw new UnipileApiException(response.code(), bodyText(response.errorBody()));
    }
    ChatsControllerStartNewChat201Response body = response.body();
    return new ChatStarted(body == null ? null : body.getChatId(), body == null ? null : body.getMessageId(),
        response.code(), response.headers());
  }

  private static String bodyText(ResponseBody body) {
    if (body == null) {
      return "";
    }
    try (body) {
      return body.string();
    } catch (IOException e) {
      return "";
    }
  }

  /** Releases the connections and threads the client owns; a shared {@link OkHttpClient} is left running. */
  @Override
  public void close() {
    transport.close();
  }

  @Override
  public String toString() {
    return "UnipileChatClient{" + baseUrl + "}";
  }

  public static final class Builder {
    private HttpUrl baseUrl;
    private ApiKey apiKey;
    private OkHttpClient okHttpClient;
    private Timeouts timeouts = Timeouts.DEFAULTS;
    private boolean allowInsecureHttp;
    private String rawBaseUrl;

    private Builder() {}

    /** The API's root, e.g. {@code https://api8.unipile.com:13851}. */
    public Builder baseUrl(String baseUrl) {
      this.rawBaseUrl = baseUrl;
      return this;
    }

    /** Unipile's DSN, e.g. {@code api8.unipile.com:13851}: the same as {@code https://} + DSN. */
    public Builder dsn(String dsn) {
      this.baseUrl = BaseUrl.fromDsn(dsn);
      this.rawBaseUrl = null;
      return this;
    }

    /** Sent as {@code X-API-KEY}, to the configured origin only. */
    public Builder apiKey(String apiKey) {
      this.apiKey = ApiKey.of(apiKey);
      return this;
    }

    /** Shares an application's OkHttp client (its pool and threads); {@link #close()} then leaves it alone. */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = okHttpClient;
      return this;
    }

    public Builder timeouts(Timeouts timeouts) {
      this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
      return this;
    }

    /** The whole call, from sending to the last byte of the answer. */
    public Builder callTimeout(Duration callTimeout) {
      this.timeouts = timeouts.withCall(callTimeout);
      return this;
    }

    /** Allows {@code http://} to a non-loopback host, which sends the API key in clear. Off by default. */
    public Builder allowInsecureHttp(boolean allowInsecureHttp) {
      this.allowInsecureHttp = allowInsecureHttp;
      return this;
    }

    public UnipileChatClient build() {
      if (rawBaseUrl != null) {
        baseUrl = BaseUrl.parse(rawBaseUrl, allowInsecureHttp);
      }
      if (baseUrl == null) {
        throw new IllegalArgumentException("baseUrl: required (a base URL or a DSN such as api8.unipile.com:13851)");
      }
      if (apiKey == null) {
        throw new IllegalArgumentException("apiKey: required (header X-API-KEY)");
      }
      return new UnipileChatClient(this);
    }
  }
}
