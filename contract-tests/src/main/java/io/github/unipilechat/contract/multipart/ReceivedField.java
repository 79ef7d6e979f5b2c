package io.github.unipilechat.contract.multipart;

import java.util.Objects;

/** One multipart field as a server received it: a named text value, or a named file (described, not kept). */
public sealed interface ReceivedField permits ReceivedField.Text, ReceivedField.File {
  String name();

  record Text(String name, String value) implements ReceivedField {
    public Text {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  /** @param size in bytes */
  record File(String name, String fileName, String contentType, long size) implements ReceivedField {
    public File {
      Objects.requireNonNull(name, "name");
    }
  }
}
