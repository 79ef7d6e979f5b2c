package io.github.unipilechat.internal.form;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.unipilechat.files.Attachment;
import io.github.unipilechat.internal.form.BracketEncoder;
import io.github.unipilechat.multipart.FormPart;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An object field as bracket-named parts, in the canonical order: the order of the properties of the schema (of
 * the branch the object takes, for an {@code anyOf}), depth first, whatever order the object was built in. Files
 * inside the object go at their property's place. Pact JVM matches multipart parts by position, so one request
 * must give one order however it was built.
 */
public final class ObjectParts {
  private ObjectParts() {}

  /**
   * The parts of {@code tree} under {@code name}, e.g. {@code linkedin[follow_up][scheduled_time][days]}.
   *
   * @param files files inside the object by dotted property path, e.g. {@code follow_up.attachments}
   */
  public static List<FormPart> encode(FormSchema form, String name, JsonNode schema, JsonNode tree,
      Map<String, List<Attachment>> files) {
    List<FormPart> parts = new ArrayList<>();
    Map<String, List<Attachment>> remaining = new LinkedHashMap<>(files);
    object(form, name, "", schema, tree, remaining, parts);
    // Validation refuses files at a path the schema lacks; should one get here, it is sent rather than dropped.
    remaining.forEach((path, list) -> BracketEncoder.appendFiles(BracketEncoder.name(name, path.split("\\.")), list, parts));
    return parts;
  }

  private static void object(FormSchema form, String name, String path, JsonNode schema, JsonNode tree,
      Map<String, List<Attachment>> files, List<FormPart> parts) {
    JsonNode branch = schema == null ? null : Branches.choose(form.resolve(schema), tree);
    JsonNode properties = branch == null ? null : branch.get("properties");
    if (properties == null || !tree.isObject()) {
      BracketEncoder.encodeInto(name, tree, parts);
      return;
    }
    int listed = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = properties.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> property = it.next();
      String key = property.getKey();
      JsonNode value = tree.get(key);
      if (value == null && files.isEmpty()) {
        continue; // most of a shape's properties are not set: no names to build for them
      }
      String childName = BracketEncoder.name(name, key);
      // Paths only serve to find files; without any left, none is built.
      String childPath = files.isEmpty() ? path : path.isEmpty() ? key : path + "." + key;
      List<Attachment> childFiles = files.isEmpty() ? null : files.remove(childPath);
      if (childFiles != null) {
        BracketEncoder.appendFiles(childName, childFiles, parts);
      }
      if (value == null) {
        continue;
      }
      listed++;
      JsonNode childSchema = form.resolve(property.getValue());
      if (value.isObject()) {
        object(form, childName, childPath, childSchema, value, files, parts);
      } else if (value.isArray() && childSchema.has("items")) {
        JsonNode items = form.resolve(childSchema.get("items"));
        for (JsonNode element : value) {
          if (element.isObject()) {
            object(form, childName, childPath, items, element, files, parts);
          } else {
            BracketEncoder.encodeInto(childName, element, parts);
          }
        }
      } else {
        BracketEncoder.encodeInto(childName, value, parts);
      }
    }
    if (listed == tree.size()) {
      return;
    }
    // Keys the schema does not list (refused by validation) keep the object's own order after the rest.
    for (Iterator<Map.Entry<String, JsonNode>> it = tree.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!properties.has(field.getKey())) {
        BracketEncoder.encodeInto(BracketEncoder.name(name, field.getKey()), field.getValue(), parts);
      }
    }
  }
}
