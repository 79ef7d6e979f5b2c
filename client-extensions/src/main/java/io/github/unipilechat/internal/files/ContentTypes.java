package io.github.unipilechat.internal.files;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import okhttp3.MediaType;

/** Guesses a file's media type from its name, so callers rarely have to say it. */
public final class ContentTypes {
  public static final String OCTET_STREAM = "application/octet-stream";

  private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
      Map.entry("pdf", "application/pdf"),
      Map.entry("png", "image/png"),
      Map.entry("jpg", "image/jpeg"),
      Map.entry("jpeg", "image/jpeg"),
      Map.entry("gif", "image/gif"),
      Map.entry("webp", "image/webp"),
      Map.entry("heic", "image/heic"),
      Map.entry("svg", "image/svg+xml"),
      Map.entry("mp4", "video/mp4"),
      Map.entry("mov", "video/quicktime"),
      Map.entry("webm", "video/webm"),
      Map.entry("avi", "video/x-msvideo"),
      Map.entry("m4a", "audio/mp4"),
      Map.entry("mp3", "audio/mpeg"),
      Map.entry("wav", "audio/wav"),
      Map.entry("ogg", "audio/ogg"),
      Map.entry("aac", "audio/aac"),
      Map.entry("txt", "text/plain"),
      Map.entry("csv", "text/csv"),
      Map.entry("html", "text/html"),
      Map.entry("json", "application/json"),
      Map.entry("zip", "application/zip"),
      Map.entry("doc", "application/msword"),
      Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
      Map.entry("xls", "application/vnd.ms-excel"),
      Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
      Map.entry("ppt", "application/vnd.ms-powerpoint"),
      Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"));

  // The table's types parsed once: OkHttp parses a media type with a regular expression, which showed up in the
  // profile of building a request with one attachment.
  private static final Map<String, MediaType> PARSED = parsed();

  private ContentTypes() {}

  /**
   * {@code contentType} parsed, taken from the table when it is one of its types.
   *
   * @throws IllegalArgumentException when it is not a well-formed media type
   */
  public static MediaType parse(String contentType) {
    MediaType known = PARSED.get(contentType);
    return known != null ? known : MediaType.get(contentType);
  }

  private static Map<String, MediaType> parsed() {
    Map<String, MediaType> parsed = new HashMap<>();
    parsed.put(OCTET_STREAM, MediaType.get(OCTET_STREAM));
    BY_EXTENSION.values().forEach(type -> parsed.computeIfAbsent(type, MediaType::get));
    return Map.copyOf(parsed);
  }

  /** The media type for {@code fileName}'s extension, or {@value #OCTET_STREAM} when unknown (or no name). */
  public static String forFileName(String fileName) {
    if (fileName == null) {
      return OCTET_STREAM;
    }
    int dot = fileName.lastIndexOf('.');
    if (dot < 0 || dot == fileName.length() - 1) {
      return OCTET_STREAM;
    }
    String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    return BY_EXTENSION.getOrDefault(extension, OCTET_STREAM);
  }
}
