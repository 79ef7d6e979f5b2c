package io.github.unipilechat.internal.form;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.unipilechat.files.Attachment;
import io.github.unipilechat.multipart.FormPart;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Flattens a JSON tree into bracket-named form fields, the way the provider reads nested options:
 * {@code {"follow_up":{"scheduled_time":{"days":5}}}} under {@code linkedin} becomes
 * {@code linkedin[follow_up][scheduled_time][days]=5}. It walks whatever the tree holds, so a property
 * added to the spec reaches the wire without a change here.
 */
public final class BracketEncoder {
  private BracketEncoder() {}

  /** The fields for {@code tree} under the name {@code root}, in the tree's order. */
  public static List<FormPart> encode(String root, JsonNode tree) {
    List<FormPart> parts = new ArrayList<>();
    encode(root, tree, parts);
    return parts;
  }

  /** Appends files under a bracket path, e.g. {@code linkedin[follow_up][attachments]}, once per file. */
  public static void appendFiles(String name, List<Attachment> files, List<FormPart> parts) {
    for (Attachment file : files) {
      parts.add(new FormPart.File(name, file));
    }
  }

  /** {@code linkedin} + [follow_up, attachments] → {@code linkedin[follow_up][attachments]}. */
  public static String name(String root, String... path) {
    int length = root.length();
    for (String segment : path) {
      length += segment.length() + 2;
    }
    StringBuilder name = new StringBuilder(length).append(root);
    for (String segment : path) {
      name.append('[').append(segment).append(']');
    }
    return name.toString();
  }

  /** Appends the fields for {@code node} under {@code name} to {@code parts}, in the tree's order. */
  public static void encodeInto(String name, JsonNode node, List<FormPart> parts) {
    encode(name, node, parts);
  }

  private static void encode(String name, JsonNode node, List<FormPart> parts) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return;
    }
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        encode(name(name, field.getKey()), field.getValue(), parts);
      }
    } else if (node.isArray()) {
      // Repeated names, as for attendees_ids: the provider's parser collects them into a list.
      node.forEach(element -> encode(name, element, parts));
    } else if (node.isIntegralNumber()) {
      parts.add(new FormPart.Text(name, node.asText())); // plain digits for int, long and big integer nodes
    } else if (node.isNumber()) {
      // 5, never 5.0: the provider parses these as integers.
      parts.add(new FormPart.Text(name, node.decimalValue().stripTrailingZeros().toPlainString()));
    } else if (node.isTextual() && node.asText().isEmpty()) {
      // An empty value means "not set": the provider gets no part rather than an empty one.
      return;
    } else {
      parts.add(new FormPart.Text(name, node.asText()));
    }
  }
}
