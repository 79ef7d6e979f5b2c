package io.github.unipilechat.drift.internal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.unipilechat.errors.ApiError;
import io.github.unipilechat.generated.model.ChatsControllerStartNewChat201Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * The success body as the generated model, and the JSON it was read from, for the response check (Retrofit
 * otherwise consumes the bytes). An {@code enum} value the spec does not list (say a new {@code object}) reads as
 * null rather than failing: the provider did start the chat, and the check reports the value.
 */
public final class CreatedBody extends ChatsControllerStartNewChat201Response {
  @JsonIgnore
  private transient JsonNode json;

  /** The body as received; null only when built outside the converter. */
  public JsonNode json() {
    return json;
  }

  /** The JSON of {@code body} when it came through the converter, else null. */
  public static JsonNode jsonOf(Object body) {
    return body instanceof CreatedBody created ? created.json : null;
  }

  /** Put before Jackson's factory: answers the success type, leaves every other type to the next factory. */
  public static Converter.Factory converterFactory(ObjectMapper mapper) {
    ObjectMapper lenient = mapper.copy().enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);
    ObjectReader tree = lenient.readerFor(JsonNode.class);
    return new Converter.Factory() {
      @Override
      public Converter<ResponseBody, ?> responseBodyConverter(Type type, Annotation[] annotations, Retrofit retrofit) {
        if (type != ChatsControllerStartNewChat201Response.class) {
          return null;
        }
        return body -> {
          try (body) {
            // A ChatStarted is a hundred bytes; an answer over the limit is not one, and is not read into memory.
            if (body.source().request(ApiError.BODY_LIMIT + 1L)) {
              throw new StreamConstraintsException("the success body is over " + ApiError.BODY_LIMIT + " bytes");
            }
            // Empty or malformed input throws JacksonException, as Jackson's own converter does.
            JsonNode json = utf8(body) ? tree.readValue(body.byteStream()) : tree.readValue(body.charStream());
            CreatedBody created = lenient.treeToValue(json, CreatedBody.class);
            if (created != null) {
              created.json = json;
            }
            return created;
          }
        };
      }
    };
  }

  /**
   * Whether the body can go to Jackson as bytes: JSON is UTF-8 unless the answer names another charset (Jackson
   * also detects UTF-16 and UTF-32 from the bytes). Bytes spare a decoding reader and its 8 KiB buffer per answer,
   * which were a third of what a call allocated.
   */
  private static boolean utf8(ResponseBody body) {
    MediaType type = body.contentType();
    Charset charset = type == null ? null : type.charset(null);
    return charset == null || charset.equals(StandardCharsets.UTF_8);
  }
}
