package io.github.unipilechat.errors;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The IMAP/SMTP settings a 401 may carry ({@code connectionParams}, e.g. with
 * {@code errors/invalid_credentials_but_valid_account_imap}). Fields the answer lacks are null.
 */
public record ConnectionParams(String imapHost, String imapEncryption, Integer imapPort, String imapUser,
    String smtpHost, Integer smtpPort, String smtpUser) implements java.io.Serializable {

  static Optional<ConnectionParams> from(JsonNode node) {
    if (node == null || !node.isObject()) {
      return Optional.empty();
    }
    return Optional.of(new ConnectionParams(text(node, "imap_host"), text(node, "imap_encryption"),
        number(node, "imap_port"), text(node, "imap_user"), text(node, "smtp_host"), number(node, "smtp_port"),
        text(node, "smtp_user")));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
  }

  private static Integer number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isNumber()) {
      return value.intValue();
    }
    try {
      return Integer.valueOf(value.asText().trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
