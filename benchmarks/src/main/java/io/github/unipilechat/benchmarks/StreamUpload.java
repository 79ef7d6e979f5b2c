package io.github.unipilechat.benchmarks;

import io.github.unipilechat.StartChatRequest;
import io.github.unipilechat.UnipileChatClient;
import io.github.unipilechat.files.Attachment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One large upload, run in its own JVM (started with a small heap by {@link Main}), printing "bytes nanos".
 * Arguments: {@code client|raw BASE_URL FILE WARMUP_FILE}: the small warm-up file goes first, untimed.
 */
public final class StreamUpload {
  private StreamUpload() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    String baseUrl = args[1];
    Path file = Path.of(args[2]);
    long size = Files.size(file);
    // Only the transfer is timed: building a client, loading the spec and JIT warm-up are not per-byte costs. Without
    // the warm-up upload, the client's JVM was still compiling its start-up (the spec check) during the timed one.
    upload(mode, baseUrl, Path.of(args[3]));
    System.out.println(size + " " + upload(mode, baseUrl, file));
  }

  private static long upload(String mode, String baseUrl, Path file) throws Exception {
    return mode.equals("client") ? viaClient(baseUrl, file) : viaRawOkHttp(baseUrl, file);
  }

  private static long viaClient(String baseUrl, Path file) {
    try (UnipileChatClient client = UnipileChatClient.builder().baseUrl(baseUrl).apiKey("bench-key")
        .writeTimeout(Duration.ofMinutes(10)).readTimeout(Duration.ofMinutes(10)).callTimeout(Duration.ofMinutes(20))
        .maxRetries(0).build()) {
      StartChatRequest request = StartChatRequest.builder().accountId("acc_1").attendee("ACoAAB1")
          .videoMessage(Attachment.of(file)).build();
      long start = System.nanoTime();
      client.startChat(request);
      return System.nanoTime() - start;
    }
  }

  private static long viaRawOkHttp(String baseUrl, Path file) throws Exception {
    OkHttpClient raw = new OkHttpClient.Builder().writeTimeout(10, TimeUnit.MINUTES).readTimeout(10, TimeUnit.MINUTES).build();
    MultipartBody body = new MultipartBody.Builder().setType(MultipartBody.FORM)
        .addFormDataPart("account_id", "acc_1")
        .addFormDataPart("attendees_ids", "ACoAAB1")
        .addFormDataPart("video_message", file.getFileName().toString(),
            RequestBody.create(file.toFile(), MediaType.get("video/mp4")))
        .build();
    Request request = new Request.Builder().url(baseUrl + "/api/v1/chats").header("X-API-KEY", "bench-key").post(body).build();
    long start = System.nanoTime();
    try (Response response = raw.newCall(request).execute()) {
      if (response.code() != 201) {
        throw new IllegalStateException("upload answered " + response.code());
      }
    } finally {
      raw.dispatcher().executorService().shutdown();
    }
    return System.nanoTime() - start;
  }
}
